package dev.kontor.clients.internal.client;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.audit.AuditRecord;
import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.Accounts;
import dev.kontor.api.users.NewLogin;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.reseller.ResellerStore;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Client accounts (C1–C6). Every change runs in one transaction together with the
 * account change of the users module and what the lifecycle listeners do, and is
 * audited in it: it commits whole or not at all. Who reaches which client is
 * {@link ClientScope}'s rule; a client out of reach is a {@link NotFoundException}.
 */
@Component(service = Clients.class)
public class Clients {

    static final int MAX_REASON = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Clients.class);

    private final Database database;
    private final AuditLog audit;
    private final Accounts accounts;
    private final LifecycleListeners listeners;

    @Activate
    public Clients(@Reference Database database, @Reference AuditLog audit, @Reference Accounts accounts,
            @Reference LifecycleListeners listeners) {
        this.database = database;
        this.audit = audit;
        this.accounts = accounts;
        this.listeners = listeners;
        int indexed = database.inTransaction(ClientStore::indexUnsearchable);
        if (indexed > 0) {
            LOG.info("Made {} clients searchable", indexed);
        }
    }

    /** The clients the caller manages, filtered, sorted and paged (C3); descriptions only with {@code clients.internal}. */
    public Page<ClientDetails> list(Caller caller, ClientFilter filter, PageRequest page) {
        ClientList list = new ClientList(ClientScope.resellerOf(caller), filter, page);
        Page<ClientDetails> found = database.inTransaction(connection -> list.read(connection, page));
        return new Page<>(found.items().stream().map(client -> ClientScope.forStaff(caller, client)).toList(),
                found.nextCursor());
    }

    /**
     * Creates a client with its account: a new organization whose first login, created
     * with it, is the owner (C1).
     *
     * @throws ValidationException naming every invalid field; the login's fields as the users module names them
     */
    public ClientDetails create(Caller caller, NewClient request) {
        if (request == null) {
            throw new ValidationException("$", "the body must be a JSON object with the client's fields");
        }
        Contact contact = Contact.of(request);
        requireInternalFor(caller, contact.description());
        return database.inTransaction(connection -> {
            String resellerId = reseller(connection, caller, request.resellerId());
            Account account = accounts.open(caller, contact.accountName(), new NewLogin(request.username(),
                    request.password(), contact.email(), contact.name(), contact.language()));
            ClientDetails client = new ClientDetails(Ids.newId("cl"), account.organizationId(), resellerId, contact.name(),
                    contact.company(), contact.email(), contact.phone(), contact.address(), contact.language(),
                    contact.additionalInfo(), contact.description(), ClientDetails.ACTIVE, null,
                    Instant.now().truncatedTo(ChronoUnit.MICROS), 0);
            ClientStore.insert(connection, client);
            record(caller, "clients.client.created", client, "organization " + account.organizationId()
                    + (resellerId == null ? "" : ", reseller " + resellerId));
            return ClientScope.forStaff(caller, client);
        });
    }

    /** The client as the caller may read it ({@link ClientScope}); empty when it is out of reach. */
    public Optional<ClientDetails> read(Caller caller, String id) {
        if (!TextInput.plausibleId(id)) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> ClientStore.find(connection, id))
                .flatMap(client -> ClientScope.shown(caller, client));
    }

    /**
     * Changes contact data and the owner's login (C5); with {@code ifMatch}, only the
     * version the caller saw.
     *
     * @throws StaleVersionException when {@code ifMatch} names an older version
     */
    public ClientDetails change(Caller caller, String id, String ifMatch, ClientChange request) {
        ClientChange change = request == null ? new ClientChange(null, null, null, null, null, null, null, null, null, null)
                : request;
        requireInternalFor(caller, change.description());
        return database.inTransaction(connection -> {
            ClientDetails current = locked(connection, caller, id);
            ETags.checkIfMatch(ifMatch, current.version());
            Contact contact = current.contact().changedBy(change);
            List<String> changed = changedFields(current.contact(), contact);
            if (change.changesLogin()) {
                Account account = accounts.find(current.organizationId()).orElseThrow(() -> new ProblemException(409,
                        "no-account", "The client's account is gone; its login cannot be changed."));
                accounts.changeLogin(caller, current.organizationId(), account.ownerUserId(), change.username(),
                        change.password());
                changed.add("login");
            }
            if (changed.isEmpty()) {
                return ClientScope.forStaff(caller, current);
            }
            if (!ClientStore.update(connection, id, current.version(), contact)) {
                throw new StaleVersionException();
            }
            record(caller, "clients.client.changed", current, String.join(", ", changed));
            return ClientScope.forStaff(caller, ClientStore.find(connection, id).orElseThrow());
        });
    }

    /**
     * What removing the client would take with it (C6), without changing anything: the
     * client, the access grants its account gave (revoked with it) and every listener's
     * counts, added up by kind.
     */
    public Map<String, Long> removalPreview(Caller caller, String id) {
        return database.inTransaction(connection -> {
            ClientDetails client = reached(connection, caller, id);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("client", 1L);
            counts.put("grants", (long) accounts.grantsOf(client.organizationId()).size());
            for (ClientLifecycleListener listener : listeners.inOrderFor(client.organizationId())) {
                listener.removalPreview(client.id()).forEach((kind, count) -> counts.merge(kind, count, Long::sum));
            }
            return counts;
        });
    }

    /**
     * Removes the client with its account and everything the listeners remove with it, in
     * one transaction: a failure anywhere leaves the whole client (C6).
     */
    public void remove(Caller caller, String id, String ifMatch) {
        database.runInTransaction(connection -> {
            ClientDetails client = locked(connection, caller, id);
            ETags.checkIfMatch(ifMatch, client.version());
            ClientEvent removing = new ClientEvent(caller, client.asClient(), null);
            listeners.inOrderFor(client.organizationId()).forEach(listener -> listener.removing(removing));
            accounts.close(caller, client.organizationId());
            ClientStore.delete(connection, id);
            record(caller, "clients.client.removed", client, "organization " + client.organizationId());
        });
    }

    /**
     * Suspends the client: its users can no longer act or log in, and every listener
     * suspends what hangs on it, in the same transaction (C4).
     */
    public Outcome suspend(Caller caller, String id, String reason) {
        return only(id, suspendAll(caller, List.of(id), reason));
    }

    /** Lifts the client's suspension and, through the listeners, only what it caused (C4). */
    public Outcome activate(Caller caller, String id, String reason) {
        return only(id, activateAll(caller, List.of(id), reason));
    }

    /**
     * {@link #suspend} for many clients in one transaction and a few statements (C3): all
     * or none, so a client whose change fails fails them all (a bulk action then takes
     * them one by one).
     *
     * @return the outcome for each client the caller manages; the others are left out
     */
    public Map<String, Outcome> suspendAll(Caller caller, Collection<String> ids, String reason) {
        return setSuspended(caller, ids, TextInput.optional("reason", reason, MAX_REASON), true);
    }

    /** {@link #activate} for many clients, like {@link #suspendAll}. */
    public Map<String, Outcome> activateAll(Caller caller, Collection<String> ids, String reason) {
        return setSuspended(caller, ids, TextInput.optional("reason", reason, MAX_REASON), false);
    }

    private Map<String, Outcome> setSuspended(Caller caller, Collection<String> ids, String why, boolean suspend) {
        return database.inTransaction(connection -> {
            List<ClientDetails> reached = ClientStore.lockAll(connection, ids.stream().filter(TextInput::plausibleId).toList())
                    .stream().filter(client -> ClientScope.managedBy(caller, client)).toList();
            Map<String, Outcome> outcomes = new LinkedHashMap<>();
            List<String> changing = new ArrayList<>();
            for (ClientDetails client : reached) {
                boolean change = client.suspended() != suspend;
                outcomes.put(client.id(), change ? Outcome.DONE : Outcome.UNCHANGED);
                if (change) {
                    changing.add(client.id());
                }
            }
            if (changing.isEmpty()) {
                return outcomes;
            }
            ClientStore.setStates(connection, changing, suspend ? ClientDetails.SUSPENDED : ClientDetails.ACTIVE,
                    suspend ? why : null);
            List<ClientDetails> changed = ClientStore.findAll(connection, changing);
            List<String> organizations = changed.stream().map(ClientDetails::organizationId).toList();
            if (suspend) {
                accounts.suspendAll(caller, organizations);
            } else {
                accounts.activateAll(caller, organizations);
            }
            List<ClientEvent> events = changed.stream().map(client -> new ClientEvent(caller, client.asClient(), why)).toList();
            listeners.tellEach(events, (listener, concerned) -> {
                if (suspend) {
                    listener.suspendedAll(concerned);
                } else {
                    listener.activatedAll(concerned);
                }
            });
            String action = suspend ? "clients.client.suspended" : "clients.client.activated";
            audit.recordAll(changed.stream().map(client -> new AuditRecord(caller, action, "client:" + client.id(),
                    AuditOutcome.SUCCESS, why == null ? null : "reason: " + why)).toList());
            return outcomes;
        });
    }

    /** The outcome for the one client asked about; not found when the caller does not manage it. */
    private static Outcome only(String id, Map<String, Outcome> outcomes) {
        Outcome outcome = outcomes.get(id);
        if (outcome == null) {
            throw new NotFoundException();
        }
        return outcome;
    }

    /**
     * The reseller of a new client: the caller's own organization for a reseller's staff;
     * for the operator's, as asked, an active reseller (C9).
     */
    private static String reseller(Connection connection, Caller caller, String requested) throws SQLException {
        Optional<String> own = ClientScope.resellerOf(caller);
        String asked = requested == null || requested.isBlank() ? null : requested.strip();
        if (own.isPresent()) {
            if (asked != null && !asked.equals(own.get())) {
                throw new ValidationException("reseller_id", "a reseller creates clients of its own organization only");
            }
            return own.get();
        }
        if (asked == null || ClientFilter.OPERATOR.equals(asked)) {
            return null;
        }
        if (!ResellerStore.active(connection, asked)) {
            throw new ValidationException("reseller_id", "no active reseller");
        }
        return asked;
    }

    /** The client if the caller manages it as staff. */
    private static ClientDetails reached(Connection connection, Caller caller, String id) throws SQLException {
        return (TextInput.plausibleId(id) ? ClientStore.find(connection, id) : Optional.<ClientDetails>empty())
                .filter(client -> ClientScope.managedBy(caller, client)).orElseThrow(NotFoundException::new);
    }

    /** Like {@link #reached}, locked until the transaction ends. */
    private static ClientDetails locked(Connection connection, Caller caller, String id) throws SQLException {
        return (TextInput.plausibleId(id) ? ClientStore.lock(connection, id) : Optional.<ClientDetails>empty())
                .filter(client -> ClientScope.managedBy(caller, client)).orElseThrow(NotFoundException::new);
    }

    private static void requireInternalFor(Caller caller, String description) {
        if (description != null && !caller.has(ClientsPermissions.INTERNAL)) {
            throw new ProblemException(403, "forbidden", "Writing the description needs the permission "
                    + ClientsPermissions.INTERNAL + ".");
        }
    }

    /** The names of the fields that differ; never their values, which may be internal (C2). */
    private static List<String> changedFields(Contact before, Contact after) {
        List<String> names = new ArrayList<>();
        addIfChanged(names, "name", before.name(), after.name());
        addIfChanged(names, "company", before.company(), after.company());
        addIfChanged(names, "email", before.email(), after.email());
        addIfChanged(names, "phone", before.phone(), after.phone());
        addIfChanged(names, "address", before.address(), after.address());
        addIfChanged(names, "language", before.language(), after.language());
        addIfChanged(names, "additional_info", before.additionalInfo(), after.additionalInfo());
        addIfChanged(names, "description", before.description(), after.description());
        return names;
    }

    private static void addIfChanged(List<String> names, String name, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            names.add(name);
        }
    }

    private void record(Caller caller, String action, ClientDetails client, String detail) {
        audit.record(caller, action, "client:" + client.id(), AuditOutcome.SUCCESS, detail);
    }
}
