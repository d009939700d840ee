package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientDirectory;
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
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.SubscriptionState;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.provisioning.ProvisioningEntries;
import dev.kontor.subscriptions.internal.provisioning.ProvisioningLedger;
import dev.kontor.subscriptions.internal.provisioning.RemovedSubscriptions;
import dev.kontor.subscriptions.internal.subscription.SubscriptionScope.Reached;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Clients' subscriptions (S1, S6): the list, creation, editing and termination. Every
 * change runs in one transaction with its history entry and audit entry, with the
 * subscription's row locked. Who reaches which subscription is {@link SubscriptionScope}'s
 * rule; one out of reach is a {@link jakarta.ws.rs.NotFoundException}.
 */
@Component(service = Subscriptions.class)
public class Subscriptions {

    static final int MAX_PLAN = 100;
    static final int MAX_NOTE = 1000;

    private final Database database;
    private final AuditLog audit;
    private final ClientDirectory clients;
    private final SubscriptionScope scope;
    private final Clock clock;

    @Activate
    public Subscriptions(@Reference Database database, @Reference AuditLog audit, @Reference ClientDirectory clients,
            @Reference SubscriptionScope scope) {
        this(database, audit, clients, scope, Clock.systemUTC());
    }

    public Subscriptions(Database database, AuditLog audit, ClientDirectory clients, SubscriptionScope scope, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clients = clients;
        this.scope = scope;
        this.clock = clock;
    }

    /** The subscriptions the caller reaches, filtered, sorted and paged. */
    public Page<SubscriptionView> list(Caller caller, SubscriptionFilter filter, PageRequest page) {
        SubscriptionList list = new SubscriptionList(scope.listedClients(caller), filter, page);
        return database.inTransaction(connection -> {
            Page<StoredSubscription> found = list.read(connection, page);
            return new Page<>(ProvisioningEntries.attach(connection, views(connection, found.items()), scope.listedReach(caller)),
                    found.nextCursor());
        });
    }

    /**
     * Creates a subscription of a client the caller manages (S1). A client (or its
     * reseller) suspended now gets its cascade hold on the new subscription at once, as
     * its other subscriptions have it (C4).
     *
     * @throws ValidationException naming every invalid field; a client out of reach is one ({@code client_id})
     */
    public SubscriptionView create(Caller caller, NewSubscription request) {
        if (request == null) {
            throw new ValidationException("$", "the body must be a JSON object with the subscription's fields");
        }
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Client client = managedClient(caller, request.clientId());
        Valid valid = Valid.of(request.plan(), request.startsAt(), request.expiresAt(), request.price(), request.services(),
                today);
        if (valid.expiresOn().isBefore(today)) {
            throw new ValidationException("expires_at", "today or later");
        }
        boolean autoRenew = Boolean.TRUE.equals(request.autoRenew());
        if (autoRenew && !AutoRenewal.canSwitchOn(valid.expiresOn(), today)) {
            throw new ValidationException("auto_renew", AutoRenewal.whyNot(valid.expiresOn()));
        }
        return database.inTransaction(connection -> {
            StoredSubscription subscription = new StoredSubscription(Ids.newId("sub"), client.id(), valid.plan(),
                    valid.startsOn(), valid.expiresOn(), valid.price(), autoRenew, SubscriptionState.ACTIVE, 0, null, null, now,
                    now, 0, valid.services());
            SubscriptionStore.insert(connection, subscription);
            ProvisioningLedger.owe(connection, List.of(subscription.id()), now); // S3: its services start
            History.append(connection, subscription.id(), HistoryEntry.CREATED, null, caller.userId(), null, now);
            inheritCascades(connection, subscription.id(), client, now);
            record(caller, "subscriptions.subscription.created", subscription.id(), "client " + client.id());
            return shown(connection, SubscriptionStore.find(connection, subscription.id()).orElseThrow(),
                    scope.reach(caller, client.id()).orElseThrow());
        });
    }

    /** The subscription as the caller may read it; empty when it is out of reach. */
    public Optional<SubscriptionView> read(Caller caller, String id) {
        return database.inTransaction(connection -> {
            try {
                Reached reached = scope.found(connection, caller, id);
                return Optional.of(shown(connection, reached.subscription(), reached.reach()));
            } catch (jakarta.ws.rs.NotFoundException outOfReach) {
                return Optional.empty();
            }
        });
    }

