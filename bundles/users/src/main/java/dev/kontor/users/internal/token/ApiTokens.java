package dev.kontor.users.internal.token;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.trail.Trail;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Personal API tokens (U13): a login's bearer token in one organization, limited to
 * scopes it held when creating it. The token is shown once and stored as its hash;
 * what it may do is decided on every use ({@link TokenAuthentication}).
 */
@Component(service = ApiTokens.class, configurationPid = UsersConfiguration.PID)
public class ApiTokens {

    /** Prefix of personal tokens, so that one found in a log or a repository says what it is. */
    static final String PREFIX = "kt_";
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final DeclaredPermissions declared;
    private final Duration maxLifetime;
    private final Clock clock;

    @Activate
    public ApiTokens(@Reference Database database, @Reference AuditLog audit, @Reference Access access,
            @Reference DeclaredPermissions declared, UsersConfiguration configuration) {
        this(database, audit, access, declared, Duration.ofDays(configuration.token_max_days()), Clock.systemUTC());
    }

    public ApiTokens(Database database, AuditLog audit, Access access, DeclaredPermissions declared, Duration maxLifetime,
            Clock clock) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
        this.declared = declared;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    /** The caller's tokens in the current organization that are not revoked, newest first. */
    public Page<ApiToken> list(Caller caller, PageRequest page) {
        String after = TextFields.cursorText(page.after());
        List<ApiToken> rows = database.inTransaction(connection -> TokenStore.personal(connection, caller.userId(),
                caller.organizationId(), after, page.limit() + 1)).stream().map(ApiToken::of).toList();
        return page.toPage(rows, ApiToken::id);
    }

    /**
     * Creates a token acting as the caller in the current organization.
     *
     * @param expiresAt ISO-8601 date-time or date (midnight UTC at its start); null for the default lifetime
     * @throws ValidationException when the name, a scope or the expiry is not acceptable
     * @throws ProblemException 403 {@code support-access} when the caller acts through a support grant
     */
    public IssuedToken create(Caller caller, String name, List<String> scopes, String expiresAt) {
        String validName = TokenFields.validName(name);
        DeclaredPermissions.Catalog catalog = declared.catalog();
        Set<String> validScopes = TokenFields.validScopes(scopes, scope -> catalog.declares(scope) && caller.has(scope),
                "must be a permission you hold in this organization");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiry = expiry(expiresAt, now);
        if (access.of(caller.userId(), caller.organizationId()).map(Access.Grant::viaSupport).orElse(true)) {
            // Support access is for a person in a session, and ends with its grant: nothing may outlive it.
            throw new ProblemException(403, "support-access", "API tokens are only for members of this organization.");
        }
        String secret = Secrets.newSecret(PREFIX);
        TokenStore.Token token = new TokenStore.Token(Ids.newId("tok"), TokenStore.PERSONAL, caller.organizationId(),
                caller.userId(), null, validName, validScopes, now, expiry, null, null);
        database.runInTransaction(connection -> {
            TokenStore.insert(connection, token, Secrets.hashOf(secret));
            trail.record(caller, caller.organizationId(), "users.token.created", target(token.id()),
                    "name " + validName + ", scopes " + String.join(" ", new TreeSet<>(validScopes)) + ", until " + expiry);
            access.changedAfterCommit();
        });
        ApiToken shown = ApiToken.of(token);
        return new IssuedToken(shown.id(), shown.name(), shown.scopes(), shown.createdAt(), shown.expiresAt(), secret);
    }

    /** Revokes one of the caller's tokens in the current organization; false when there is none in force. */
    public boolean revoke(Caller caller, String id) {
        return database.inTransaction(connection -> {
            boolean revoked = TokenStore.revokePersonal(connection, caller.userId(), caller.organizationId(), id, clock.instant());
            if (revoked) {
                trail.record(caller, caller.organizationId(), "users.token.revoked", target(id), null);
                access.changedAfterCommit();
            }
            return revoked;
        });
    }

    private static String target(String id) {
        return "token:" + id;
    }

    private Instant expiry(String requested, Instant now) {
        Instant latest = now.plus(maxLifetime);
        if (requested == null || requested.isBlank()) {
            return DEFAULT_LIFETIME.compareTo(maxLifetime) < 0 ? now.plus(DEFAULT_LIFETIME) : latest;
        }
        Instant expiry = parse(requested.strip()).orElseThrow(() -> new ValidationException("expires_at",
                "an ISO-8601 date-time with offset (2030-01-31T12:00:00Z) or a date (2030-01-31)"));
        if (!expiry.isAfter(now) || expiry.isAfter(latest)) {
            throw new ValidationException("expires_at", "must lie in the future and at most " + maxLifetime.toDays()
                    + " days ahead");
        }
        return expiry.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Optional<Instant> parse(String value) {
        if (value.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A personal token as listed; the token itself is never shown again. */
    public record ApiToken(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

        static ApiToken of(TokenStore.Token token) {
            return new ApiToken(token.id(), token.name(), List.copyOf(new TreeSet<>(token.scopes())), token.createdAt(),
                    token.expiresAt(), token.lastUsedAt());
        }
    }

    /** The answer to creating a token: the only time {@code token} is shown. */
    public record IssuedToken(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, String token) {

        @Override
        public String toString() {
            return "IssuedToken[" + id + "]"; // never the token
        }
    }
}
