package dev.kontor.subscriptions.internal.subscription;

import java.time.Instant;

/**
 * One hold as stored (S2).
 *
 * @param sourceId for a cascade hold, the client or reseller whose suspension placed it; else null
 * @param placedBy the user id of whoever placed it, or {@link #SYSTEM}
 * @param placedByOrganization the organization they acted in; null for the system
 * @param expiresAt when it stops being in force by itself; null for never
 * @param liftedAt when it was lifted or its lapse recorded; null while not lifted
 */
public record Hold(String id, String subscriptionId, HoldReason reason, String sourceId, String placedBy,
        String placedByOrganization, Instant placedAt, String publicNote, String internalNote, Instant expiresAt,
        Instant liftedAt, String liftedBy, String liftNote) {

    /** Who placed or lifted a hold when no person did: a cascade, a sweep, a scheduled run. */
    public static final String SYSTEM = "system";

    /** Whether the hold keeps the subscription suspended at that moment. */
    public boolean inForceAt(Instant now) {
        return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
