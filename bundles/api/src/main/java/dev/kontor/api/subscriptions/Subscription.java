package dev.kontor.api.subscriptions;

import java.time.LocalDate;
import java.util.List;

/**
 * A subscription as other modules see it: never its holds' internal notes.
 *
 * @param id the subscription's id
 * @param clientId the client it belongs to
 * @param plan the plan's name
 * @param state its effective state
 * @param expiresOn the last day of the current term
 * @param autoRenew whether it renews itself (S5)
 * @param services its domains, websites and mailboxes
 */
public record Subscription(String id, String clientId, String plan, SubscriptionState state, LocalDate expiresOn,
        boolean autoRenew, List<SubscribedService> services) {

    public Subscription {
        services = List.copyOf(services);
    }
}
