package dev.kontor.subscriptions.internal.provisioning;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits, bounded and generously (the machine is slow and shared), until a condition holds; no fixed pauses. */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Not within " + TIMEOUT.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
