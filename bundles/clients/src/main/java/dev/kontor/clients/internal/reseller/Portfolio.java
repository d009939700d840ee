package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.api.users.Accounts;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientScope;
import dev.kontor.clients.internal.client.ClientStore;
import dev.kontor.clients.internal.client.Clients;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A reseller removing a client from its portfolio (C6): {@code DELETE
 * /api/v1/clients/{id}?projects=keep|remove} by the reseller's staff. {@code remove}
 * removes the client with everything that hangs on it, as the operator's removal does;
 * {@code keep} ends the relationship only: the client becomes the operator's own, its
 * subscriptions untouched. Either way every access grant between the client's and the
 * reseller's organizations, in both directions, is revoked in the same transaction.
 */
@Component(service = Portfolio.class)
public class Portfolio {

    /** What becomes of the client's projects. */
    public enum Projects {
        /** The client stays, as the operator's own, with its subscriptions. */
        KEEP,
        /** The client goes with everything that hangs on it. */
        REMOVE
    }

    private final Database database;
    private final Accounts accounts;
    private final Clients clients;
    private final ResellerMoves moves;

    @Activate
    public Portfolio(@Reference Database database, @Reference Accounts accounts, @Reference Clients clients,
            @Reference ResellerMoves moves) {
        this.database = database;
        this.accounts = accounts;
        this.clients = clients;
        this.moves = moves;
    }

    /**
     * The {@code projects} parameter of a removal: null when the removal is the
     * operator's (who may not give it); a reseller's preview without it previews
     * {@link Projects#REMOVE}, what the list's removal dialog shows before the choice.
     *
     * @throws ValidationException naming {@code projects}: a reseller's staff must choose,
     *         the operator's must not
     */
    public static Projects projects(Caller caller, String value, boolean preview) {
        boolean given = value != null && !value.isBlank();
        if (caller.isOperator()) {
            if (given) {
                throw new ValidationException("projects", "only a reseller's staff choose this; the operator removes a "
                        + "client with everything, or moves it with reseller_id");
            }
            return null;
        }
        if (!given) {
            if (preview) {
                return Projects.REMOVE;
            }
            throw new ValidationException("projects", "keep or remove: whether the client keeps its projects as the "
                    + "operator's client, or goes with them");
        }
        return switch (value.strip()) {
            case "keep" -> Projects.KEEP;
            case "remove" -> Projects.REMOVE;
            default -> throw new ValidationException("projects", "keep or remove");
        };
    }

    /** What the removal would do, without changing anything: counts by kind, as the operator's preview has them. */
    public Map<String, Long> preview(Caller caller, String clientId, Projects projects) {
        return database.inTransaction(connection -> {
            ClientDetails client = reached(connection, caller, clientId, false);
            long grants = between(client, caller.organizationId()).size();
            if (projects == Projects.KEEP) {
                Map<String, Long> counts = new LinkedHashMap<>();
                counts.put("grants", grants);
                return counts;
            }
            Map<String, Long> counts = new LinkedHashMap<>(clients.removalPreview(caller, clientId));
            // The client's own grants are counted there; those the reseller gave the client are not.
            counts.merge("grants", accounts.grantsOf(caller.organizationId()).stream()
                    .filter(grant -> grant.granteeOrganizationId().equals(client.organizationId())).count(), Long::sum);
            return counts;
        });
    }

    /**
     * Takes the client out of the caller's portfolio, in one transaction.
     *
     * @throws NotFoundException when the client is not the caller's reseller's
     * @throws dev.kontor.api.rest.StaleVersionException when {@code ifMatch} names an older version
     */
    public void release(Caller caller, String clientId, Projects projects, String ifMatch) {
        database.runInTransaction(connection -> {
            ClientDetails client = reached(connection, caller, clientId, true);
            ETags.checkIfMatch(ifMatch, client.version());
            List<AccessGrant> grants = between(client, caller.organizationId());
            grants.forEach(grant -> accounts.revoke(caller, grant.id()));
            if (projects == Projects.KEEP) {
                moves.move(caller, client.id(), null, "released from the portfolio with its projects, " + grants.size()
                        + " grant(s) revoked");
            } else {
                clients.remove(caller, client.id(), null);
            }
        });
    }

    /** The client if it is one of the caller's reseller's; locked with {@code lock}. */
    private static ClientDetails reached(Connection connection, Caller caller, String clientId, boolean lock)
            throws SQLException {
        Optional<ClientDetails> client = !TextInput.plausibleId(clientId) ? Optional.empty()
                : lock ? ClientStore.lock(connection, clientId) : ClientStore.find(connection, clientId);
        return client.filter(found -> !caller.isOperator() && ClientScope.managedBy(caller, found))
                .orElseThrow(NotFoundException::new);
    }

    /** The grants in force between the client's organization and the reseller's, either way. */
    private List<AccessGrant> between(ClientDetails client, String resellerId) {
        List<AccessGrant> all = new ArrayList<>(accounts.grantsOf(client.organizationId()).stream()
                .filter(grant -> grant.granteeOrganizationId().equals(resellerId)).toList());
        all.addAll(accounts.grantsOf(resellerId).stream()
                .filter(grant -> grant.granteeOrganizationId().equals(client.organizationId())).toList());
        return all;
    }
}
