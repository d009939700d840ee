package dev.kontor.clients.internal.reseller;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.mail.Mailer;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.Accounts;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientStore;
import dev.kontor.clients.internal.client.FieldErrors;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A reseller asks one of the operator's clients to join its portfolio; the client's
 * owner accepts (the client moves to the reseller, {@link ResellerMoves}) or declines
 * (C9). Like a partner's access request (C7), the reseller names the client by its id and
 * one of its addresses, where the request is mailed: a client out of reach, or an
 * address that is not the client's, is answered like a missing client. The operator sees
 * every request.
 */
@Component(service = AttachRequests.class)
public class AttachRequests {

    static final int MAX_MESSAGE = 2000;
    private static final List<String> STATES = List.of(AttachRequest.PENDING, AttachRequest.ACCEPTED, AttachRequest.DECLINED,
            AttachRequest.WITHDRAWN);

    private final Database database;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Mailer mailer;
    private final ResellerMoves moves;

    @Activate
    public AttachRequests(@Reference Database database, @Reference AuditLog audit, @Reference Accounts accounts,
            @Reference Mailer mailer, @Reference ResellerMoves moves) {
        this.database = database;
        this.audit = audit;
        this.accounts = accounts;
        this.mailer = mailer;
        this.moves = moves;
    }

    /**
     * The caller's reseller asks the client to join its portfolio; the request is mailed
     * to the address given.
     *
     * @throws NotFoundException when the client does not exist, belongs to another
     *         reseller, or the address is none of the client's
     * @throws ProblemException 409 when the caller acts for the operator or for no active
     *         reseller, the client is the reseller's already, or a request of it is pending
     */
    public AttachRequest request(Caller caller, String clientId, NewAttachRequest body) {
        Require.permission(caller, ClientsPermissions.PARTNER);
        if (caller.isOperator()) {
            throw new ProblemException(409, "operator-reaches-all", "The operator's staff manage every client already.");
        }
        NewAttachRequest given = body == null ? new NewAttachRequest(null, null) : body;
        FieldErrors errors = new FieldErrors();
        String email = errors.check(() -> MailAddress.required("email", given.email()));
        String message = errors.check(() -> TextInput.multiline("message", given.message(), MAX_MESSAGE));
        errors.throwIfAny();
        String reseller = caller.organizationId();
        return database.inTransaction(connection -> {
            if (!ResellerStore.active(connection, reseller)) {
                throw new ProblemException(409, "not-a-reseller", "Only an active reseller asks clients to join it.");
            }
            ClientDetails client = (TextInput.plausibleId(clientId) ? ClientStore.find(connection, clientId)
                    : Optional.<ClientDetails>empty()).filter(found -> addressesOf(found).contains(email.toLowerCase(Locale.ROOT)))
                    .filter(found -> found.resellerId() == null || found.resellerId().equals(reseller))
                    .orElseThrow(NotFoundException::new);
            if (reseller.equals(client.resellerId())) {
                throw new ProblemException(409, "already-in-portfolio", "The client is yours already.");
            }
            if (reseller.equals(client.organizationId())) {
                throw new ProblemException(409, "own-organization", "Your own organization cannot be your client.");
            }
            if (AttachRequestStore.pendingExists(connection, client.id(), reseller)) {
                throw new ProblemException(409, "attach-request-pending", "You asked this client already; it has not answered.");
            }
            AttachRequest request = new AttachRequest(Ids.newId("ar"), client.id(), null, reseller, resellerName(reseller),
                    email, message, AttachRequest.PENDING, Instant.now().truncatedTo(ChronoUnit.MICROS), null);
            AttachRequestStore.insert(connection, request, client.organizationId(), caller.userId());
            record(caller, "clients.attach.requested", request, "client " + client.id() + ", reseller " + reseller);
            Map<String, String> values = new HashMap<>();
            values.put("reseller", request.resellerName());
            values.put("client", client.name());
            values.put("message", message == null ? "-" : message);
            mailer.queue(email, "reseller-attach-request", Locale.forLanguageTag(client.language()), values);
            return request;
        });
    }

