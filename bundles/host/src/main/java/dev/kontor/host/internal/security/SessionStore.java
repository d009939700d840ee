package dev.kontor.host.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Browser sessions, in memory: a restart of the panel logs everybody out, which is
 * the safe failure. Sessions slide: each use pushes the expiry out by the idle time.
 * Every authenticated request touches its session, so the lookup takes no lock: the
 * expiry is a volatile field, and concurrent touches of one session may race harmlessly.
 */
final class SessionStore {

    private final ConcurrentMap<String, Slot> sessions = new ConcurrentHashMap<>();
    private final long idleMillis;
    private final Clock clock;

    SessionStore(Duration idleTimeout, Clock clock) {
        this.idleMillis = idleTimeout.toMillis();
        this.clock = clock;
    }

    PanelSession open(String userId, String organizationId) {
        PanelSession session = new PanelSession(Tokens.random(), userId, organizationId, Tokens.random());
        sessions.put(session.id(), new Slot(session, clock.millis() + idleMillis));
        return session;
    }

    /** The live session for a cookie value, its expiry pushed out; empty when unknown or expired. */
    Optional<PanelSession> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Slot slot = sessions.get(id);
        if (slot == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (slot.expiresAt <= now) {
            sessions.remove(id, slot);
            return Optional.empty();
        }
        slot.expiresAt = now + idleMillis;
        return Optional.of(slot.session);
    }

    Optional<PanelSession> switchOrganization(String id, String organizationId) {
        Slot slot = sessions.get(id);
        if (slot == null) {
            return Optional.empty();
        }
        slot.session = slot.session.withOrganization(organizationId);
        return Optional.of(slot.session);
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Drops expired sessions; called now and then so abandoned logins do not pile up. */
    void purgeExpired() {
        long now = clock.millis();
        sessions.values().removeIf(slot -> slot.expiresAt <= now);
    }

    int size() {
        return sessions.size();
    }

    private static final class Slot {
        volatile PanelSession session;
        volatile long expiresAt;

        Slot(PanelSession session, long expiresAt) {
            this.session = session;
            this.expiresAt = expiresAt;
        }
    }
}
