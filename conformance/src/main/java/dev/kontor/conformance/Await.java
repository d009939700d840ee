package dev.kontor.conformance;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until an outcome shows. The panel follows bundle events asynchronously (DS, the
 * REST whiteboard, the menu registry), so a check waits for what it expects within a
 * bound instead of assuming a timing; the bound only ends a wait that would never end.
 */
final class Await {

    static final Duration PANEL = Duration.ofSeconds(60);
    static final Duration CHANGE = Duration.ofSeconds(20);
    /** A stopped module's threads end in its deactivation; what runs on past this was never told to stop. */
    static final Duration THREADS_END = Duration.ofSeconds(10);
    /** How long a 404 may be the REST whiteboard rebuilding its application; a 404 that outlasts it is the method's own. */
    static final Duration WHITEBOARD_REBUILD = Duration.ofSeconds(3);
    /** Between two looks: the bound, not this pause, decides how long a check may wait. */
    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /** The first value accepted, or the last one seen when the bound passed. */
    static <T> T until(Duration bound, Supplier<T> probe, Predicate<? super T> accepted) {
        long deadline = System.nanoTime() + bound.toNanos();
        T value = probe.get();
        while (!accepted.test(value) && System.nanoTime() < deadline) {
            pause();
            value = probe.get();
        }
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the panel", e);
        }
    }
}
