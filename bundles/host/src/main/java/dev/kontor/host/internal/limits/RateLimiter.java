package dev.kontor.host.internal.limits;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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

    /** Takes one request from the key's bucket, if there is one left. */
    public Decision acquire(String key) {
        long now = clock.millis();
        if (buckets.size() > PURGE_THRESHOLD) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now, perMinute));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.refill(now, perMinute);
            boolean allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            double missing = perMinute - bucket.tokens;
            long resetSeconds = (long) Math.ceil(missing * 60.0 / perMinute);
            long retryAfter = allowed ? 0 : (long) Math.ceil((1 - bucket.tokens) * 60.0 / perMinute);
            return new Decision(allowed, perMinute, (int) Math.floor(bucket.tokens), resetSeconds, Math.max(retryAfter, allowed ? 0 : 1));
        }
    }

    /** The outcome of one check, with what the {@code RateLimit-*} headers say. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (now - updatedAt) * perMinute / 60_000.0);
            updatedAt = now;
        }

        boolean isFullAt(long now, int perMinute) {
            synchronized (this) {
                return tokens + (now - updatedAt) * perMinute / 60_000.0 >= perMinute;
            }
        }
    }
}
