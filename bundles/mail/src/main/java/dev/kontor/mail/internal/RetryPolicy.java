package dev.kontor.mail.internal;

import java.time.Duration;

/** How often and after what pauses a mail is tried: exponential back-off with a cap. */
record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    /** The pause after the given failed attempt (counted from 1): base, twice base, four times... at most max. */
    Duration delayAfter(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= 31) {
            return max;
        }
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether a mail tried this often is given up. */
    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
