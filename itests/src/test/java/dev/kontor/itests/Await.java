package dev.kontor.itests;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds. The panel follows bundle events asynchronously (DS,
 * the JAX-RS whiteboard), so tests wait for an outcome instead of assuming a timing;
 * the timeout is generous and only ends a test that would otherwise hang.
 */
final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 25;

    private Await() {
    }

    /** Returns the first value that is accepted; fails with the last value seen when none is in time. */
    static <T> T until(String expectation, Supplier<T> probe, Predicate<? super T> accepted) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T value = probe.get();
        while (!accepted.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + TIMEOUT.toSeconds() + " s for " + expectation + "; last seen: " + value);
            }
            sleep(POLL_MILLIS);
            value = probe.get();
        }
        return value;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}
