package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.clients.ResellerEvent;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientDirectoryService;
import dev.kontor.clients.internal.client.Clients;
import dev.kontor.clients.internal.client.LifecycleListeners;
import dev.kontor.clients.internal.client.NewClient;
import dev.kontor.idempotency.internal.ModuleIdempotentRequests;
import dev.kontor.storage.internal.CallerContext;
import dev.kontor.storage.internal.IdentityCaller;
import dev.kontor.storage.internal.TestClock;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.cascade.ClientCascade;
import dev.kontor.subscriptions.internal.cascade.ResellerCascade;
import dev.kontor.subscriptions.internal.rest.SubscriptionsResource;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.AccessQuery;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.account.UsersAccounts;
import dev.kontor.users.internal.login.Logins;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Constants;

/**
 * The subscriptions module over a fresh database of one kind, on the real users and
 * clients modules: clients are created, suspended, activated and removed through the
 * clients module, whose whiteboard tells this module's listener in the same
 * transaction, and callers are made from what the users module's access grants, as the
 * host makes them. Time is a {@link TestClock} that tests move on.
 */
public class SubscriptionsFixture implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";
    static final String SOURCE_ADDRESS = "203.0.113.62";
    private static final long CACHE_MILLIS = Duration.ofHours(1).toMillis();

    public final TestDatabase database;
    public final TestClock clock = new TestClock();
    public final AuditLogService audit;
    final DeclaredPermissions declared = new DeclaredPermissions();
    final Access access;
    public final UsersAccounts accounts;
    public final LifecycleListeners clientListeners = new LifecycleListeners();
    public final Clients clients;
    public final ClientDirectoryService directory;
    public final SubscriptionScope scope;
    public final SystemHolds system;
    public final Subscriptions subscriptions;
    public final Holds holds;
    public final BulkActions bulk;
    private final ModuleIdempotentRequests idempotent;
    final HoldExpirySweep sweep;
    public final SubscriptionDirectoryService subscriptionDirectory;
    final ClientCascade clientCascade;
    final ResellerCascade resellerCascade;
    final SubscriptionsResource resource;
    private int logins;

    public SubscriptionsFixture(DatabaseKind kind) {
        database = TestDatabase.migrated(kind, "subscriptions").withModule("users", UsersAccounts.class)
                .withModule("clients", Clients.class).withModule("audit", AuditLogService.class)
                .withModule("idempotency", ModuleIdempotentRequests.class);
        database.runInTransaction(Logins::ensureOperatorAdmin); // what the users module does on its start
        audit = new AuditLogService(database);
        declared.declare(List.of(clientsModule(), subscriptionsModule()));
        access = new Access(database, new AccessQuery(declared, clock), CACHE_MILLIS, clock);
        accounts = new UsersAccounts(database, audit, access, declared, 10, clock);
        clients = new Clients(database, audit, accounts, clientListeners);
        directory = new ClientDirectoryService(database, accounts);
        scope = new SubscriptionScope(directory);
        system = new SystemHolds(database, clock);
        subscriptions = new Subscriptions(database, audit, directory, scope, clock);
        holds = new Holds(database, audit, scope, clock);
        idempotent = new ModuleIdempotentRequests(database);
        bulk = new BulkActions(subscriptions, holds, idempotent);
        sweep = new HoldExpirySweep(database, clock);
        subscriptionDirectory = new SubscriptionDirectoryService(database);
        clientCascade = new ClientCascade(system, subscriptions, audit);
        resellerCascade = new ResellerCascade(system, directory, audit);
        resource = new SubscriptionsResource(subscriptions, holds, bulk, idempotent);
        listenToClients(clientCascade, 1);
    }

    /** Registers a listener with the clients module's whiteboard as the framework would, under a service id of its own. */
    public void listenToClients(ClientLifecycleListener listener, long serviceId) {
        clientListeners.addListener(listener, service(serviceId));
    }

    /** Unregisters a listener as the framework does when its bundle stops. */
    void stopListeningToClients(ClientLifecycleListener listener, long serviceId) {
        clientListeners.removeListener(listener, service(serviceId));
    }

    private static Map<String, Object> service(long serviceId) {
        return Map.of(Constants.SERVICE_RANKING, 0, Constants.SERVICE_ID, serviceId);
    }

    /** The subscriptions module as {@link SubscriptionsPermissions} declares itself (the annotation is not readable at run time). */
    static DeclaredPermissions.Declaration subscriptionsModule() {
        Set<String> all = Set.of(SubscriptionsPermissions.VIEW, SubscriptionsPermissions.MANAGE, SubscriptionsPermissions.SUSPEND,
                SubscriptionsPermissions.LEGAL, SubscriptionsPermissions.RENEW, SubscriptionsPermissions.SELF_SUSPEND,
                SubscriptionsPermissions.INVOICES, SubscriptionsPermissions.BILLING);
        Set<String> view = Set.of(SubscriptionsPermissions.VIEW);
        return new DeclaredPermissions.Declaration("subscriptions", all, view,
                Set.of(SubscriptionsPermissions.VIEW, SubscriptionsPermissions.RENEW, SubscriptionsPermissions.INVOICES,
                        SubscriptionsPermissions.BILLING), view,
                Set.of(SubscriptionsPermissions.SELF_SUSPEND),
                Set.of(SubscriptionsPermissions.MANAGE, SubscriptionsPermissions.SUSPEND, SubscriptionsPermissions.LEGAL,
                        SubscriptionsPermissions.INVOICES),
                Set.of(SubscriptionsPermissions.MANAGE, SubscriptionsPermissions.SUSPEND, SubscriptionsPermissions.INVOICES));
    }

    /** The clients module as its permission set declares itself, so that the operator and resellers manage clients. */
    static DeclaredPermissions.Declaration clientsModule() {
        Set<String> staff = Set.of(ClientsPermissions.VIEW, ClientsPermissions.MANAGE, ClientsPermissions.SUSPEND,
                ClientsPermissions.REMOVE, ClientsPermissions.INTERNAL, ClientsPermissions.PARTNER);
        Set<String> all = new java.util.HashSet<>(staff);
        all.addAll(Set.of(ClientsPermissions.ACCESS, ClientsPermissions.APPLY, ClientsPermissions.RESELLERS));
        Set<String> operatorOnly = new java.util.HashSet<>(staff);
        operatorOnly.add(ClientsPermissions.RESELLERS);
        Set<String> view = Set.of(ClientsPermissions.VIEW);
        return new DeclaredPermissions.Declaration("clients", all, view, view, view,
                Set.of(ClientsPermissions.ACCESS, ClientsPermissions.APPLY), operatorOnly, staff);
    }

    /** The operator's first login, owner of the operator's organization: every permission, abuse holds included. */
    public Caller operator() {
        return caller(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID);
    }

    /** A new login of the operator's staff with a built-in role (owner, admin, billing, reports, basic). */
    public Caller staff(String role) {
        return caller(member(IdentityProvider.OPERATOR_ORGANIZATION_ID, role), IdentityProvider.OPERATOR_ORGANIZATION_ID);
    }

    /** A client of the operator's own, created through the clients module, its owner logging in with {@link #PASSWORD}. */
    public ClientDetails client(String name, String username) {
        return clients.create(operator(), newClient(name, username));
    }

    /** A client made a reseller (C9): its owner and administrators then hold the resellers' permissions. */
    public ClientDetails reseller(String name, String username) {
        ClientDetails agency = client(name, username);
        accounts.markReseller(operator(), agency.organizationId(), true);
        return agency;
    }

    /** A client of the reseller, created by the reseller's owner. */
    public ClientDetails clientOf(ClientDetails reseller, String name, String username) {
        return clients.create(owner(reseller), newClient(name, username));
    }

    static NewClient newClient(String name, String username) {
        return new NewClient(name, username + "@example.com", null, null, null, "en", null, null, username, PASSWORD, null);
    }

    /** The owner of the client, acting in its organization. */
    public Caller owner(ClientDetails client) {
        return caller(accounts.find(client.organizationId()).orElseThrow().ownerUserId(), client.organizationId());
    }

    /** A new member of the client with a built-in role, acting in the client's organization. */
    public Caller member(ClientDetails client, String role) {
        return caller(member(client.organizationId(), role), client.organizationId());
    }

    /** The caller the host would put into a request of this login in this organization. */
    Caller caller(String userId, String organizationId) {
        Identity identity = access.of(userId, organizationId)
                .orElseThrow(() -> new AssertionError(userId + " may not act in " + organizationId)).identity();
        return new IdentityCaller(identity, SOURCE_ADDRESS);
    }

    /** A subscription of the client, created by the operator, expiring in a year, with the services given as "kind name". */
    public SubscriptionView subscription(ClientDetails client, String plan, String... services) {
        List<SubscribedService> list = Arrays.stream(services).map(line -> line.split(" ", 2))
                .map(parts -> new SubscribedService(parts[0], parts[1])).toList();
        return subscriptions.create(operator(), new NewSubscription(client.id(), plan, null, today().plusYears(1).toString(),
                new Price("9.90", "EUR"), list, null));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The subscription as the operator reads it now. */
    public SubscriptionView read(String id) {
        return subscriptions.read(operator(), id).orElseThrow();
    }

    /** Every hold of the subscription as the operator sees it, newest first. */
    public List<HoldView> holdsOf(String subscriptionId) {
        return holds.list(operator(), subscriptionId, dev.kontor.api.rest.PageRequest.of("500", null)).items();
    }

    /** The history of the subscription, oldest first, as "action reason" lines. */
    public List<String> history(String subscriptionId) {
        List<String> lines = new ArrayList<>(subscriptions.history(operator(), subscriptionId,
                dev.kontor.api.rest.PageRequest.of("500", null)).items().stream()
                .map(entry -> entry.action() + (entry.reason() == null ? "" : " " + entry.reason()) + " -> " + entry.state())
                .toList());
        java.util.Collections.reverse(lines);
        return lines;
    }

    /** How many rows a query counts. */
    public int count(String sql, String... values) {
        return database.count(sql, (Object[]) values);
    }

    /** The actions of the audit trail, oldest first. */
    public List<String> auditActions() {
        return database.strings("SELECT action FROM audit_entry ORDER BY occurred_at, id");
    }

    /** Suspends the client through the clients module and activates it again (C4). */
    void suspendClientAndBack(ClientDetails client) {
        clients.suspend(operator(), client.id(), "test");
        clients.activate(operator(), client.id(), null);
    }

    /** A reseller's suspension as the clients module announces it: the listener inside the change's transaction. */
    void suspendReseller(ClientDetails reseller, String reason) {
        database.runInTransaction(connection -> resellerCascade.suspended(
                new ResellerEvent(operator(), reseller.organizationId(), reason)));
    }

    void activateReseller(ClientDetails reseller) {
        database.runInTransaction(connection -> resellerCascade.activated(
                new ResellerEvent(operator(), reseller.organizationId(), null)));
    }

    public static SecurityContext security(Caller caller) {
        return new CallerContext(caller);
    }

    @Override
    public void close() {
        sweep.stop();
        idempotent.stop();
    }

    private String member(String organizationId, String role) {
        String username = "member-" + (++logins);
        String userId = database.inTransaction(connection -> Logins.create(connection,
                new Logins.NewLogin(username, username + "@example.com", "Name of " + username, "en"), null).id());
        database.update("INSERT INTO users_membership (organization_id, user_id, role_id, joined_at) VALUES (?, ?, ?, ?)",
                organizationId, userId, role, Timestamp.from(Instant.now()));
        access.changedAfterCommit();
        return userId;
    }
}
