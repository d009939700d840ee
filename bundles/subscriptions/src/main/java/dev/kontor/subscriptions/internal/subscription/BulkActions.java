package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspends, activates or terminates many subscriptions at once: one transaction per
 * subscription, so one that cannot change leaves the others changed and is reported as
 * {@code failed}, with a result per subscription. Each goes through the same checks as a
 * single request ({@link LiftPolicy}, {@link SubscriptionScope}).
 *
 * <p>The same {@code Idempotency-Key} twice does the work once
 * ({@link IdempotentRequests#onceInParts}: each subscription's transaction commits on its
 * own). Should the panel stop before the answer is stored, repeating the request finds
 * the subscriptions done so far {@code unchanged} and does the rest.
 *
 * <p>{@code auto_renew_on} and {@code auto_renew_off} switch auto-renewal (S5) with the rule
 * of a single change: a subscription expiring fewer than 14 days ahead fails with the
 * problem {@code auto-renew-too-late}, the others are switched.
 */
@Component(service = BulkActions.class)
public class BulkActions {

    /** Most subscriptions one request selects. */
    public static final int MAX_IDS = 10_000;
    static final String ACTIONS = "suspend, activate, terminate, auto_renew_on or auto_renew_off";
    private static final Logger LOG = LoggerFactory.getLogger(BulkActions.class);

    private final Subscriptions subscriptions;
    private final Holds holds;
    private final IdempotentRequests idempotent;

    @Activate
    public BulkActions(@Reference Subscriptions subscriptions, @Reference Holds holds,
            @Reference IdempotentRequests idempotent) {
        this.subscriptions = subscriptions;
        this.holds = holds;
        this.idempotent = idempotent;
    }

    /**
     * Runs the action on every selected subscription the caller reaches.
     *
     * @param key the {@code Idempotency-Key} header; may be null
     * @throws ValidationException naming {@code action}, {@code ids}, {@code reason} or a note
     */
    public BulkResult run(Caller caller, String key, BulkRequest request) {
        if (request == null) {
            throw new ValidationException("action", ACTIONS);
        }
        String action = request.action() == null ? "" : request.action().strip();
        if (!List.of("suspend", "activate", "terminate", "auto_renew_on", "auto_renew_off").contains(action)) {
            throw new ValidationException("action", ACTIONS);
        }
        List<String> ids = TextInput.ids("ids", request.ids(), MAX_IDS, "subscription id");
        HoldReason reason = request.reason() == null || request.reason().isBlank() ? defaultReason(caller)
                : Holds.placeable(request.reason());
        String publicNote = TextInput.multiline("public_note", request.publicNote(), Holds.MAX_PUBLIC_NOTE);
        String internalNote = TextInput.multiline("internal_note", request.internalNote(), Holds.MAX_INTERNAL_NOTE);
        Supplier<BulkResult> work = () -> new BulkResult(ids.stream()
                .map(id -> apply(caller, action, id, reason, publicNote, internalNote)).toList());
        String described = "POST /api/v1/subscriptions/bulk " + action + " " + ids + " " + reason.wire() + " " + publicNote
                + " " + internalNote;
        return idempotent.onceInParts(caller, key, described, BulkResult.class, work);
    }

    private BulkResult.Item apply(Caller caller, String action, String id, HoldReason reason, String publicNote,
            String internalNote) {
        try {
            Outcome outcome = switch (action) {
                case "suspend" -> holds.suspend(caller, id, reason, publicNote, internalNote);
                case "activate" -> holds.activate(caller, id, reason, internalNote);
                case "auto_renew_on" -> subscriptions.autoRenew(caller, id, true);
                case "auto_renew_off" -> subscriptions.autoRenew(caller, id, false);
                default -> subscriptions.terminate(caller, id, internalNote);
            };
            return new BulkResult.Item(id, outcome == Outcome.DONE ? BulkResult.DONE : BulkResult.UNCHANGED, null, null);
        } catch (NotFoundException e) {
            return new BulkResult.Item(id, BulkResult.NOT_FOUND, null, null);
        } catch (ProblemException refused) {
            return new BulkResult.Item(id, BulkResult.FAILED, refused.getMessage(), refused.type());
        } catch (ValidationException refused) {
            return new BulkResult.Item(id, BulkResult.FAILED, refused.getMessage(), "validation");
        } catch (RuntimeException e) {
            LOG.warn("Bulk {} of subscription {} failed and was undone", action, id, e);
            return new BulkResult.Item(id, BulkResult.FAILED,
                    "The change failed and was undone; the panel's log has the reason.", null);
        }
    }

    /** The reason a caller suspends for when it names none: its own side's. */
    private static HoldReason defaultReason(Caller caller) {
        if (caller.isOperator()) {
            return HoldReason.OPERATOR;
        }
        return caller.has(SubscriptionsPermissions.SUSPEND) ? HoldReason.RESELLER : HoldReason.CUSTOMER;
    }
}
