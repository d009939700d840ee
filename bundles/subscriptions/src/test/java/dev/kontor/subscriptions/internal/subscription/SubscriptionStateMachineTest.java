package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.clients.ResellerEvent;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.storage.internal.ChosenPermissions;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random sequences of placing and lifting holds by every kind of caller, suspending and
 * activating the client (through the real clients module) and its reseller, holds
 * lapsing, the system's non-payment, payment, expiry and renewal, and termination, run
 * against the module and against a simple model of S2 and S6. After every step:
 * the outcome is the model's (no hold lifted by a party its reason's policy excludes,
 * nothing placed against it), the subscription is suspended exactly while a hold is in
 * force, the holds in force are the model's, and a terminated subscription stays
 * terminated with its holds as they were.
 */
class SubscriptionStateMachineTest {

    private static final Map<DatabaseKind, World> WORLDS = new EnumMap<>(DatabaseKind.class);

    @AfterContainer
    static void closeWorlds() {
        WORLDS.values().forEach(world -> world.fixture.close());
        WORLDS.clear();
    }

    @Property(tries = 80)
    void theSubscriptionFollowsTheModel_S2_S6(@ForAll DatabaseKind kind, @ForAll("steps") List<Step> steps) {
        World world = WORLDS.computeIfAbsent(kind, World::new);
        Trial trial = world.newTrial();
        Model model = new Model(world.fixture.clock.instant());
        for (Step step : steps) {
            String before = trial.frozen();
            String expected = model.apply(step, trial);
            String actual = trial.apply(step);
            assertEquals(expected, actual, step + " after " + steps.subList(0, steps.indexOf(step)));
            trial.check(model, step, before);
        }
    }