    /**
     * The requests the caller may see, newest first: every one for the operator's staff
     * holding {@code clients.resellers}; else those the caller's reseller sent (with
     * {@code clients.partner}) and those sent to the caller's own client organization
     * (with {@code clients.access}).
     */
    public Page<AttachRequest> list(Caller caller, String state, PageRequest page) {
        String filter = StateFilter.of(state, STATES);
        boolean all = caller.has(ClientsPermissions.RESELLERS);
        String sent = !caller.isOperator() && caller.has(ClientsPermissions.PARTNER) ? caller.organizationId() : null;
        String received = caller.has(ClientsPermissions.ACCESS) ? caller.organizationId() : null;
        if (!all && sent == null && received == null) {
            Require.permission(caller, ClientsPermissions.ACCESS);
        }
        List<AttachRequestStore.Stored> rows = database.inTransaction(connection -> AttachRequestStore.page(connection, all,
                sent, received, filter, page));
        Page<AttachRequestStore.Stored> found = page.toPage(rows, stored -> stored.request().id());
        Map<String, String> names = new HashMap<>();
        return new Page<>(found.items().stream().map(stored -> shown(caller, stored, names)).toList(), found.nextCursor());
    }

    /** The client's owner accepts: the client moves to the reseller in the same transaction. */
    public AttachRequest accept(Caller caller, String id) {
        return answer(caller, id, (connection, stored, at) -> {
            AttachRequest request = stored.request();
            ClientDetails client = ClientStore.lock(connection, request.clientId()).orElseThrow(NotFoundException::new);
            if (client.resellerId() != null) {
                throw new ProblemException(409, "client-moved", "Your account belongs to a reseller meanwhile.");
            }
            if (!ResellerStore.active(connection, request.resellerId())) {
                throw new ProblemException(409, "reseller-not-active", "The reseller cannot take clients now.");
            }
            AttachRequestStore.answer(connection, request.id(), AttachRequest.ACCEPTED, caller.userId(), at);
            moves.move(caller, client.id(), request.resellerId(), "attach request " + request.id() + " accepted");
            record(caller, "clients.attach.accepted", request, "client " + client.id() + ", reseller " + request.resellerId());
        });
    }

    /** The client's owner declines: nothing changes but the request's state. */
    public AttachRequest decline(Caller caller, String id) {
        return answer(caller, id, (connection, stored, at) -> {
            AttachRequestStore.answer(connection, stored.request().id(), AttachRequest.DECLINED, caller.userId(), at);
            record(caller, "clients.attach.declined", stored.request(), null);
        });
    }

    /** Answers a pending request sent to the caller's organization, under a lock; 404 for any other. */
    private AttachRequest answer(Caller caller, String id, Answer answer) {
        Require.permission(caller, ClientsPermissions.ACCESS);
        return database.inTransaction(connection -> {
            AttachRequestStore.Stored stored = (TextInput.plausibleId(id) ? AttachRequestStore.lock(connection, id)
                    : Optional.<AttachRequestStore.Stored>empty())
                    .filter(found -> caller.organizationId().equals(found.clientOrganizationId()))
                    .orElseThrow(NotFoundException::new);
            if (!stored.request().pending()) {
                throw new ProblemException(409, "request-answered", "The request was " + stored.request().state() + " already.");
            }
            answer.give(connection, stored, Instant.now().truncatedTo(ChronoUnit.MICROS));
            return shown(caller, AttachRequestStore.find(connection, id).orElseThrow(), new HashMap<>());
        });
    }

    /** The client's contact address and its members' addresses, lower case. */
    private Set<String> addressesOf(ClientDetails client) {
        Set<String> addresses = new HashSet<>(accounts.memberAddresses(client.organizationId()));
        addresses.add(client.email().toLowerCase(Locale.ROOT));
        return addresses;
    }

    /**
     * The request as the caller may see it: the client's name only for the operator, the
     * client's own users and the reseller the client belongs to now.
     */
    private AttachRequest shown(Caller caller, AttachRequestStore.Stored stored, Map<String, String> names) {
        AttachRequest request = stored.request();
        boolean named = caller.isOperator() || caller.organizationId().equals(stored.clientOrganizationId())
                || caller.organizationId().equals(stored.clientResellerId());
        return new AttachRequest(request.id(), request.clientId(), named ? request.clientName() : null, request.resellerId(),
                names.computeIfAbsent(request.resellerId(), this::resellerName), request.email(), request.message(),
                request.state(), request.createdAt(), request.answeredAt());
    }

    private String resellerName(String resellerId) {
        return accounts.find(resellerId).map(Account::name).orElse(resellerId);
    }

    private void record(Caller caller, String action, AttachRequest request, String detail) {
        audit.record(caller, action, "attach-request:" + request.id(), AuditOutcome.SUCCESS, detail);
    }

    /** What answering does to a pending request, inside the answer's transaction. */
    private interface Answer {
        void give(Connection connection, AttachRequestStore.Stored stored, Instant at) throws SQLException;
    }
}
