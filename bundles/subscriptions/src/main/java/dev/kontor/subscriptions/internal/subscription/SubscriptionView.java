package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscribedService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription as the API shows it (S1); the same to staff and to the client's own
 * users, since nothing in it is internal. {@code version} is also its ETag.
 *
 * @param startsAt the first day of the current term
 * @param expiresAt the last day of the current term
 * @param price null when none is set
 * @param state {@code active}, {@code suspended} or {@code terminated}
 * @param suspension while suspended, the hold that precedence shows the client; else null
 * @param terminatedAt when it was terminated; null while it is not
 */
public record SubscriptionView(String id, String clientId, String plan, List<SubscribedService> services, LocalDate startsAt,
        LocalDate expiresAt, Price price, boolean autoRenew, String state, Suspension suspension, Instant terminatedAt,
        Instant createdAt, Instant updatedAt, long version) {

    /**
     * Why a subscription is suspended, as its client is shown it.
     *
     * @param reason the reason of the hold that precedence puts first
     * @param publicNote that hold's note to the client; may be null
     * @param since when that hold was placed
     */
    public record Suspension(String reason, String publicNote, Instant since) {
    }

    /** The view of a stored subscription, with the hold it shows (null when it shows none). */
    static SubscriptionView of(StoredSubscription subscription, Hold shown) {
        Suspension suspension = shown == null || subscription.terminated() ? null
                : new Suspension(shown.reason().wire(), shown.publicNote(), shown.placedAt());
        return new SubscriptionView(subscription.id(), subscription.clientId(), subscription.plan(), subscription.services(),
                subscription.startsOn(), subscription.expiresOn(), subscription.price(), subscription.autoRenew(),
                subscription.state().wire(), suspension, subscription.terminatedAt(), subscription.createdAt(),
                subscription.updatedAt(), subscription.version());
    }
}