    /** Placing and lifting by everyone most often, the other steps now and then, so that most holds meet most callers. */
    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> place = Combinators.combine(Arbitraries.of(Actor.class), Arbitraries.of(PLACEABLE),
                Arbitraries.of(false, false, true)).as((actor, reason, expiring) -> new Step(Kind.PLACE, actor, reason,
                        expiring ? 1 : 0));
        Arbitrary<Step> lift = Combinators.combine(Arbitraries.of(Actor.class), Arbitraries.integers().between(0, 7))
                .as((actor, index) -> new Step(Kind.LIFT, actor, null, index));
        Arbitrary<Step> cascade = Arbitraries.of(Kind.SUSPEND_CLIENT, Kind.ACTIVATE_CLIENT, Kind.SUSPEND_RESELLER,
                Kind.ACTIVATE_RESELLER).map(kind -> new Step(kind, null, null, 0));
        Arbitrary<Step> system = Arbitraries.oneOf(
                Arbitraries.of(Kind.PASS_TIME, Kind.SYSTEM_EXPIRE, Kind.RENEW).map(kind -> new Step(kind, null, null, 0)),
                Arbitraries.integers().between(1, 2).map(invoice -> new Step(Kind.SYSTEM_NON_PAYMENT, null, null, invoice)),
                Arbitraries.integers().between(1, 2).map(invoice -> new Step(Kind.PAY, null, null, invoice)));
        Arbitrary<Step> terminate = Arbitraries.of(Actor.OPERATOR, Actor.RESELLER, Actor.CLIENT_OWNER)
                .map(actor -> new Step(Kind.TERMINATE, actor, null, 0));
        Arbitrary<Step> step = Arbitraries.frequencyOf(Tuple.of(8, place), Tuple.of(8, lift), Tuple.of(3, cascade),
                Tuple.of(3, system), Tuple.of(1, terminate));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }

    private static final List<HoldReason> PLACEABLE = List.of(HoldReason.ABUSE, HoldReason.OPERATOR, HoldReason.RESELLER,
            HoldReason.NON_PAYMENT, HoldReason.EXPIRED, HoldReason.CUSTOMER);

    enum Kind {
        PLACE, LIFT, SUSPEND_CLIENT, ACTIVATE_CLIENT, SUSPEND_RESELLER, ACTIVATE_RESELLER, PASS_TIME, SYSTEM_NON_PAYMENT, PAY,
        SYSTEM_EXPIRE, RENEW, TERMINATE
    }

    /**
     * Who acts: the operator's owner, an operator's custom role that suspends but is no
     * legal staff, the client's reseller's owner, the client's owner and a basic user of the client.
     */
    enum Actor {
        OPERATOR, OPERATOR_SUSPENDER, RESELLER, CLIENT_OWNER, CLIENT_BASIC;

        boolean client() {
            return this == CLIENT_OWNER || this == CLIENT_BASIC;
        }
    }

    /**
     * @param number the hold's position for a lift, the invoice for non-payment and payment, 1 for a hold that lapses
     */
    record Step(Kind kind, Actor actor, HoldReason reason, int number) {
    }

    /** The model's policy, written out independently of LiftPolicy: who may place and lift which reason. */
    private static final Map<HoldReason, Set<Actor>> MAY_PLACE = Map.of(
            HoldReason.ABUSE, Set.of(Actor.OPERATOR),
            HoldReason.OPERATOR, Set.of(Actor.OPERATOR, Actor.OPERATOR_SUSPENDER),
            HoldReason.RESELLER, Set.of(Actor.RESELLER),
            HoldReason.NON_PAYMENT, Set.of(Actor.OPERATOR, Actor.OPERATOR_SUSPENDER, Actor.RESELLER),
            HoldReason.EXPIRED, Set.of(Actor.OPERATOR, Actor.OPERATOR_SUSPENDER, Actor.RESELLER),
            HoldReason.CUSTOMER, Set.of(Actor.OPERATOR, Actor.OPERATOR_SUSPENDER, Actor.RESELLER, Actor.CLIENT_OWNER));
    private static final Map<HoldReason, Set<Actor>> MAY_LIFT = Map.of(
            HoldReason.ABUSE, Set.of(Actor.OPERATOR),
            HoldReason.OPERATOR, Set.of(Actor.OPERATOR, Actor.OPERATOR_SUSPENDER),
            HoldReason.RESELLER, Set.of(Actor.OPERATOR, Actor.OPERATOR_SUSPENDER, Actor.RESELLER),
            HoldReason.CUSTOMER, Set.of(Actor.OPERATOR, Actor.OPERATOR_SUSPENDER, Actor.RESELLER, Actor.CLIENT_OWNER));

    /** One hold as the model knows it. */
    static final class ModelHold {
        final HoldReason reason;
        final String source;
        final Instant expiresAt;
        boolean lifted;

        ModelHold(HoldReason reason, String source, Instant expiresAt) {
            this.reason = reason;
            this.source = source;
            this.expiresAt = expiresAt;
        }
    }

    /** What S2 and S6 say should happen, in a few lines. */
    static final class Model {
        final List<ModelHold> holds = new ArrayList<>();
        boolean clientSuspended;
        boolean resellerSuspended;
        boolean terminated;
        Instant now;

        Model(Instant now) {
            this.now = now;
        }

        boolean suspended() {
            return !terminated && holds.stream().anyMatch(this::inForce);
        }

        private boolean inForce(ModelHold hold) {
            return !hold.lifted && (hold.expiresAt == null || hold.expiresAt.isAfter(now));
        }

        String state() {
            return terminated ? "terminated" : suspended() ? "suspended" : "active";
        }

        String apply(Step step, Trial trial) {
            switch (step.kind()) {
                case PLACE -> {
                    if (step.actor().client() && clientSuspended) {
                        return "skipped";
                    }
                    if (terminated) {
                        return "409:subscription-terminated";
                    }
                    if (!MAY_PLACE.get(step.reason()).contains(step.actor())) {
                        return "403:hold-place-not-allowed";
                    }
                    if (step.actor().client() && suspended()) {
                        return "409:subscription-suspended";
                    }
                    holds.add(new ModelHold(step.reason(), null, step.number() == 1 ? now.plus(Duration.ofHours(1)) : null));
                    return "done";
                }
                case LIFT -> {
                    if (holds.isEmpty() || (step.actor().client() && clientSuspended)) {
                        return "skipped";
                    }
                    ModelHold hold = holds.get(step.number() % holds.size());
                    if (terminated) {
                        return "409:subscription-terminated";
                    }
                    if (!MAY_LIFT.getOrDefault(hold.reason, Set.of()).contains(step.actor())) {
                        return "403:hold-lift-not-allowed";
                    }
                    if (!inForce(hold)) {
                        return "unchanged";
                    }
                    hold.lifted = true;
                    return "done";
                }
                case SUSPEND_CLIENT -> {
                    if (!clientSuspended) {
                        clientSuspended = true;
                        placeOnce(HoldReason.CASCADE_CLIENT, trial.client.id());
                    }
                    return "ok";
                }
                case ACTIVATE_CLIENT -> {
                    if (clientSuspended) {
                        clientSuspended = false;
                        liftAll(HoldReason.CASCADE_CLIENT, trial.client.id());
                    }
                    return "ok";
                }
                case SUSPEND_RESELLER -> {
                    resellerSuspended = true;
                    placeOnce(HoldReason.CASCADE_RESELLER, trial.reseller.organizationId());
                    return "ok";
                }
                case ACTIVATE_RESELLER -> {
                    resellerSuspended = false;
                    liftAll(HoldReason.CASCADE_RESELLER, trial.reseller.organizationId());
                    return "ok";
                }
                case PASS_TIME -> {
                    now = now.plus(Duration.ofHours(2));
                    if (!terminated) {
                        holds.stream().filter(hold -> !hold.lifted && hold.expiresAt != null && !hold.expiresAt.isAfter(now))
                                .forEach(hold -> hold.lifted = true);
                    }
                    return "ok";
                }
                case SYSTEM_NON_PAYMENT -> {
                    placeOnce(HoldReason.NON_PAYMENT, "inv_" + step.number());
                    return "ok";
                }
                case PAY -> {
                    liftAll(HoldReason.NON_PAYMENT, "inv_" + step.number());
                    return "ok";
                }
                case SYSTEM_EXPIRE -> {
                    placeOnce(HoldReason.EXPIRED, null);
                    return "ok";
                }
                case RENEW -> {
                    if (!terminated) {
                        holds.stream().filter(hold -> hold.reason == HoldReason.EXPIRED).forEach(hold -> hold.lifted = true);
                    }
                    return "ok";
                }
                case TERMINATE -> {
                    if (step.actor() == Actor.CLIENT_OWNER) {
                        return clientSuspended ? "skipped" : "403:forbidden";
                    }
                    if (terminated) {
                        return "unchanged";
                    }
                    terminated = true;
                    return "done";
                }
                default -> throw new IllegalArgumentException(step.toString());
            }
        }

        /** A system hold: none while one of the reason from the source is not lifted, none on a terminated subscription. */
        private void placeOnce(HoldReason reason, String source) {
            if (!terminated && holds.stream().noneMatch(hold -> !hold.lifted && hold.reason == reason
                    && Objects.equals(hold.source, source))) {
                holds.add(new ModelHold(reason, source, null));
            }
        }

        private void liftAll(HoldReason reason, String source) {
            if (!terminated) {
                holds.stream().filter(hold -> hold.reason == reason && Objects.equals(hold.source, source))
                        .forEach(hold -> hold.lifted = true);
            }
        }

        /** The reasons of the holds in force, sorted, as "reason" lines. */
        List<String> inForce() {
            return holds.stream().filter(this::inForce).map(hold -> hold.reason.wire()).sorted().toList();
        }
    }

    /**
     * The database and the reseller one database kind's tries share; each try gets a client
     * of its own, and starts with the reseller active.
     */
    static final class World {
        final SubscriptionsFixture fixture;
        final ClientDetails reseller;
        private int trials;

        World(DatabaseKind kind) {
            fixture = new SubscriptionsFixture(kind);
            reseller = fixture.reseller("Agency", "agency");
        }

        Trial newTrial() {
            fixture.activateReseller(reseller);
            int number = ++trials;
            return new Trial(this, reseller, fixture.clientOf(reseller, "Shop " + number, "shop" + number));
        }
    }

    /** One try: a subscription of a client of a reseller, and who acts on it. */
    static final class Trial {
        final SubscriptionsFixture fixture;
        final ClientDetails reseller;
        final ClientDetails client;
        final String subscriptionId;
        final Map<Actor, Caller> callers = new EnumMap<>(Actor.class);
        /** The subscription's holds in the order they were placed, as the model numbers them (a step places one at most). */
        final List<String> holdIds = new ArrayList<>();

        Trial(World world, ClientDetails reseller, ClientDetails client) {
            this.fixture = world.fixture;
            this.reseller = reseller;
            this.client = client;
            Caller operator = fixture.operator();
            callers.put(Actor.OPERATOR, operator);
            callers.put(Actor.OPERATOR_SUSPENDER, new ChosenPermissions(operator, SubscriptionsPermissions.VIEW,
                    SubscriptionsPermissions.SUSPEND, SubscriptionsPermissions.MANAGE));
            callers.put(Actor.RESELLER, fixture.owner(reseller));
            callers.put(Actor.CLIENT_OWNER, fixture.owner(client));
            callers.put(Actor.CLIENT_BASIC, fixture.member(client, "basic"));
            subscriptionId = fixture.subscription(client, "Plan").id();
        }

        String apply(Step step) {
            Caller actor = step.actor() == null ? null : callers.get(step.actor());
            switch (step.kind()) {
                case PLACE -> {
                    if (step.actor().client() && fixture.directory.find(client.id()).orElseThrow().suspended()) {
                        return "skipped"; // a suspended client's users cannot log in (C4)
                    }
                    String expiry = step.number() == 1 ? fixture.clock.instant().plus(Duration.ofHours(1)).toString() : null;
                    return outcome(() -> {
                        fixture.holds.place(actor, subscriptionId, new NewHold(step.reason().wire(), null, null, expiry));
                        return "done";
                    });
                }
                case LIFT -> {
                    List<String> ids = holdIds;
                    if (ids.isEmpty() || (step.actor().client() && fixture.directory.find(client.id()).orElseThrow().suspended())) {
                        return "skipped";
                    }
                    String holdId = ids.get(step.number() % ids.size());
                    return outcome(() -> fixture.holds.lift(actor, subscriptionId, holdId, null).name().toLowerCase());
                }
                case SUSPEND_CLIENT -> fixture.clients.suspend(fixture.operator(), client.id(), "state machine");
                case ACTIVATE_CLIENT -> fixture.clients.activate(fixture.operator(), client.id(), null);
                case SUSPEND_RESELLER -> fixture.database.runInTransaction(connection -> fixture.resellerCascade.suspended(
                        new ResellerEvent(fixture.operator(), reseller.organizationId(), null)));
                case ACTIVATE_RESELLER -> fixture.database.runInTransaction(connection -> fixture.resellerCascade.activated(
                        new ResellerEvent(fixture.operator(), reseller.organizationId(), null)));
                case PASS_TIME -> {
                    fixture.clock.advance(Duration.ofHours(2));
                    fixture.sweep.sweep();
                }
                case SYSTEM_NON_PAYMENT -> fixture.system.place(subscriptionId, HoldReason.NON_PAYMENT, "inv_" + step.number(),
                        null, null);
                case PAY -> fixture.system.lift(subscriptionId, HoldReason.NON_PAYMENT, "inv_" + step.number(), "paid");
                case SYSTEM_EXPIRE -> fixture.system.place(subscriptionId, HoldReason.EXPIRED, null, null, null);
                case RENEW -> fixture.system.lift(subscriptionId, HoldReason.EXPIRED, null, "renewed");
                case TERMINATE -> {
                    if (step.actor().client() && fixture.directory.find(client.id()).orElseThrow().suspended()) {
                        return "skipped";
                    }
                    return outcome(() -> fixture.subscriptions.terminate(actor, subscriptionId, null).name().toLowerCase());
                }
                default -> throw new IllegalArgumentException(step.toString());
            }
            return "ok";
        }

        /** The invariants, after a step. */
        void check(Model model, Step step, String frozenBefore) {
            SubscriptionView subscription = fixture.read(subscriptionId);
            List<HoldView> holds = holds();
            List<String> placed = holds.stream().map(HoldView::id).filter(id -> !holdIds.contains(id)).toList();
            assertTrue(placed.size() <= 1, "one step placed " + placed);
            holdIds.addAll(placed);
            boolean anyInForce = holds.stream().anyMatch(HoldView::inForce);
            assertEquals(model.state(), subscription.state(), "state after " + step);
            if (!subscription.state().equals("terminated")) {
                assertEquals(anyInForce, subscription.state().equals("suspended"), "suspended iff a hold is in force");
                assertEquals(anyInForce, subscription.suspension() != null);
            }
            assertEquals(model.inForce(), holds.stream().filter(HoldView::inForce).map(HoldView::reason).sorted().toList(),
                    "holds in force after " + step);
            if (frozenBefore != null) {
                assertEquals(frozenBefore, frozen(), "a terminated subscription's holds stay as they were");
            }
            for (HoldView hold : holds) {
                if (hold.liftedAt() != null) {
                    assertTrue(liftedByWhomThePolicyAllows(hold), "lifted by " + hold.liftedBy() + ": " + hold);
                }
            }
        }

        /** The holds as they are, when the subscription is terminated; else null. */
        String frozen() {
            if (!fixture.read(subscriptionId).state().equals("terminated")) {
                return null;
            }
            return holds().stream().map(hold -> hold.id() + ":" + hold.liftedAt())
                    .collect(Collectors.joining(","));
        }

        private boolean liftedByWhomThePolicyAllows(HoldView hold) {
            HoldReason reason = HoldReason.ofWire(hold.reason()).orElseThrow();
            if (Hold.SYSTEM.equals(hold.liftedBy())) {
                return !MAY_LIFT.containsKey(reason) || hold.expiresAt() != null;
            }
            Map<String, Actor> byUser = new TreeMap<>();
            MAY_LIFT.getOrDefault(reason, Set.of()).forEach(actor -> byUser.put(callers.get(actor).userId(), actor));
            return byUser.containsKey(hold.liftedBy());
        }

        private List<HoldView> holds() {
            return fixture.holds.list(fixture.operator(), subscriptionId, PageRequest.of("500", null)).items();
        }

        private static String outcome(Supplier<String> request) {
            try {
                return request.get();
            } catch (ProblemException refused) {
                return refused.status() + ":" + refused.type();
            }
        }
    }
}
