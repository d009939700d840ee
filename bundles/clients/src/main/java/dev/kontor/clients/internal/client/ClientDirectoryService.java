package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientContact;
import dev.kontor.api.clients.ClientDirectory;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.api.users.Accounts;
import dev.kontor.clients.internal.reseller.ResellerStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ClientDirectory} other modules read clients through. It never carries the
 * internal description (C2): {@link Client} has no such field.
 */
@Component(service = ClientDirectory.class)
public class ClientDirectoryService implements ClientDirectory {

    private final Database database;
    private final Accounts accounts;

    @Activate
    public ClientDirectoryService(@Reference Database database, @Reference Accounts accounts) {
        this.database = database;
        this.accounts = accounts;
    }

    @Override
    public Optional<Client> find(String clientId) {
        return details(clientId).map(ClientDetails::asClient);
    }

    @Override
    public Optional<Client> byOrganization(String organizationId) {
        if (!TextInput.plausibleId(organizationId)) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> ClientStore.byOrganization(connection, organizationId))
                .map(ClientDetails::asClient);
    }

    /**
     * The operator's staff, the client's reseller's staff and the members of the client's
     * own organization (as {@link ClientScope} has it), and members of an organization the
     * client granted access to, when the grant is for all its members or names the caller.
     * Which of them may do what is for the asking module's own permissions to say.
     */
    @Override
    public boolean visibleTo(Caller caller, String clientId) {
        return details(clientId).filter(client -> ClientScope.managedBy(caller, client) || ClientScope.ownClient(caller, client)
                || granted(caller, client)).isPresent();
    }

    @Override
    public List<Client> suspended() {
        return database.inTransaction(connection -> ClientStore.inState(connection, ClientDetails.SUSPENDED)).stream()
                .map(ClientDetails::asClient).toList();
    }

    @Override
    public List<Client> ofReseller(String resellerId) {
        if (!TextInput.plausibleId(resellerId)) {
            return List.of();
        }
        return database.inTransaction(connection -> ClientStore.ofReseller(connection, resellerId)).stream()
                .map(ClientDetails::asClient).toList();
    }

    @Override
    public List<String> suspendedResellers() {
        return database.inTransaction(ResellerStore::suspendedIds);
    }

    @Override
    public Optional<ClientContact> contact(String clientId) {
        return details(clientId).map(client -> new ClientContact(client.email().toLowerCase(Locale.ROOT),
                Locale.forLanguageTag(client.language())));
    }

    private boolean granted(Caller caller, ClientDetails client) {
        return accounts.grantsOf(client.organizationId()).stream().anyMatch(grant -> reaches(grant, caller));
    }

    private static boolean reaches(AccessGrant grant, Caller caller) {
        return grant.granteeOrganizationId().equals(caller.organizationId())
                && (grant.granteeUserIds().isEmpty() || grant.granteeUserIds().contains(caller.userId()));
    }

    private Optional<ClientDetails> details(String clientId) {
        if (!TextInput.plausibleId(clientId)) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> ClientStore.find(connection, clientId));
    }
}
