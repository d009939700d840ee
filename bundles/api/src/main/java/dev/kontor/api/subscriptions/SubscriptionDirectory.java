package dev.kontor.api.subscriptions;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Clients' subscriptions, as other modules may read them. */
@ProviderType
public interface SubscriptionDirectory {

    /** A subscription by id, whoever asks: for modules acting on the system's behalf. */
    Optional<Subscription> find(String subscriptionId);

    /** The subscriptions of a client, terminated ones included, oldest first. */
    List<Subscription> ofClient(String clientId);
}