    /**
     * Changes plan, term, price or services (S1), and switches auto-renewal (S5); with
     * {@code ifMatch}, only the version the caller saw. New services move the
     * subscription's revision on and are owed to every known provisioner (S3). Plan, term, price and services are
     * staff work ({@code subscriptions.manage}); auto-renewal needs {@code subscriptions.renew}
     * and follows {@link #autoRenew}'s rule, against the expiry the change leaves.
     *
     * @throws StaleVersionException when {@code ifMatch} names an older version
     * @throws ProblemException 409 for a terminated subscription; 409 {@code auto-renew-too-late}
     */
    public SubscriptionView change(Caller caller, String id, String ifMatch, SubscriptionChange request) {
        SubscriptionChange change = request == null ? new SubscriptionChange(null, null, null, null, null) : request;
        Instant now = now();
        return database.inTransaction(connection -> {
            Reached reached = scope.locked(connection, caller, id);
            if (change.changesTerms() || change.autoRenew() == null) {
                SubscriptionScope.require(caller, reached.reach(), SubscriptionsPermissions.MANAGE);
            }
            if (change.autoRenew() != null) {
                requireRenew(caller);
            }
            SubscriptionScope.requireChangeable(reached);
            StoredSubscription current = reached.subscription();
            ETags.checkIfMatch(ifMatch, current.version());
            Valid valid = Valid.of(change.plan() == null ? current.plan() : change.plan(),
                    change.startsAt(), change.expiresAt() == null ? current.expiresOn().toString() : change.expiresAt(),
                    change.price() == null ? current.price() : change.price(),
                    change.services() == null ? current.services() : change.services(), current.startsOn());
            StoredSubscription changed = new StoredSubscription(current.id(), current.clientId(), valid.plan(), valid.startsOn(),
                    valid.expiresOn(), valid.price(), current.autoRenew(), current.state(), current.stateRevision(),
                    current.shownHoldId(), current.terminatedAt(), current.createdAt(), now, current.version(),
                    valid.services());
            List<String> fields = changedFields(current, changed);
            if (!fields.isEmpty()) {
                if (!SubscriptionStore.update(connection, changed, current.version(), now)) {
                    throw new StaleVersionException();
                }
                if (fields.contains("services")) {
                    // S3: provisioners run the services, so a new list is owed to them as a new revision, like a change of state.
                    SubscriptionStore.nextRevision(connection, id);
                    ProvisioningLedger.owe(connection, List.of(id), now);
                }
                String detail = String.join(", ", fields);
                History.append(connection, id, HistoryEntry.CHANGED, null, caller.userId(), detail, now);
                record(caller, "subscriptions.subscription.changed", id, detail);
            }
            if (change.autoRenew() != null) {
                switchAutoRenew(connection, caller, changed, change.autoRenew(), now);
            }
            return shown(connection, SubscriptionStore.find(connection, id).orElseThrow(), reached.reach());
        });
    }

    /**
     * Switches auto-renewal on or off (S5), for the staff managing the client and for the
     * client's own users, each holding {@code subscriptions.renew}. It cannot be switched
     * on fewer than {@value AutoRenewal#DAYS_BEFORE_EXPIRY} days before expiry: the first
     * charge is made then, so such a subscription is renewed by hand first.
     *
     * @return {@code UNCHANGED} when it is so already
     * @throws ProblemException 409 {@code auto-renew-too-late}; 409 for a terminated subscription,
     *         or a suspended one and the client's own user; 403 without the permission
     */
    public Outcome autoRenew(Caller caller, String id, boolean on) {
        Instant now = now();
        return database.inTransaction(connection -> {
            Reached reached = scope.locked(connection, caller, id);
            requireRenew(caller);
            SubscriptionScope.requireChangeable(reached);
            return switchAutoRenew(connection, caller, reached.subscription(), on, now);
        });
    }

