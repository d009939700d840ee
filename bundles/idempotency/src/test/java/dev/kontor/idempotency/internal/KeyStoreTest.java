package dev.kontor.idempotency.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kontor.api.rest.IdempotencyKeyReusedException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestCaller;
import dev.kontor.storage.internal.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyStoreTest {

    private TestDatabase database;
    private KeyStore keys;
    private final AtomicInteger workDone = new AtomicInteger();

    private void setUp(DatabaseKind kind) {
        database = TestDatabase.migrated(kind, "idempotency");
        keys = new KeyStore(database, new ObjectMapper().registerModule(new JavaTimeModule()), Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sameKeyTwiceDoesTheWorkOnceAndAnswersAlike(DatabaseKind kind) {
        setUp(kind);
        Result first = keys.once(ALICE, "key-1", "POST /bulk suspend [a,b]", Result.class, this::work);
        Result second = keys.once(ALICE, "key-1", "POST /bulk suspend [a,b]", Result.class, this::work);
        assertEquals(1, workDone.get());
        assertEquals(first, second);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void withoutAKeyEveryRequestDoesTheWork(DatabaseKind kind) {
        setUp(kind);
        keys.once(ALICE, null, "POST /bulk", Result.class, this::work);
        keys.once(ALICE, " ", "POST /bulk", Result.class, this::work);
        assertEquals(2, workDone.get());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keyReusedForAnotherRequestIsRefused(DatabaseKind kind) {
        setUp(kind);
        keys.once(ALICE, "key-1", "POST /bulk suspend [a]", Result.class, this::work);
        assertThrows(IdempotencyKeyReusedException.class,
                () -> keys.once(ALICE, "key-1", "POST /bulk activate [a]", Result.class, this::work));
        assertEquals(1, workDone.get());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keysBelongToTheirUserAndOrganization(DatabaseKind kind) {
        setUp(kind);
        keys.once(ALICE, "shared", "POST /bulk", Result.class, this::work);
        keys.once(BOB, "shared", "POST /bulk", Result.class, this::work);
        assertEquals(2, workDone.get(), "another user's key of the same name is another key");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failedWorkLeavesNoKeySoTheRetryDoesTheWork(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalStateException.class, () -> keys.once(ALICE, "key-1", "POST /bulk", Result.class, () -> {
            throw new IllegalStateException("the work failed");
        }));
        keys.once(ALICE, "key-1", "POST /bulk", Result.class, this::work);
        assertEquals(1, workDone.get());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void malformedKeyNamesTheHeader(DatabaseKind kind) {
        setUp(kind);
        ValidationException invalid = assertThrows(ValidationException.class,
                () -> keys.once(ALICE, "has space", "POST /bulk", Result.class, this::work));
        assertEquals("Idempotency-Key", invalid.errors().get(0).field());
        assertThrows(ValidationException.class, () -> keys.once(ALICE, "k".repeat(201), "POST /bulk", Result.class, this::work));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keysOlderThanADayAreForgotten(DatabaseKind kind) {
        setUp(kind);
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        new KeyStore(database, new ObjectMapper().registerModule(new JavaTimeModule()), Clock.fixed(start, ZoneOffset.UTC))
                .once(ALICE, "old", "POST /bulk", Result.class, this::work);
        new KeyStore(database, new ObjectMapper().registerModule(new JavaTimeModule()),
                Clock.fixed(start.plus(KeyStore.KEPT).plusSeconds(1), ZoneOffset.UTC))
                .once(ALICE, "old", "POST /bulk", Result.class, this::work);
        assertEquals(2, workDone.get(), "after a day the key is new again");
    }

    /** Two copies of one request racing (a client retrying on a timeout): the work is done once, both get its answer. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrentDuplicatesDoTheWorkOnce(DatabaseKind kind) throws Exception {
        setUp(kind);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch bothCalling = new CountDownLatch(2);
        // The work waits until both copies have called: the second then arrives while the first is still working.
        Supplier<Result> workWhileTheOtherCalls = () -> {
            awaitBounded(bothCalling);
            return work();
        };
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<Result>> answers = List.of(
                    clients.submit(() -> {
                        go.await();
                        bothCalling.countDown();
                        return keys.once(ALICE, "race", "POST /bulk", Result.class, workWhileTheOtherCalls);
                    }),
                    clients.submit(() -> {
                        go.await();
                        bothCalling.countDown();
                        return keys.once(ALICE, "race", "POST /bulk", Result.class, workWhileTheOtherCalls);
                    }));
            go.countDown();
            assertEquals(answers.get(0).get(60, TimeUnit.SECONDS), answers.get(1).get(60, TimeUnit.SECONDS));
            assertEquals(1, workDone.get());
        } finally {
            clients.shutdownNow();
        }
    }

    private Result work() {
        return new Result(workDone.incrementAndGet(), List.of("a", "b"), Instant.parse("2026-11-23T10:15:30Z"));
    }

    private static void awaitBounded(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other request never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int run, List<String> done, Instant at) {
    }

    private static final Caller ALICE = new TestCaller("u1", "o1");
    private static final Caller BOB = new TestCaller("u2", "o1");
}
