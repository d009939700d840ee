package dev.kontor.subscriptions.internal.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kontor.api.security.Caller;
import java.time.Instant;

/**
 * A hold as the API shows it (S2). The client's own users see the reason, the public
 * note and the times, never the internal note, who placed or lifted it, or its source.
 * Staff see those too, with one limit: a reseller's staff do not see the internals of
 * holds the operator's side placed (from another organization, or a cascade from their
 * own suspension).
 *
 * @param inForce whether it keeps the subscription suspended now
 * @param canLift whether the caller may lift it now ({@link LiftPolicy})
 */
public record HoldView(String id, String reason, String publicNote,
        @JsonInclude(JsonInclude.Include.NON_NULL) String internalNote,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sourceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String placedBy, Instant placedAt, Instant expiresAt, boolean inForce,
        Instant liftedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String liftedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String liftNote, boolean canLift) {

    /** The hold as this caller, reaching its subscription so, may see it at that moment. */
    static HoldView of(Hold hold, Caller caller, Reach reach, boolean subscriptionTerminated, Instant now) {
        boolean inForce = hold.inForceAt(now);
        boolean canLift = inForce && !subscriptionTerminated && LiftPolicy.mayLift(hold.reason(), caller, reach);
        if (!internalsShown(hold, caller, reach)) {
            return new HoldView(hold.id(), hold.reason().wire(), hold.publicNote(), null, null, null, hold.placedAt(),
                    hold.expiresAt(), inForce, hold.liftedAt(), null, null, canLift);
        }
        return new HoldView(hold.id(), hold.reason().wire(), hold.publicNote(), hold.internalNote(), hold.sourceId(),
                hold.placedBy(), hold.placedAt(), hold.expiresAt(), inForce, hold.liftedAt(), hold.liftedBy(), hold.liftNote(),
                canLift);
    }

    private static boolean internalsShown(Hold hold, Caller caller, Reach reach) {
        return switch (reach) {
            case OPERATOR -> true;
            case RESELLER -> caller.organizationId().equals(hold.placedByOrganization())
                    || (Hold.SYSTEM.equals(hold.placedBy()) && hold.reason() != HoldReason.CASCADE_RESELLER);
            case CLIENT -> false;
        };
    }
}