    private Outcome switchAutoRenew(Connection connection, Caller caller, StoredSubscription subscription, boolean on,
            Instant now) throws SQLException {
        if (subscription.autoRenew() == on) {
            return Outcome.UNCHANGED;
        }
        if (on && !AutoRenewal.canSwitchOn(subscription.expiresOn(), LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            throw AutoRenewal.tooLate(subscription.expiresOn());
        }
        SubscriptionStore.setAutoRenew(connection, subscription.id(), on, now);
        String detail = "auto_renew " + (on ? "on" : "off");
        History.append(connection, subscription.id(), HistoryEntry.CHANGED, null, caller.userId(), detail, now);
        record(caller, "subscriptions.subscription.changed", subscription.id(), detail);
        return Outcome.DONE;
    }

    private static void requireRenew(Caller caller) {
        if (!caller.has(SubscriptionsPermissions.RENEW)) {
            throw new ProblemException(403, "forbidden", "Auto-renewal and renewal need the permission "
                    + SubscriptionsPermissions.RENEW + ".");
        }
    }

    /**
     * Terminates the subscription for good (S6): its services stop and it takes no
     * change any more; its record, holds and history stay. Terminating again changes nothing.
     *
     * @param note why, for the history; may be null
     */
    public Outcome terminate(Caller caller, String id, String note) {
        String why = TextInput.multiline("note", note, MAX_NOTE);
        Instant now = now();
        return database.inTransaction(connection -> {
            Reached reached = scope.locked(connection, caller, id);
            SubscriptionScope.require(caller, reached.reach(), SubscriptionsPermissions.MANAGE);
            if (reached.subscription().terminated()) {
                return Outcome.UNCHANGED;
            }
            terminateIn(connection, id, caller.userId(), why, now);
            record(caller, "subscriptions.subscription.terminated", id, why == null ? null : "note: " + why);
            return Outcome.DONE;
        });
    }

    /**
     * Terminates for the system (S4: an invoice unpaid past its second period), in the
     * caller's transaction or one of its own; the history names {@code system} as the actor.
     *
     * @return {@code UNCHANGED} when it is terminated already or does not exist
     */
    public Outcome terminateBySystem(String subscriptionId, String note) {
        Instant now = now();
        return database.inTransaction(connection -> {
            Optional<StoredSubscription> subscription = TextInput.plausibleId(subscriptionId)
                    ? SubscriptionStore.lock(connection, subscriptionId) : Optional.empty();
            if (subscription.isEmpty() || subscription.get().terminated()) {
                return Outcome.UNCHANGED;
            }
            terminateIn(connection, subscriptionId, Hold.SYSTEM, note, now);
            return Outcome.DONE;
        });
    }

    /** Termination of a locked subscription: the mark, the state (S6) and the history entry. */
    private static void terminateIn(Connection connection, String id, String actor, String note, Instant now)
            throws SQLException {
        SubscriptionStore.markTerminated(connection, id, now);
        EffectiveState.recompute(connection, id, now);
        History.append(connection, id, HistoryEntry.TERMINATED, null, actor, note, now);
    }

    /** The subscription's history, newest first (staff only: it carries internal notes). */
    public Page<HistoryEntry> history(Caller caller, String id, PageRequest page) {
        Long before = page.after() == null ? null : seqOf(page.after());
        return database.inTransaction(connection -> {
            Reached reached = scope.found(connection, caller, id);
            if (!reached.reach().staff()) {
                throw new ProblemException(403, "forbidden", "The history of a subscription is for the staff managing its client.");
            }
            List<HistoryEntry> rows = History.page(connection, id, before, page.limit() + 1);
            return page.toPage(rows, entry -> Long.toString(entry.seq()));
        });
    }

    /**
     * Removes the client's subscriptions with their services, holds and history, in the
     * transaction of the client's removal (C6). Provisioners are still told that each
     * stops for good (S3): its terminated snapshot is owed to them in the same
     * transaction, and delivered after the commit.
     *
     * @return how many subscriptions went
     */
    public int removeOfClient(Caller caller, String clientId) {
        Instant now = now();
        return database.inTransaction(connection -> {
            SubscriptionStore.lockOfClient(connection, clientId);
            RemovedSubscriptions.oweOfClient(connection, clientId, now);
            int removed = SubscriptionStore.deleteOfClient(connection, clientId);
            if (removed > 0) {
                audit.record(caller, "subscriptions.subscription.removed", "client:" + clientId, AuditOutcome.SUCCESS,
                        removed + " subscriptions with their client");
            }
            return removed;
        });
    }

    /** What removing the client takes of this module (C6): its subscriptions and their domains. */
    public Map<String, Long> removalPreview(String clientId) {
        return database.inTransaction(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("subscriptions", SubscriptionStore.countOfClient(connection, clientId, null));
            counts.put("domains", SubscriptionStore.countOfClient(connection, clientId, ServiceNames.DOMAIN));
            return counts;
        });
    }

    /** The views of stored subscriptions, with the holds they show read in one statement. */
    static List<SubscriptionView> views(Connection connection, List<StoredSubscription> subscriptions) throws SQLException {
        Map<String, Hold> shown = HoldStore.byIds(connection, subscriptions.stream().map(StoredSubscription::shownHoldId)
                .filter(Objects::nonNull).toList()).stream().collect(Collectors.toMap(Hold::id, Function.identity()));
        return subscriptions.stream().map(subscription -> SubscriptionView.of(subscription,
                subscription.shownHoldId() == null ? null : shown.get(subscription.shownHoldId()))).toList();
    }

