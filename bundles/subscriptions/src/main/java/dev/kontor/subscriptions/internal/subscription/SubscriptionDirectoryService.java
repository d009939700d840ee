package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.TextInput;
import dev.kontor.api.storage.Database;
import dev.kontor.api.subscriptions.Subscription;
import dev.kontor.api.subscriptions.SubscriptionDirectory;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link SubscriptionDirectory} other modules read subscriptions through: never a hold's notes. */
@Component(service = SubscriptionDirectory.class)
public class SubscriptionDirectoryService implements SubscriptionDirectory {

    private final Database database;

    @Activate
    public SubscriptionDirectoryService(@Reference Database database) {
        this.database = database;
    }

    @Override
    public Optional<Subscription> find(String subscriptionId) {
        if (!TextInput.plausibleId(subscriptionId)) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> SubscriptionStore.find(connection, subscriptionId))
                .map(StoredSubscription::asSubscription);
    }

    @Override
    public List<Subscription> ofClient(String clientId) {
        if (!TextInput.plausibleId(clientId)) {
            return List.of();
        }
        return database.inTransaction(connection -> SubscriptionStore.ofClient(connection, clientId)).stream()
                .map(StoredSubscription::asSubscription).toList();
    }
}
