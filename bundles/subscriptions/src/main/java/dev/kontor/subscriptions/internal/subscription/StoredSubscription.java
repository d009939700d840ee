package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.Subscription;
import dev.kontor.api.subscriptions.SubscriptionState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription as stored, with its services.
 *
 * @param price null when none is set
 * @param state the effective state, as {@link EffectiveState} last wrote it
 * @param stateRevision the revision provisioners are told (S3): grows with every change of {@code state} and of
 *        {@code services}
 * @param shownHoldId the hold in force that precedence shows the client; null when none
 * @param terminatedAt when it was terminated (S6); null while it is not
 * @param version the ETag: grows with every change of what the API shows
 */
public record StoredSubscription(String id, String clientId, String plan, LocalDate startsOn, LocalDate expiresOn, Price price,
        boolean autoRenew, SubscriptionState state, long stateRevision, String shownHoldId, Instant terminatedAt,
        Instant createdAt, Instant updatedAt, long version, List<SubscribedService> services) {

    public StoredSubscription {
        services = List.copyOf(services);
    }

    public boolean terminated() {
        return state == SubscriptionState.TERMINATED;
    }

    /** As other modules see it, through the API bundle. */
    public Subscription asSubscription() {
        return new Subscription(id, clientId, plan, state, expiresOn, autoRenew, services);
    }

    StoredSubscription withServices(List<SubscribedService> list) {
        return new StoredSubscription(id, clientId, plan, startsOn, expiresOn, price, autoRenew, state, stateRevision,
                shownHoldId, terminatedAt, createdAt, updatedAt, version, list);
    }
}
