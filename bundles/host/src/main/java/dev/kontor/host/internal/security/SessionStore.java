package dev.kontor.host.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Browser sessions, in memory: a restart of the panel logs everybody out, which is
 * the safe failure. Sessions slide: each use pushes the expiry out by the idle time.
 */
final class SessionStore {

    private final ConcurrentMap<String, PanelSession> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    SessionStore(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    PanelSession open(String userId, String organizationId) {
        PanelSession session = new PanelSession(Tokens.random(), userId, organizationId, Tokens.random(),
                clock.instant().plus(idleTimeout));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session for a cookie value, its expiry pushed out; empty when unknown or expired. */
    Optional<PanelSession> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        PanelSession updated = sessions.computeIfPresent(id,
                (key, session) -> session.expiresAt().isAfter(now) ? session.withExpiry(now.plus(idleTimeout)) : null);
        return Optional.ofNullable(updated);
    }

    Optional<PanelSession> switchOrganization(String id, String organizationId) {
        return Optional.ofNullable(sessions.computeIfPresent(id, (key, session) -> session.withOrganization(organizationId)));
    }

    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Drops expired sessions; called now and then so abandoned logins do not pile up. */
    void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
    }

    int size() {
        return sessions.size();
    }
}
