package dev.kontor.users.internal.access;

import dev.kontor.api.security.Identity;
import dev.kontor.api.storage.Database;
import dev.kontor.users.internal.UsersConfiguration;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a login may do in an organization, computed by {@link AccessQuery} and kept for
 * a short while: the host asks on every request, and an authorization decision must
 * cost microseconds, not a database round trip.
 *
 * <p>Every change that touches access calls {@link #changedAfterCommit}; the
 * generation moves on once the change is committed, and every entry computed before
 * that is stale. An entry is computed under the generation read before its query, so a
 * change committing meanwhile can never be cached as current.
 */
@Component(service = Access.class, configurationPid = UsersConfiguration.PID)
public final class Access {

    private final Database database;
    private final AccessQuery query;
    private final long maxAgeMillis;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    @Activate
    public Access(@Reference Database database, @Reference DeclaredPermissions declared, UsersConfiguration configuration) {
        this(database, new AccessQuery(declared, Clock.systemUTC()), configuration.access_cache_millis(), Clock.systemUTC());
        declared.onChange(this::changedNow);
    }

    public Access(Database database, AccessQuery query, long maxAgeMillis, Clock clock) {
        this.database = database;
        this.query = query;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    /** The organization a login works in after logging in: the operator's, else the first by name; empty if none. */
    public Optional<String> firstOrganization(String userId) {
        return database.inTransaction(connection -> query.firstOrganization(connection, userId));
    }

    /** The login's access in the organization now, or empty when it may not act there. */
    public Optional<Grant> of(String userId, String organizationId) {
        Key key = new Key(userId, organizationId);
        long now = clock.millis();
        Entry cached = entries.get(key);
        long current = generation.get();
        if (cached != null && cached.generation == current && now - cached.at < maxAgeMillis) {
            return cached.grant;
        }
        Optional<Grant> grant = database.inTransaction(connection -> query.resolve(connection, userId, organizationId));
        entries.put(key, new Entry(grant, current, now));
        if (entries.size() > 100_000) {
            entries.clear(); // a bound, not a policy: entries are cheap to recompute
        }
        return grant;
    }

    /**
     * Makes every cached decision stale once the current transaction commits (or now,
     * outside a transaction). Call it from every change of logins, memberships, roles,
     * workgroups, grants or organizations.
     */
    public void changedAfterCommit() {
        if (database.inTransaction()) {
            database.afterCommit(this::changedNow);
        } else {
            changedNow();
        }
    }

    /** Makes every cached decision stale at once, e.g. when modules declare other permissions. */
    public void changedNow() {
        generation.incrementAndGet();
        entries.clear();
    }

    /**
     * A login's access in one organization.
     *
     * @param identity what the host gets
     * @param supportGrants ids of the support grants the access comes from; empty for a member
     */
    public record Grant(Identity identity, java.util.List<String> supportGrants) {

        public boolean viaSupport() {
            return !supportGrants.isEmpty();
        }
    }

    private record Key(String userId, String organizationId) {
    }

    private record Entry(Optional<Grant> grant, long generation, long at) {
    }
}
