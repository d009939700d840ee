package dev.kontor.clients.internal.reseller;

import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.users.Accounts;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps resellers whole when the client that is a reseller's own organization changes
 * (C9); a reseller's organization may well be a client of the operator's. Told like any
 * {@link ClientLifecycleListener}, inside the client's transaction:
 * <ul>
 * <li>removing such a client is refused while the reseller has clients of its own (they
 * would belong to no one); without clients, its reseller status, applications and attach
 * requests go with it;</li>
 * <li>activating such a client leaves its account suspended while the reseller is
 * suspended: the account's one suspension flag serves both.</li>
 * </ul>
 */
// Told before other modules' listeners: a refused removal is refused before they do any work.
@Component(service = ClientLifecycleListener.class, property = Constants.SERVICE_RANKING + ":Integer=1000")
public class ResellerClientGuard implements ClientLifecycleListener {

    private final Database database;
    private final Accounts accounts;

    @Activate
    public ResellerClientGuard(@Reference Database database, @Reference Accounts accounts) {
        this.database = database;
        this.accounts = accounts;
    }

    @Override
    public void removing(ClientEvent event) {
        String organization = event.client().organizationId();
        database.runInTransaction(connection -> {
            Optional<Reseller> reseller = ResellerStore.lock(connection, organization);
            if (reseller.isPresent() && reseller.get().clients() > 0) {
                throw new ProblemException(409, "reseller-has-clients", "The client is a reseller with "
                        + reseller.get().clients() + " client(s) of its own; move them first.");
            }
            ResellerStore.delete(connection, organization);
            ApplicationStore.deleteOf(connection, organization);
            AttachRequestStore.deleteOf(connection, event.client().id(), organization);
        });
    }

    @Override
    public void activated(ClientEvent event) {
        activatedAll(List.of(event));
    }

    @Override
    public void activatedAll(List<ClientEvent> events) {
        Set<String> suspendedResellers = new HashSet<>(database.inTransaction(ResellerStore::suspendedIds));
        Map<Caller, List<String>> keptSuspended = events.stream()
                .filter(event -> suspendedResellers.contains(event.client().organizationId()))
                .collect(Collectors.groupingBy(ClientEvent::caller, LinkedHashMap::new,
                        Collectors.mapping(event -> event.client().organizationId(), Collectors.toList())));
        keptSuspended.forEach(accounts::suspendAll);
    }
}
