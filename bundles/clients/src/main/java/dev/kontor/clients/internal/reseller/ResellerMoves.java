package dev.kontor.clients.internal.reseller;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.ClientChange;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientFilter;
import dev.kontor.clients.internal.client.ClientStore;
import dev.kontor.clients.internal.client.Clients;
import jakarta.ws.rs.NotFoundException;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Moves a client to a reseller or back to the operator (C9): what the operator does with
 * {@code PATCH /api/v1/clients/{id}} and {@code reseller_id}, what a client's accepted
 * attach request does, and what a reseller releasing a client with its projects does
 * (C6). The client's subscriptions and everything else stay as they are.
 */
@Component(service = ResellerMoves.class)
public class ResellerMoves {

    private final Database database;
    private final AuditLog audit;
    private final Clients clients;

    @Activate
    public ResellerMoves(@Reference Database database, @Reference AuditLog audit, @Reference Clients clients) {
        this.database = database;
        this.audit = audit;
        this.clients = clients;
    }

    /**
     * Moves the client, whoever the caller is: callers authorize first. Joins the
     * caller's transaction; a move to where the client is changes nothing.
     *
     * @param resellerId the reseller organization to move to; null, empty or {@code operator}
     *        for the operator's own
     * @return the client as stored after the move
     * @throws NotFoundException when there is no such client
     * @throws ValidationException naming {@code reseller_id} when it is no active reseller,
     *         or the client's own organization
     * @throws ProblemException 409 {@code reseller-suspended} when the client's reseller is
     *         suspended: the holds its suspension placed must be lifted first
     */
    public ClientDetails move(Caller caller, String clientId, String resellerId) {
        return move(caller, clientId, resellerId, null);
    }

    /** {@link #move(Caller, String, String)}, with why for the audit trail. */
    ClientDetails move(Caller caller, String clientId, String resellerId, String why) {
        String target = target(resellerId);
        return database.inTransaction(connection -> {
            ClientDetails client = (TextInput.plausibleId(clientId) ? ClientStore.lock(connection, clientId)
                    : Optional.<ClientDetails>empty()).orElseThrow(NotFoundException::new);
            if (Objects.equals(client.resellerId(), target)) {
                return client;
            }
            if (client.resellerId() != null && ResellerStore.find(connection, client.resellerId())
                    .map(Reseller::suspended).orElse(false)) {
                throw new ProblemException(409, "reseller-suspended", "The client's reseller is suspended; activate it "
                        + "first, so that what its suspension held is released.");
            }
            if (target != null && target.equals(client.organizationId())) {
                throw new ValidationException("reseller_id", "a client cannot be its own reseller");
            }
            if (target != null && !ResellerStore.active(connection, target)) {
                throw new ValidationException("reseller_id", "no active reseller; operator (or null) for your own client");
            }
            ClientStore.setReseller(connection, client.id(), target);
            AttachRequestStore.withdrawPendingOfClient(connection, client.id());
            audit.record(caller, "clients.client.moved", "client:" + client.id(), AuditOutcome.SUCCESS,
                    "from " + owner(client.resellerId()) + " to " + owner(target) + (why == null ? "" : ": " + why));
            return ClientStore.find(connection, client.id()).orElseThrow();
        });
    }

    /**
     * {@code PATCH /api/v1/clients/{id}} with {@code reseller_id}: the other fields' change
     * and the move in one transaction, with the {@code If-Match} check of the change.
     *
     * @return the client as the caller reads it
     */
    public ClientDetails changeAndMove(Caller caller, String clientId, String ifMatch, ClientChange change) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        return database.inTransaction(connection -> {
            clients.change(caller, clientId, ifMatch, change);
            move(caller, clientId, change.resellerId());
            return clients.read(caller, clientId).orElseThrow(NotFoundException::new);
        });
    }

    private static String target(String resellerId) {
        if (resellerId == null || resellerId.isBlank() || ClientFilter.OPERATOR.equals(resellerId.strip())) {
            return null;
        }
        if (!TextInput.plausibleId(resellerId.strip())) {
            throw new ValidationException("reseller_id", "an organization id of a reseller, or operator");
        }
        return resellerId.strip();
    }

    private static String owner(String resellerId) {
        return resellerId == null ? "the operator" : "reseller " + resellerId;
    }
}
