package dev.kontor.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds or a generous deadline passes; the machine is slow and shared. */
final class Eventually {

    static final Duration HOT_DEPLOY = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    static void until(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
                last = null;
            } catch (Exception e) {
                last = e; // e.g. connection refused while starting: keep polling
            }
            sleep(POLL);
        }
        fail("Not within " + timeout.toSeconds() + " s: " + what + (last == null ? "" : " (last error: " + last + ")"));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