    static SubscriptionView view(Connection connection, StoredSubscription subscription) throws SQLException {
        return views(connection, List.of(subscription)).get(0);
    }

    /** The view as a caller reaching it so sees it: staff with its provisioning (S3). */
    private static SubscriptionView shown(Connection connection, StoredSubscription subscription, Reach reach)
            throws SQLException {
        return ProvisioningEntries.attach(connection, List.of(view(connection, subscription)), clientId -> reach).get(0);
    }

    /** The client of a new subscription: one the caller manages as staff allowed to manage; else a field error. */
    private Client managedClient(Caller caller, String clientId) {
        if (!caller.has(SubscriptionsPermissions.MANAGE)) {
            throw new ProblemException(403, "forbidden", "Creating subscriptions needs the permission "
                    + SubscriptionsPermissions.MANAGE + ".");
        }
        String id = clientId == null ? null : clientId.strip();
        Optional<Client> client = TextInput.plausibleId(id) ? clients.find(id) : Optional.empty();
        return client.filter(found -> scope.reach(caller, found.id()).map(Reach::staff).orElse(false))
                .orElseThrow(() -> new ValidationException("client_id", "no such client"));
    }

    /** The cascade holds a new subscription of a suspended client, or of a suspended reseller's client, starts with. */
    private void inheritCascades(Connection connection, String subscriptionId, Client client, Instant now) throws SQLException {
        if (client.suspended()) {
            SystemHolds.placeIn(connection, subscriptionId, HoldReason.CASCADE_CLIENT, client.id(), CascadeNotes.CLIENT,
                    "created while the client is suspended", now);
        }
        if (client.resellerId() != null && clients.suspendedResellers().contains(client.resellerId())) {
            SystemHolds.placeIn(connection, subscriptionId, HoldReason.CASCADE_RESELLER, client.resellerId(),
                    CascadeNotes.RESELLER, "created while the reseller is suspended", now);
        }
    }

    private static List<String> changedFields(StoredSubscription before, StoredSubscription after) {
        List<String> names = new ArrayList<>();
        addIfChanged(names, "plan", before.plan(), after.plan());
        addIfChanged(names, "starts_at", before.startsOn(), after.startsOn());
        addIfChanged(names, "expires_at", before.expiresOn(), after.expiresOn());
        addIfChanged(names, "price", before.price(), after.price());
        addIfChanged(names, "services", before.services(), after.services());
        return names;
    }

    private static void addIfChanged(List<String> names, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            names.add(name);
        }
    }

    private static Long seqOf(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
    }

    private void record(Caller caller, String action, String subscriptionId, String detail) {
        audit.record(caller, action, "subscription:" + subscriptionId, AuditOutcome.SUCCESS, detail);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The checked fields of a subscription as a request gives them. */
    private record Valid(String plan, LocalDate startsOn, LocalDate expiresOn, Price price, List<SubscribedService> services) {

        /**
         * @param defaultStart the start when the request gives none
         * @throws ValidationException naming every invalid field at once
         */
        static Valid of(String plan, String startsAt, String expiresAt, Price price, List<SubscribedService> services,
                LocalDate defaultStart) {
            List<ValidationException.FieldError> errors = new ArrayList<>();
            String validPlan = collect(errors, () -> TextInput.required("plan", plan, MAX_PLAN));
            LocalDate start = collect(errors, () -> Dates.date("starts_at", startsAt));
            LocalDate expiry = collect(errors, () -> Dates.date("expires_at", expiresAt));
            Price validPrice = collect(errors, () -> Price.valid(price));
            List<SubscribedService> validServices = collect(errors, () -> ServiceNames.valid(services));
            if (expiresAt == null || expiresAt.isBlank()) {
                errors.add(new ValidationException.FieldError("expires_at", "required, a date as YYYY-MM-DD"));
            }
            LocalDate startsOn = start == null ? defaultStart : start;
            if (expiry != null && expiry.isBefore(startsOn)) {
                errors.add(new ValidationException.FieldError("expires_at", "on or after the start, " + startsOn));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new Valid(validPlan, startsOn, expiry, validPrice, validServices);
        }

        private static <T> T collect(List<ValidationException.FieldError> errors, java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (ValidationException invalid) {
                errors.addAll(invalid.errors());
                return null;
            }
        }
    }
}
