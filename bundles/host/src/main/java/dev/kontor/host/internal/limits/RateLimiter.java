package dev.kontor.host.internal.limits;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Token buckets per key (a source address, a token, a username): {@code perMinute}
 * requests at most, refilled evenly over the minute, so a client that keeps within the
 * rate is never refused and a burst is cut off at the limit.
 */
public final class RateLimiter {

    /** Beyond this many keys, buckets that are full again are dropped on the next check. */
    private static final int PURGE_THRESHOLD = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one request from the key's bucket, if there is one left. Lock-free: requests of one client never queue here. */
    public Decision acquire(String key) {
        long now = clock.millis();
        if (buckets.size() > PURGE_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now, perMinute));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        while (true) {
            Bucket.State before = bucket.state.get();
            double tokens = Math.min(perMinute, before.tokens() + (now - before.updatedAt()) * perMinute / 60_000.0);
            boolean allowed = tokens >= 1;
            double left = allowed ? tokens - 1 : tokens;
            if (bucket.state.compareAndSet(before, new Bucket.State(left, Math.max(now, before.updatedAt())))) {
                long resetSeconds = (long) Math.ceil((perMinute - left) * 60.0 / perMinute);
                long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - left) * 60.0 / perMinute));
                return new Decision(allowed, perMinute, (int) Math.floor(left), resetSeconds, retryAfter);
            }
        }
    }

    /** The outcome of one check, with what the {@code RateLimit-*} headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {

        /**
         * Sets the {@code RateLimit-*} headers of the IETF draft and, when refused,
         * {@code Retry-After}: one spelling for every limiter's answers.
         */
        public void putHeaders(BiConsumer<String, String> setHeader) {
            setHeader.accept("RateLimit-Limit", Integer.toString(limit));
            setHeader.accept("RateLimit-Remaining", Integer.toString(remaining));
            setHeader.accept("RateLimit-Reset", Long.toString(resetSeconds));
            if (!allowed) {
                setHeader.accept("Retry-After", Long.toString(retryAfterSeconds));
            }
        }
    }

    private static final class Bucket {
        final AtomicReference<State> state;

        Bucket(int capacity, long now) {
            this.state = new AtomicReference<>(new State(capacity, now));
        }

        boolean isFullAt(long now, int perMinute) {
            State current = state.get();
            return current.tokens() + (now - current.updatedAt()) * perMinute / 60_000.0 >= perMinute;
        }

        record State(double tokens, long updatedAt) {
        }
    }
}
