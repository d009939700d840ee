package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.reseller.Portfolio;
import dev.kontor.clients.internal.reseller.ResellerMoves;
import dev.kontor.clients.internal.reseller.ResellerStore;
import dev.kontor.clients.internal.rest.ClientsResource;
import dev.kontor.idempotency.internal.ModuleIdempotentRequests;
import dev.kontor.storage.internal.CallerContext;
import dev.kontor.storage.internal.IdentityCaller;
import dev.kontor.storage.internal.NoBuiltInLogin;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.access.UsersIdentityProvider;
import dev.kontor.users.internal.account.UsersAccounts;
import dev.kontor.users.internal.login.Logins;
import org.osgi.framework.Constants;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The clients module over a fresh database of one kind, on the real users module: its
 * accounts, access decisions (cached for an hour, so a test sees a suspension only
 * because the change made cached access stale) and its identity provider, which is
 * what a login goes through. The real audit trail and idempotency keys beside them.
 * Callers are made from what {@link Access} grants, as the host makes them.
 */
public class ClientsFixture implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";
    public static final String SOURCE_ADDRESS = "203.0.113.61";
    static final int PASSWORD_MIN_LENGTH = 10;
    private static final Duration CACHE_AGE = Duration.ofHours(1);

    public final TestDatabase database;
    public final AuditLogService audit;
    public final DeclaredPermissions declared = new DeclaredPermissions();
    public final Access access;
    public final UsersAccounts accounts;
    public final IdentityProvider identities;
    public final LifecycleListeners listeners = new LifecycleListeners();
    public final Clients clients;
    public final BulkActions bulk;
    private final ModuleIdempotentRequests idempotent;
    public final ClientDirectoryService directory;
    public final ClientsResource resource;
    public final ResellerMoves moves;
    public final Portfolio portfolio;
    private int logins;
    private long listenerIds;

    public ClientsFixture(DatabaseKind kind) {
        database = TestDatabase.migrated(kind, "clients").withModule("users", UsersAccounts.class)
                .withModule("audit", AuditLogService.class).withModule("idempotency", ModuleIdempotentRequests.class);
        audit = new AuditLogService(database);
        declared.declare(List.of(clientsModule()));
        Clock clock = Clock.systemUTC();
        access = new Access(database, new AccessQuery(declared, clock), CACHE_AGE.toMillis(), clock);
        accounts = new UsersAccounts(database, audit, access, declared, PASSWORD_MIN_LENGTH, clock);
        identities = new UsersIdentityProvider(database, access, new NoBuiltInLogin(), token -> Optional.empty());
        clients = new Clients(database, audit, accounts, listeners);
        idempotent = new ModuleIdempotentRequests(database);
        bulk = new BulkActions(database, clients, idempotent);
        directory = new ClientDirectoryService(database, accounts);
        moves = new ResellerMoves(database, audit, clients);
        portfolio = new Portfolio(database, accounts, clients, moves);
        resource = new ClientsResource(clients, bulk, moves, portfolio);
    }

    /** Registers a lifecycle listener as the whiteboard would, with a service ranking; later ones get higher ids. */
    public void register(ClientLifecycleListener listener, int ranking) {
        listeners.addListener(listener, Map.of(Constants.SERVICE_RANKING, ranking, Constants.SERVICE_ID, ++listenerIds));
    }

    /** Registers a listener that records what it is told and holds nothing (see {@link #register}). */
    public RecordingListener recording(int ranking) {
        RecordingListener listener = new RecordingListener(database, Map.of());
        register(listener, ranking);
        return listener;
    }

    /** The clients module as {@link ClientsPermissions} declares itself (the annotation is not readable at run time). */
    public static DeclaredPermissions.Declaration clientsModule() {
        Set<String> staff = Set.of(ClientsPermissions.VIEW, ClientsPermissions.MANAGE, ClientsPermissions.SUSPEND,
                ClientsPermissions.REMOVE, ClientsPermissions.INTERNAL, ClientsPermissions.PARTNER);
        Set<String> ownerOnly = Set.of(ClientsPermissions.ACCESS, ClientsPermissions.APPLY);
        Set<String> operatorOnly = new java.util.HashSet<>(staff);
        operatorOnly.add(ClientsPermissions.RESELLERS);
        Set<String> all = new java.util.HashSet<>(operatorOnly);
        all.addAll(ownerOnly);
        Set<String> view = Set.of(ClientsPermissions.VIEW);
        return new DeclaredPermissions.Declaration("clients", all, view, view, view, ownerOnly, operatorOnly, staff);
    }

    /** The operator's first login, owner of the operator's organization: every permission. */
    public Caller operator() {
        return caller(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID);
    }

    /** A new member of the operator's staff with a built-in role, e.g. {@code basic} (clients.view only). */
    public Caller staff(String role) {
        return member(IdentityProvider.OPERATOR_ORGANIZATION_ID, role);
    }

    /** A new login that joins the organization with a built-in role, e.g. a partner's {@code basic} staff (C10). */
    public Caller member(String organizationId, String role) {
        String userId = login("staff");
        database.update("INSERT INTO users_membership (organization_id, user_id, role_id, joined_at) VALUES (?, ?, ?, ?)",
                organizationId, userId, role, Timestamp.from(Instant.now()));
        access.changedAfterCommit();
        return caller(userId, organizationId);
    }

    /** A client created by the operator through the module, with the owner login {@code username} and {@link #PASSWORD}. */
    public ClientDetails client(String name, String username) {
        return clients.create(operator(), newClient(name, username));
    }

    /** A valid request for a new client. */
    public static NewClient newClient(String name, String username) {
        return new NewClient(name, username + "@example.com", "+49 30 1234567", null, "Street 1\n10115 Berlin", "de",
                "Prefers e-mail", "Pays late, be firm", username, PASSWORD, null);
    }

    /**
     * Makes the client's organization an active reseller as approving its application does
     * (C9): the users module's mark and the reseller row, without the application.
     */
    public void makeReseller(ClientDetails client) {
        database.runInTransaction(connection -> {
            accounts.markReseller(operator(), client.organizationId(), true);
            ResellerStore.insert(connection, client.organizationId(), Instant.now(), null);
        });
    }

    /** The owner of the client, acting in its organization. */
    public Caller owner(ClientDetails client) {
        String ownerId = accounts.find(client.organizationId()).orElseThrow().ownerUserId();
        return caller(ownerId, client.organizationId());
    }

    /** The caller the host would put into a request of this login in this organization. */
    public Caller caller(String userId, String organizationId) {
        Identity identity = access.of(userId, organizationId)
                .orElseThrow(() -> new AssertionError(userId + " may not act in " + organizationId)).identity();
        return new IdentityCaller(identity, SOURCE_ADDRESS);
    }

    /** Whether the login can log in with the password now (C4). */
    public boolean canLogIn(String username, String password) {
        return identities.authenticate(username, password.toCharArray()).isPresent();
    }

    /** How many rows a query counts. */
    public int count(String sql, String... values) {
        return database.count(sql, (Object[]) values);
    }

    /** The actions of the audit trail, oldest first. */
    public List<String> auditActions() {
        return database.strings("SELECT action FROM audit_entry ORDER BY occurred_at, id");
    }

    /** A request's security context carrying the caller, for calling resource methods directly. */
    public static SecurityContext security(Caller caller) {
        return new CallerContext(caller);
    }

    @Override
    public void close() {
        idempotent.stop();
    }

    private String login(String prefix) {
        String username = prefix + "-" + (++logins);
        return database.inTransaction(connection -> Logins.create(connection,
                new Logins.NewLogin(username, username + "@example.com", "Name of " + username, "en"), null).id());
    }
}
