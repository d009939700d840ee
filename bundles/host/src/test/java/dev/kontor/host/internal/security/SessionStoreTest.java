package dev.kontor.host.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock();
    private final SessionStore store = new SessionStore(Duration.ofMinutes(30), clock);

    @Test
    void sessionIdsAndCsrfTokensCarryAtLeast128RandomBits() {
        PanelSession first = store.open("u1", "o1");
        PanelSession second = store.open("u1", "o1");
        assertTrue(Base64.getUrlDecoder().decode(first.id()).length * 8 >= 128);
        assertTrue(Base64.getUrlDecoder().decode(first.csrfToken()).length * 8 >= 128);
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.id(), first.csrfToken());
    }

    @Test
    void sessionEndsAfterIdleTimeButEachUseExtendsIt() {
        PanelSession session = store.open("u1", "o1");
        clock.advance(Duration.ofMinutes(20));
        assertTrue(store.touch(session.id()).isPresent(), "used within the idle time");
        clock.advance(Duration.ofMinutes(20));
        assertTrue(store.touch(session.id()).isPresent(), "the last use pushed the expiry out");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(store.touch(session.id()).isEmpty(), "idle for longer than 30 minutes");
    }

    @Test
    void loggedOutSessionNoLongerAuthenticates() {
        PanelSession session = store.open("u1", "o1");
        store.close(session.id());
        assertTrue(store.touch(session.id()).isEmpty());
    }

    @Test
    void unknownOrMissingCookieValueIsNoSession() {
        assertTrue(store.touch("not-a-session").isEmpty());
        assertTrue(store.touch(null).isEmpty());
    }

    @Test
    void switchingOrganizationKeepsTheSessionAndItsCsrfToken() {
        PanelSession session = store.open("u1", "o1");
        PanelSession switched = store.switchOrganization(session.id(), "o2").orElseThrow();
        assertEquals("o2", switched.organizationId());
        assertEquals(session.csrfToken(), switched.csrfToken());
        assertEquals("o2", store.touch(session.id()).orElseThrow().organizationId());
    }

    @Test
    void expiredSessionsArePurged() {
        store.open("u1", "o1");
        clock.advance(Duration.ofHours(1));
        store.open("u2", "o1");
        store.purgeExpired();
        assertEquals(1, store.size());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
