package dev.kontor.clients.internal.client;

import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.clients.internal.ClientsPermissions;
import jakarta.ws.rs.NotFoundException;
import dev.kontor.api.storage.Database;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspends, activates or removes many clients at once (C3, C4, C6), with a result per
 * client. The clients are taken {@value #CLIENTS_PER_TRANSACTION} at a time, in the order
 * of their ids (so two bulk actions never wait for each other in a circle), each part in
 * one transaction: a commit per client would cost more than the change itself. A
 * suspension or activation first changes the whole part together, in a few statements
 * ({@link Clients#suspendAll}); should that fail, each client of the part changes whole
 * or not at all in a unit of its own ({@link Database#inSavepoint}), so one client that
 * cannot change is undone alone, reported as {@code failed}, and leaves the others changed.
 *
 * <p>The same {@code Idempotency-Key} twice does the work once
 * ({@link IdempotentRequests#onceInParts}: the parts commit on their own). Should the
 * panel stop before the answer is stored, repeating the request finds the clients done
 * so far {@code unchanged} and does the rest.
 */
@Component(service = BulkActions.class)
public class BulkActions {

    /** Most clients one request selects: the size of the largest bulk the panel is measured with. */
    public static final int MAX_IDS = 10_000;
    /** Clients changed in one transaction, each in a unit of its own. */
    static final int CLIENTS_PER_TRANSACTION = 100;
    private static final Logger LOG = LoggerFactory.getLogger(BulkActions.class);
    private static final String UNDONE = "The change failed and was undone; the panel's log has the reason.";
    private static final Map<String, String> PERMISSIONS = Map.of("suspend", ClientsPermissions.SUSPEND,
            "activate", ClientsPermissions.SUSPEND, "delete", ClientsPermissions.REMOVE);

    private final Database database;
    private final Clients clients;
    private final IdempotentRequests idempotent;

    @Activate
    public BulkActions(@Reference Database database, @Reference Clients clients, @Reference IdempotentRequests idempotent) {
        this.database = database;
        this.clients = clients;
        this.idempotent = idempotent;
    }

    /**
     * Runs the action on every selected client the caller manages.
     *
     * @param key the {@code Idempotency-Key} header; may be null
     * @throws ValidationException naming {@code action}, {@code ids} or {@code reason}
     * @throws ProblemException 403 when the caller lacks the action's permission
     */
    public BulkResult run(Caller caller, String key, BulkRequest request) {
        if (request == null) {
            throw new ValidationException("action", "suspend, activate or delete");
        }
        String action = request.action() == null ? null : request.action().strip();
        String permission = action == null ? null : PERMISSIONS.get(action);
        if (permission == null) {
            throw new ValidationException("action", "suspend, activate or delete");
        }
        List<String> ids = TextInput.ids("ids", request.ids(), MAX_IDS, "client id");
        String reason = TextInput.optional("reason", request.reason(), Clients.MAX_REASON);
        if (!caller.has(permission)) {
            throw new ProblemException(403, "forbidden", "You lack the permission " + permission + ".");
        }
        Supplier<BulkResult> work = () -> new BulkResult(applyAll(caller, action, ids, reason));
        String described = "POST /api/v1/clients/bulk " + action + " " + ids + " " + reason;
        return idempotent.onceInParts(caller, key, described, BulkResult.class, work);
    }

    /** The results in the order of the ids; the work in transactions of many clients each. */
    private List<BulkResult.Item> applyAll(Caller caller, String action, List<String> ids, String reason) {
        List<String> byId = ids.stream().sorted().toList();
        Map<String, BulkResult.Item> results = new HashMap<>();
        for (int from = 0; from < byId.size(); from += CLIENTS_PER_TRANSACTION) {
            List<String> part = byId.subList(from, Math.min(byId.size(), from + CLIENTS_PER_TRANSACTION));
            if (!"delete".equals(action) && allAtOnce(caller, action, part, reason, results)) {
                continue;
            }
            Map<String, BulkResult.Item> done = new HashMap<>();
            try {
                database.runInTransaction(connection -> part.forEach(id -> done.put(id, apply(caller, action, id, reason))));
                results.putAll(done);
            } catch (RuntimeException e) {
                LOG.warn("Bulk {} of {} clients failed to commit and was undone", action, part.size(), e);
                part.forEach(id -> results.put(id, new BulkResult.Item(id, BulkResult.FAILED, UNDONE)));
            }
        }
        return ids.stream().map(results::get).toList();
    }

    /**
     * Suspends or activates the clients together, in a few statements: the common case.
     * When any of them fails, nothing of it stays, and the caller takes them one by one
     * so that only the client that fails is reported failed.
     *
     * @return whether it succeeded and put a result for every client
     */
    private boolean allAtOnce(Caller caller, String action, List<String> part, String reason,
            Map<String, BulkResult.Item> results) {
        Map<String, Outcome> outcomes;
        try {
            outcomes = "suspend".equals(action) ? clients.suspendAll(caller, part, reason)
                    : clients.activateAll(caller, part, reason);
        } catch (RuntimeException e) {
            LOG.debug("Bulk {} of {} clients together failed; taking them one by one", action, part.size(), e);
            return false;
        }
        for (String id : part) {
            Outcome outcome = outcomes.get(id);
            results.put(id, outcome == null ? new BulkResult.Item(id, BulkResult.NOT_FOUND, null)
                    : new BulkResult.Item(id, outcome == Outcome.DONE ? BulkResult.DONE : BulkResult.UNCHANGED, null));
        }
        return true;
    }

    private BulkResult.Item apply(Caller caller, String action, String id, String reason) {
        try {
            Outcome outcome = database.inSavepoint(connection -> switch (action) {
                case "suspend" -> clients.suspend(caller, id, reason);
                case "activate" -> clients.activate(caller, id, reason);
                default -> {
                    clients.remove(caller, id, null);
                    yield Outcome.DONE;
                }
            });
            return new BulkResult.Item(id, outcome == Outcome.DONE ? BulkResult.DONE : BulkResult.UNCHANGED, null);
        } catch (NotFoundException e) {
            return new BulkResult.Item(id, BulkResult.NOT_FOUND, null);
        } catch (ProblemException | ValidationException refused) {
            return new BulkResult.Item(id, BulkResult.FAILED, refused.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Bulk {} of client {} failed and was undone", action, id, e);
            return new BulkResult.Item(id, BulkResult.FAILED, UNDONE);
        }
    }
}
