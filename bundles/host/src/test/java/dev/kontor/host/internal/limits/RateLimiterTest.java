package dev.kontor.host.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final SteppingClock clock = new SteppingClock();
    private final RateLimiter limiter = new RateLimiter(60, clock);

    @Test
    void sixtyPerMinuteAreServedAndTheSixtyFirstIsRefusedWithRetryAfter() {
        for (int i = 0; i < 60; i++) {
            assertTrue(limiter.acquire("token-a").allowed(), "request " + (i + 1));
        }
        RateLimiter.Decision refused = limiter.acquire("token-a");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds(), "one token comes back every second at 60/min");
    }

    @Test
    void aClientKeepingToTheRateIsNeverRefused() {
        for (int i = 0; i < 300; i++) {
            assertTrue(limiter.acquire("steady").allowed());
            clock.advanceMillis(1000);
        }
    }

    @Test
    void keysAreCountedSeparately() {
        for (int i = 0; i < 60; i++) {
            limiter.acquire("busy");
        }
        assertFalse(limiter.acquire("busy").allowed());
        assertTrue(limiter.acquire("quiet").allowed());
    }

    @Test
    void remainingAndResetDescribeTheBucket() {
        RateLimiter.Decision first = limiter.acquire("k");
        assertEquals(60, first.limit());
        assertEquals(59, first.remaining());
        assertEquals(1, first.resetSeconds());
        clock.advanceMillis(60_000);
        assertEquals(59, limiter.acquire("k").remaining(), "a full minute refills the bucket");
    }

    private static final class SteppingClock extends Clock {
        private long millis = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

        void advanceMillis(long step) {
            millis += step;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
