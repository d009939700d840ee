package dev.kontor.clients.internal.partner;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.api.storage.StorageException;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.Accounts;
import dev.kontor.clients.internal.client.Contact;
import dev.kontor.clients.internal.client.FieldErrors;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Partner access requests (C7): a partner asks a client, naming it by its id and one of
 * its addresses; the client's owner accepts (for partial access choosing the products)
 * or declines. Accepting gives a grant of the users module. Each change is one
 * transaction with its audit entry and its mail.
 *
 * <p>Who is who: a <b>partner</b> is an organization whose caller holds
 * {@code clients.partner} (an approved reseller's owner and administrators), never the
 * operator's. The <b>client's side</b> is a caller acting in the client's organization
 * with {@code clients.access} (its owners). Everything out of the caller's reach, and a
 * client id with an address that is not the client's, answers like a missing client.
 */
@Component(service = AccessRequests.class)
public class AccessRequests {

    static final int MAX_MESSAGE = 2000;
    /** More products than there can be modules is not a choice. */
    static final int MAX_PRODUCTS = 200;
    /** Longest product (a module id) a choice may name. */
    static final int MAX_PRODUCT = 100;

    private final Database database;
    private final AuditLog audit;
    private final Accounts accounts;
    private final PartnerMails mails;
    private final Clock clock;

    @Activate
    public AccessRequests(@Reference Database database, @Reference AuditLog audit, @Reference Accounts accounts,
            @Reference PartnerMails mails) {
        this(database, audit, accounts, mails, Clock.systemUTC());
    }

    public AccessRequests(Database database, AuditLog audit, Accounts accounts, PartnerMails mails, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.accounts = accounts;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Sends the partner's request to the client's address.
     *
     * @throws NotFoundException when the client does not exist or the address is not one of its addresses
     * @throws dev.kontor.api.rest.ProblemException 409 when the caller acts for the operator, asks its own
     *         organization, has access already or an open request
     */
    public AccessRequest request(Caller caller, String clientId, NewAccessRequest body) {
        String partnerId = Partners.partnerOf(caller);
        Asked asked = Asked.of(body);
        try {
            return database.inTransaction(connection -> {
                ClientFacts client = clientAt(connection, clientId, asked.email());
                if (client.organizationId().equals(partnerId)) {
                    throw Refusals.ownOrganization();
                }
                if (accounts.grantsOf(client.organizationId()).stream()
                        .anyMatch(grant -> grant.granteeOrganizationId().equals(partnerId))) {
                    throw Refusals.accessExists();
                }
                Instant now = now();
                PartnerStore.expireOpen(connection, client.id(), partnerId, now);
                if (PartnerStore.openRequest(connection, client.id(), partnerId).isPresent()) {
                    throw Refusals.requestOpen();
                }
                AccessRequest request = new AccessRequest(Ids.newId("ar"), client.id(), partnerId, partnerName(partnerId),
                        asked.scope(), asked.email(), sender(connection, partnerId, asked.senderEmail()), asked.message(),
                        AccessRequest.OPEN, now, now.plus(mails.links().requestValidity()), null, List.of(), null,
                        Partners.language(caller));
                PartnerStore.insertRequest(connection, request, caller.userId());
                mails.requested(request, client);
                audit.record(caller, "clients.access.requested", "client:" + client.id(), AuditOutcome.SUCCESS,
                        request.scope() + " access, request " + request.id() + ", sent to "
                                + (client.contactAddress(asked.email()) ? "the client's contact address" : "a member's address"));
                return request;
            });
        } catch (StorageException e) {
            if (e.isUniqueViolation()) {
                throw Refusals.requestOpen(); // another request of the partner came first
            }
            throw e;
        }
    }

    /**
     * The requests to a client: all of them for the client's own owners, only its own for a
     * partner that asked it.
     */
    public Page<AccessRequest> ofClient(Caller caller, String clientId, PageRequest page) {
        String after = Partners.cursor(page);
        Instant now = now();
        return database.inTransaction(connection -> {
            ClientFacts client = PartnerStore.client(connection, clientId).orElseThrow(NotFoundException::new);
            List<AccessRequest> rows;
            if (Partners.clientSide(caller, client)) {
                rows = PartnerStore.requestsOfClient(connection, client.id(), after, page.limit() + 1);
            } else if (Partners.actsAsPartner(caller) && !PartnerStore.requestsOfPartner(connection, caller.organizationId(),
                    client.id(), null, 1).isEmpty()) {
                rows = PartnerStore.requestsOfPartner(connection, caller.organizationId(), client.id(), after,
                        page.limit() + 1);
            } else {
                throw new NotFoundException();
            }
            return asOf(page.toPage(rows, AccessRequest::id), now);
        });
    }

    /** The partner's requests to any client, newest first. */
    public Page<AccessRequest> ofPartner(Caller caller, PageRequest page) {
        String after = Partners.cursor(page);
        Instant now = now();
        if (!Partners.actsAsPartner(caller)) {
            return Page.of(List.of());
        }
        return asOf(page.toPage(database.inTransaction(connection -> PartnerStore.requestsOfPartner(connection,
                caller.organizationId(), null, after, page.limit() + 1)), AccessRequest::id), now);
    }

    /** The client account of the caller's organization, for the client's owners. */
    public OwnClient ownClient(Caller caller) {
        return database.inTransaction(connection -> PartnerStore.clientOfOrganization(connection, caller.organizationId()))
                .filter(client -> Partners.clientSide(caller, client))
                .map(client -> new OwnClient(client.id(), client.organizationId(), client.name()))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * The client's owner accepts: a grant to the partner's organization for all its
     * members, full or for the chosen products (C7); the partner is told by mail.
     *
     * @throws ValidationException naming {@code products} (or {@code products[i]}, for a
     *         module id no installed module declares)
     */
    public Grant accept(Caller caller, String requestId, AccessAnswer answer) {
        List<String> chosen = chosenProducts(answer);
        return database.inTransaction(connection -> {
            Answering answering = answering(connection, caller, requestId);
            AccessRequest request = answering.request();
            ClientFacts client = answering.client();
            if (request.full() && !chosen.isEmpty()) {
                throw new ValidationException("products", "only for partial access: full access covers every product");
            }
            if (!request.full() && chosen.isEmpty()) {
                throw new ValidationException("products", "choose at least one product for partial access");
            }
            String partnerName = accounts.find(request.partnerOrganizationId()).map(Account::name)
                    .orElseThrow(Refusals::partnerGone);
            List<AccessGrant> inForce = accounts.grantsOf(client.organizationId());
            if (inForce.stream().anyMatch(grant -> grant.granteeOrganizationId().equals(request.partnerOrganizationId()))) {
                throw Refusals.accessExists();
            }
            forgetEndedGrants(connection, client, request.partnerOrganizationId(), inForce);
            AccessGrant grant = SentOrder.naming("products", sent(answer), () -> accounts.grant(caller,
                    new AccessGrant.Request(client.organizationId(), request.partnerOrganizationId(), Set.copyOf(chosen),
                            Set.of())));
            Instant now = now();
            PartnerGrantRow row = new PartnerGrantRow(grant.id(), client.id(), request.partnerOrganizationId(), request.id(),
                    request.senderEmail(), false, grant.createdAt(), request.partnerLanguage());
            PartnerStore.insertGrant(connection, row);
            List<String> products = Grant.sorted(grant.products());
            PartnerStore.answer(connection, request.id(), AccessRequest.ACCEPTED, now, caller.userId(), products, grant.id());
            mails.accepted(request, client, products);
            audit.record(caller, "clients.access.accepted", target(request), AuditOutcome.SUCCESS, "grant " + grant.id()
                    + " to organization " + request.partnerOrganizationId() + ", "
                    + (grant.full() ? "full access" : "products " + String.join(" ", products)));
            return Grant.of(client.id(), grant, partnerName, row);
        });
    }

    /** The client's owner declines; the partner is told by mail. */
    public AccessRequest decline(Caller caller, String requestId) {
        return database.inTransaction(connection -> {
            Answering answering = answering(connection, caller, requestId);
            AccessRequest request = answering.request();
            Instant now = now();
            PartnerStore.answer(connection, request.id(), AccessRequest.DECLINED, now, caller.userId(), List.of(), null);
            mails.declined(request);
            audit.record(caller, "clients.access.declined", target(request), AuditOutcome.SUCCESS,
                    "from organization " + request.partnerOrganizationId());
            return PartnerStore.lockRequest(connection, request.id()).orElseThrow();
        });
    }

    /** The open request the caller may answer, locked, with its client. */
    private Answering answering(Connection connection, Caller caller, String requestId) throws SQLException {
        AccessRequest request = PartnerStore.lockRequest(connection, requestId).orElseThrow(NotFoundException::new);
        ClientFacts client = PartnerStore.client(connection, request.clientId()).filter(found -> Partners.clientSide(caller,
                found)).orElseThrow(NotFoundException::new);
        if (!AccessRequest.OPEN.equals(request.state())) {
            throw Refusals.requestAnswered();
        }
        if (!AccessRequest.OPEN.equals(request.asOf(now()).state())) {
            throw Refusals.requestExpired();
        }
        return new Answering(request, client);
    }

    /** The client, if the address is one of its addresses: else the same answer as for a missing client. */
    private ClientFacts clientAt(Connection connection, String clientId, String address) throws SQLException {
        return PartnerStore.client(connection, clientId).filter(client -> client.contactAddress(address)
                        || accounts.memberAddresses(client.organizationId()).contains(address))
                .orElseThrow(NotFoundException::new);
    }

    /**
     * The address the answer goes to, and copies with full access (C8): as asked, else the
     * partner organization's profile address, its contact address when it is a client of
     * the panel itself. An address asked for must be the organization's: its profile
     * address or a member's, so that a partner cannot pose as someone else in the mail to
     * the client, nor send the client's mails to a third party.
     */
    private String sender(Connection connection, String partnerId, String asked) throws SQLException {
        Optional<String> profile = PartnerStore.clientOfOrganization(connection, partnerId).map(ClientFacts::email);
        if (asked == null) {
            return profile.orElseThrow(() -> new ValidationException("sender_email",
                    "required: your organization has no profile address in the panel to answer to"));
        }
        String key = asked.toLowerCase(Locale.ROOT);
        if (profile.map(address -> address.toLowerCase(Locale.ROOT).equals(key)).orElse(false)
                || accounts.memberAddresses(partnerId).contains(key)) {
            return asked;
        }
        throw new ValidationException("sender_email", "must be your organization's address or one of its members'");
    }

    private String partnerName(String partnerId) {
        return accounts.find(partnerId).map(Account::name).orElseThrow(NotFoundException::new);
    }

    /** Rows of this module beside grants of the pair that ended elsewhere (revoked in the users module). */
    private static void forgetEndedGrants(Connection connection, ClientFacts client, String partnerId,
            List<AccessGrant> inForce) throws SQLException {
        Set<String> live = new TreeSet<>(inForce.stream().map(AccessGrant::id).toList());
        for (PartnerGrantRow row : PartnerStore.grantsOfClient(connection, client.id())) {
            if (row.partnerOrganizationId().equals(partnerId) && !live.contains(row.grantId())) {
                PartnerStore.deleteGrant(connection, row.grantId());
            }
        }
    }

    private static List<String> chosenProducts(AccessAnswer answer) {
        if (answer == null || answer.products() == null) {
            return List.of();
        }
        if (answer.products().size() > MAX_PRODUCTS) {
            throw new ValidationException("products", "at most " + MAX_PRODUCTS + " products");
        }
        List<String> products = new ArrayList<>();
        for (int i = 0; i < answer.products().size(); i++) {
            String product = answer.products().get(i);
            if (product == null || product.isBlank() || product.length() > MAX_PRODUCT || !TextInput.isOneLine(product)) {
                throw new ValidationException("products[" + i + "]", "is not a product of an installed module");
            }
            products.add(product.strip());
        }
        return List.copyOf(new TreeSet<>(products));
    }

    /** The products as sent, stripped as they were checked. */
    private static List<String> sent(AccessAnswer answer) {
        return answer == null || answer.products() == null ? List.of()
                : answer.products().stream().map(String::strip).toList();
    }

    private static Page<AccessRequest> asOf(Page<AccessRequest> page, Instant now) {
        return new Page<>(page.items().stream().map(request -> request.asOf(now)).toList(), page.nextCursor());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String target(AccessRequest request) {
        return "access-request:" + request.id();
    }

    private record Answering(AccessRequest request, ClientFacts client) {
    }

    /** The checked fields of a new request. */
    private record Asked(String scope, String email, String senderEmail, String message) {

        static Asked of(NewAccessRequest body) {
            if (body == null) {
                throw new ValidationException("$", "the body must be a JSON object with scope and email");
            }
            FieldErrors errors = new FieldErrors();
            String scope = errors.check(() -> scope(body.scope()));
            String email = errors.check(() -> Contact.email("email", body.email()).toLowerCase(Locale.ROOT));
            String sender = body.senderEmail() == null || body.senderEmail().isBlank() ? null
                    : errors.check(() -> Contact.email("sender_email", body.senderEmail()));
            String message = errors.check(() -> TextInput.multiline("message", body.message(), MAX_MESSAGE));
            errors.throwIfAny();
            return new Asked(scope, email, sender, message);
        }

        private static String scope(String value) {
            if (!AccessRequest.FULL.equals(value) && !AccessRequest.PARTIAL.equals(value)) {
                throw new ValidationException("scope", "full or partial");
            }
            return value;
        }
    }
}
