package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Holds the system places and lifts, past the lift policy: cascades from suspended
 * clients and resellers, the invoice run's non-payment holds (S4), the renewal run's
 * expired holds (S5). Each method joins the caller's transaction (or opens one), locks
 * the subscription, writes the hold and its history entry, and lets
 * {@link EffectiveState} decide the state.
 *
 * <p>Placing is idempotent per (reason, source): while a hold of the reason from the
 * source is not lifted, placing again does nothing, so a run repeated after a crash
 * places nothing twice. A terminated subscription takes no holds and loses none (S6).
 */
@Component(service = SystemHolds.class)
public class SystemHolds {

    /** Clients whose subscriptions one set of statements changes; a part of a bulk action (C3) is 100. */
    static final int CLIENTS_PER_PART = 100;

    private final Database database;
    private final Clock clock;

    @Activate
    public SystemHolds(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    public SystemHolds(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Places a hold of the reason on the subscription, unless it is terminated or a hold
     * of the reason from the same source is not lifted yet.
     *
     * @param sourceId what placed it: the client or reseller of a cascade, an invoice; may be null
     * @param publicNote what the client is shown; may be null
     * @param internalNote what staff are shown; may be null
     * @return the hold placed; empty when nothing was placed (also for an unknown subscription)
     */
    public Optional<Hold> place(String subscriptionId, HoldReason reason, String sourceId, String publicNote,
            String internalNote) {
        return database.inTransaction(connection -> {
            if (SubscriptionStore.lock(connection, subscriptionId).isEmpty()) {
                return Optional.empty();
            }
            return placeIn(connection, subscriptionId, reason, sourceId, publicNote, internalNote, now());
        });
    }

    /**
     * Lifts every hold of the reason on the subscription that is not lifted yet, from the
     * source when one is given, else from any source: a payment lifts non-payment, a
     * renewal lifts expired.
     *
     * @param note why, for the history
     * @return how many holds were lifted
     */
    public int lift(String subscriptionId, HoldReason reason, String sourceId, String note) {
        return database.inTransaction(connection -> {
            if (SubscriptionStore.lock(connection, subscriptionId).isEmpty()) {
                return 0;
            }
            return liftIn(connection, subscriptionId, reason, sourceId, note, now());
        });
    }

    /**
     * Places a hold of the reason on every subscription of the clients that is not
     * terminated and has none from its source yet, in a few statements whatever the number
     * of clients, locking the subscriptions in id order (C3, C4, S2).
     *
     * @param sourceOfClient the source of the holds on a client's subscriptions: the client
     *        itself for {@code cascade_client}, its reseller for {@code cascade_reseller}
     * @return how many subscriptions got one, by client; clients with none are left out
     */
    public Map<String, Integer> placeOnClients(Collection<String> clientIds, HoldReason reason,
            UnaryOperator<String> sourceOfClient, String publicNote, String internalNote) {
        return database.inTransaction(connection -> {
            Map<String, Integer> placed = new LinkedHashMap<>();
            for (List<String> part : parts(clientIds)) {
                Map<String, String> clientOf = SubscriptionStore.lockOfClients(connection, part);
                placed.putAll(countBy(placeOn(connection, sources(clientOf, sourceOfClient), reason, publicNote, internalNote,
                        now()), clientOf));
            }
            return placed;
        });
    }

    /**
     * Lifts the holds of the reason from each client's source (as in {@link #placeOnClients})
     * on the clients' subscriptions, and nothing else (C4).
     *
     * @return how many holds were lifted, by client; clients with none are left out
     */
    public Map<String, Integer> liftOnClients(Collection<String> clientIds, HoldReason reason,
            UnaryOperator<String> sourceOfClient, String note) {
        return database.inTransaction(connection -> {
            Map<String, Integer> lifted = new LinkedHashMap<>();
            for (List<String> part : parts(clientIds)) {
                Map<String, String> clientOf = SubscriptionStore.lockOfClients(connection, part);
                lifted.putAll(countBy(liftOn(connection, sources(clientOf, sourceOfClient), reason, note, now()), clientOf));
            }
            return lifted;
        });
    }

    /**
     * Brings the client's subscriptions in line with whether the source's suspension
     * holds them now, in one transaction: their rows are locked first and the answer is
     * asked for only then, so a suspension or activation committing meanwhile is either
     * seen here or finds the rows locked and acts after this.
     *
     * @param heldNow whether the source's suspension should hold the client's subscriptions, asked under the locks
     * @return how many holds were placed or lifted
     */
    public int reconcile(String clientId, HoldReason reason, String sourceId, BooleanSupplier heldNow, String publicNote,
            String note) {
        return database.inTransaction(connection -> {
            List<String> ids = SubscriptionStore.lockOfClient(connection, clientId);
            return heldNow.getAsBoolean() ? placeOn(connection, from(ids, sourceId), reason, publicNote, note, now()).size()
                    : liftOn(connection, from(ids, sourceId), reason, note, now()).size();
        });
    }

    /** The sources of holds of the reason that are not lifted: the clients or resellers whose suspension holds something. */
    public Set<String> sources(HoldReason reason) {
        return database.inTransaction(connection -> HoldStore.sourcesOf(connection, reason));
    }

    /** The clients with a subscription held by a hold of the reason from the source that is not lifted. */
    public Set<String> clientsHeldBy(HoldReason reason, String sourceId) {
        return database.inTransaction(connection -> HoldStore.clientsHeldBy(connection, reason, sourceId));
    }

    /** {@link #place} on a subscription the caller has locked in this transaction. */
    static Optional<Hold> placeIn(Connection connection, String subscriptionId, HoldReason reason, String sourceId,
            String publicNote, String internalNote, Instant now) throws SQLException {
        return placeOn(connection, from(List.of(subscriptionId), sourceId), reason, publicNote, internalNote, now).stream()
                .findFirst();
    }

    /**
     * Places a hold of the reason on each of the subscriptions, locked by the caller in
     * this transaction, from the source given for it (may be null), unless it is
     * terminated or has a hold of the reason from that source not lifted yet; in a fixed
     * number of statements, so that a cascade over many subscriptions costs little more
     * than over one.
     *
     * @param sourceBySubscription each subscription's id with the source of its hold
     * @return the holds placed
     */
    static List<Hold> placeOn(Connection connection, Map<String, String> sourceBySubscription, HoldReason reason,
            String publicNote, String internalNote, Instant now) throws SQLException {
        if (sourceBySubscription.isEmpty()) {
            return List.of();
        }
        Set<String> live = SubscriptionStore.live(connection, sourceBySubscription.keySet());
        Set<List<String>> held = new HashSet<>();
        for (Hold hold : HoldStore.unliftedOnLive(connection, live, reason)) {
            held.add(Arrays.asList(hold.subscriptionId(), hold.sourceId()));
        }
        List<Hold> holds = new ArrayList<>();
        sourceBySubscription.forEach((id, sourceId) -> {
            if (live.contains(id) && !held.contains(Arrays.asList(id, sourceId))) {
                holds.add(new Hold(Ids.newId("sh"), id, reason, sourceId, Hold.SYSTEM, null, now, publicNote, internalNote,
                        null, null, null, null));
            }
        });
        HoldStore.insertAll(connection, holds);
        EffectiveState.recomputeAll(connection, holds.stream().map(Hold::subscriptionId).toList(), now);
        History.appendAll(connection, holds.stream().map(hold -> new History.Entry(hold.subscriptionId(), HistoryEntry.PLACED,
                hold, Hold.SYSTEM, internalNote)).toList(), now);
        return holds;
    }

    /** {@link #lift} on a subscription the caller has locked in this transaction. */
    static int liftIn(Connection connection, String subscriptionId, HoldReason reason, String sourceId, String note,
            Instant now) throws SQLException {
        return liftOn(connection, from(List.of(subscriptionId), sourceId), reason, note, now).size();
    }

    /**
     * Lifts the holds of the reason on the subscriptions, locked by the caller in this
     * transaction, that are not terminated: from the source given for each, or from any
     * source where that is null; in a fixed number of statements.
     *
     * @return the holds lifted
     */
    static List<Hold> liftOn(Connection connection, Map<String, String> sourceBySubscription, HoldReason reason, String note,
            Instant now) throws SQLException {
        if (sourceBySubscription.isEmpty()) {
            return List.of();
        }
        List<Hold> holds = HoldStore.unliftedOnLive(connection, sourceBySubscription.keySet(), reason).stream()
                .filter(hold -> {
                    String wanted = sourceBySubscription.get(hold.subscriptionId());
                    return wanted == null || wanted.equals(hold.sourceId());
                }).toList();
        if (holds.isEmpty()) {
            return holds;
        }
        HoldStore.liftAll(connection, holds, now, Hold.SYSTEM, note);
        EffectiveState.recomputeAll(connection, holds.stream().map(Hold::subscriptionId).distinct().toList(), now);
        History.appendAll(connection, holds.stream().map(hold -> new History.Entry(hold.subscriptionId(), HistoryEntry.LIFTED,
                hold, Hold.SYSTEM, note)).toList(), now);
        return holds;
    }

    /**
     * The clients in parts of {@link #CLIENTS_PER_PART}, in their order. The statements
     * take a part's ids as one array ({@code = ANY(?)}), which H2 checks by walking the
     * array for every row it reads: the cost of an array grows with the square of its length.
     */
    private static List<List<String>> parts(Collection<String> clientIds) {
        List<String> all = List.copyOf(clientIds);
        List<List<String>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CLIENTS_PER_PART) {
            parts.add(all.subList(from, Math.min(all.size(), from + CLIENTS_PER_PART)));
        }
        return parts;
    }

    /** Each subscription with the source of its client. */
    private static Map<String, String> sources(Map<String, String> clientOf, UnaryOperator<String> sourceOfClient) {
        Map<String, String> sources = new LinkedHashMap<>();
        clientOf.forEach((subscriptionId, clientId) -> sources.put(subscriptionId, sourceOfClient.apply(clientId)));
        return sources;
    }

    /** The subscriptions with one source for all of them, in their order. */
    private static Map<String, String> from(List<String> subscriptionIds, String sourceId) {
        Map<String, String> sources = new LinkedHashMap<>();
        subscriptionIds.forEach(id -> sources.put(id, sourceId));
        return sources;
    }

    /** How many of the holds are on each client's subscriptions. */
    private static Map<String, Integer> countBy(List<Hold> holds, Map<String, String> clientOf) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        holds.forEach(hold -> counts.merge(clientOf.get(hold.subscriptionId()), 1, Integer::sum));
        return counts;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
