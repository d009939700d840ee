package dev.kontor.subscriptions.internal.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.subscriptions.internal.provisioning.ProvisioningEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A subscription as the API shows it (S1); the same to staff and to the client's own
 * users, since nothing in it is internal, except its provisioning, which staff alone see.
 * {@code version} is also its ETag.
 *
 * @param startsAt the first day of the current term
 * @param expiresAt the last day of the current term
 * @param price null when none is set
 * @param state {@code active}, {@code suspended} or {@code terminated}
 * @param suspension while suspended, the hold that precedence shows the client; else null
 * @param terminatedAt when it was terminated; null while it is not
 * @param provisioning each provisioner's delivery of it (S3), for staff; null (left out) for the client's own users
 */
public record SubscriptionView(String id, String clientId, String plan, List<SubscribedService> services, LocalDate startsAt,
        LocalDate expiresAt, Price price, boolean autoRenew, String state, Suspension suspension, Instant terminatedAt,
        Instant createdAt, Instant updatedAt, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ProvisioningEntry> provisioning) {

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
                subscription.updatedAt(), subscription.version(), null);
    }

    /** The same view with its provisioning entries (S3). */
    public SubscriptionView withProvisioning(List<ProvisioningEntry> entries) {
        return new SubscriptionView(id, clientId, plan, services, startsAt, expiresAt, price, autoRenew, state, suspension,
                terminatedAt, createdAt, updatedAt, version, entries);
    }
}
