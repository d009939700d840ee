package dev.kontor.users.internal.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two owners acting at the same moment must not leave their organization without an
 * owner (U6). Each round starts both requests together on two threads; without the
 * organization's row lock both would count two owners and both succeed.
 */
class LastOwnerConcurrencyTest {

    private static final int ROUNDS = 10;
    private static final long WAIT_SECONDS = 60;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoOwnersLeavingAtOnceLeaveOneOwner_U6(DatabaseKind kind) throws Exception {
        race(kind, (fixture, pair) -> List.of(
                () -> fixture.members.leave(pair.first(), pair.organizationId()),
                () -> fixture.members.leave(pair.second(), pair.organizationId())), Set.of("last-owner"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoOwnersDemotingThemselvesAtOnceLeaveOneOwner_U6(DatabaseKind kind) throws Exception {
        race(kind, (fixture, pair) -> List.of(
                () -> fixture.members.change(pair.first(), pair.organizationId(), pair.first().userId(), null, toBasic()),
                () -> fixture.members.change(pair.second(), pair.organizationId(), pair.second().userId(), null, toBasic())),
                Set.of("last-owner"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner_U6(DatabaseKind kind) throws Exception {
        // The one served second is no owner any more by then, so may not touch an owner.
        race(kind, (fixture, pair) -> List.of(
                () -> fixture.members.change(pair.first(), pair.organizationId(), pair.second().userId(), null, toBasic()),
                () -> fixture.members.change(pair.second(), pair.organizationId(), pair.first().userId(), null, toBasic())),
                Set.of("last-owner", "owner-required"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoOwnersRemovingEachOtherAtOnceLeaveOneOwner_U6(DatabaseKind kind) throws Exception {
        race(kind, (fixture, pair) -> List.of(
                () -> fixture.members.remove(pair.first(), pair.organizationId(), pair.second().userId()),
                () -> fixture.members.remove(pair.second(), pair.organizationId(), pair.first().userId())),
                Set.of("last-owner", "owner-required"));
    }

    private static MemberRequests.Change toBasic() {
        return new MemberRequests.Change("basic", null, null);
    }

    /** Runs both actions of each round at once and checks one succeeded, one was refused, one owner is left. */
    private static void race(DatabaseKind kind, BiFunction<UsersFixture, Owners, List<Runnable>> actions, Set<String> refusals)
            throws Exception {
        UsersFixture fixture = new UsersFixture(kind);
        String elsewhere = fixture.organization("Elsewhere");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String organizationId = fixture.organization("Race " + round);
                String first = fixture.member(organizationId, "first" + round, "owner");
                String second = fixture.member(organizationId, "second" + round, "owner");
                // Both belong elsewhere too, so leaving is only ever refused for the last owner.
                fixture.join(elsewhere, first, "basic");
                fixture.join(elsewhere, second, "basic");
                Owners pair = new Owners(organizationId, fixture.caller(first, organizationId), fixture.caller(second, organizationId));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<RuntimeException>> outcomes = new ArrayList<>();
                for (Runnable action : actions.apply(fixture, pair)) {
                    outcomes.add(threads.submit(() -> {
                        start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                        try {
                            action.run();
                            return null;
                        } catch (RuntimeException refused) {
                            return refused;
                        }
                    }));
                }
                List<RuntimeException> failures = new ArrayList<>();
                for (Future<RuntimeException> outcome : outcomes) {
                    RuntimeException failure = outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
                assertEquals(1, fixture.count("SELECT COUNT(*) FROM users_membership WHERE organization_id = ? "
                        + "AND role_id = 'owner'", organizationId), "round " + round + ": exactly one owner is left");
                assertEquals(1, failures.size(), "round " + round + ": one request succeeded, one was refused: " + failures);
                ProblemException refused = assertInstanceOf(ProblemException.class, failures.get(0));
                assertTrue(refusals.contains(refused.type()), refused.type());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private record Owners(String organizationId, Caller first, Caller second) {
    }
}
