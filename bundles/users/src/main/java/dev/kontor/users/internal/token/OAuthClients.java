package dev.kontor.users.internal.token;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.access.OrganizationKind;
import dev.kontor.users.internal.access.Words;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.organization.ListQuery;
import dev.kontor.users.internal.organization.OrganizationFacts;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.trail.Author;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * OAuth 2 clients of an organization for machine access (U13), and the access tokens
 * the client credentials grant issues to them. A client acts in its organization with
 * its scopes, as far as the organization's administrator role reaches.
 */
@Component(service = OAuthClients.class, configurationPid = UsersConfiguration.PID)
public class OAuthClients {

    static final String SECRET_PREFIX = "kcs_";
    static final String ACCESS_TOKEN_PREFIX = "kat_";
    private static final String COLUMNS = "c.id, c.organization_id, c.name, c.secret_hash, c.scopes, c.created_by, "
            + "c.created_at, c.revoked_at, o.operator, o.suspended, o.name, o.reseller";
    private static final String FROM = " FROM users_oauth_client c JOIN users_organization o ON o.id = c.organization_id";

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final DeclaredPermissions declared;
    private final Duration tokenLifetime;
    private final Clock clock;

    @Activate
    public OAuthClients(@Reference Database database, @Reference AuditLog audit, @Reference Access access,
            @Reference DeclaredPermissions declared, UsersConfiguration configuration) {
        this(database, audit, access, declared, Duration.ofMinutes(configuration.oauth_token_minutes()), Clock.systemUTC());
    }

    public OAuthClients(Database database, AuditLog audit, Access access, DeclaredPermissions declared, Duration tokenLifetime,
            Clock clock) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
        this.declared = declared;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /** The organization's clients that are not revoked, newest first. */
    public Page<OAuthClient> list(String organizationId, PageRequest page) {
        String after = TextFields.cursorText(page.after());
        List<OAuthClient> rows = database.inTransaction(connection -> new ListQuery("SELECT " + COLUMNS + FROM
                + " WHERE c.organization_id = ? AND c.revoked_at IS NULL", organizationId)
                .andIfGiven("c.id < ?", after)
                .rows(connection, "c.id DESC", page.limit() + 1, OAuthClients::clientOf)).stream().map(ClientRow::shown).toList();
        return page.toPage(rows, OAuthClient::id);
    }

    /**
     * Creates a client whose scopes are permissions the caller holds and the
     * organization's administrator role includes; its secret is shown only here.
     *
     * @throws dev.kontor.api.rest.ValidationException when the name or a scope is not acceptable
     * @throws NotFoundException when the organization does not exist
     */
    public NewClient create(Caller caller, String organizationId, String name, List<String> scopes) {
        String validName = TokenFields.validName(name);
        return database.inTransaction(connection -> {
            OrganizationKind kind = OrganizationFacts.of(connection, organizationId).orElseThrow(NotFoundException::new).kind();
            Set<String> reach = administrator(kind);
            Set<String> validScopes = TokenFields.validScopes(scopes, scope -> reach.contains(scope) && caller.has(scope),
                    "must be a permission you hold that the organization's administrator role includes");
            String secret = Secrets.newSecret(SECRET_PREFIX);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String id = Ids.newId("oc");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_oauth_client (id, organization_id, "
                    + "name, secret_hash, scopes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, organizationId);
                insert.setString(3, validName);
                insert.setString(4, Secrets.hashOf(secret));
                insert.setString(5, Words.join(validScopes));
                insert.setString(6, caller.userId());
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
            }
            trail.record(caller, organizationId, "users.oauth-client.created", target(id),
                    "name " + validName + ", scopes " + Words.join(validScopes));
            access.changedAfterCommit();
            return new NewClient(id, validName, List.copyOf(new TreeSet<>(validScopes)), now, secret);
        });
    }

    /** Revokes a client and every access token it holds, at once; false when the organization has no such client. */
    public boolean revoke(Caller caller, String organizationId, String id) {
        return database.inTransaction(connection -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            try (PreparedStatement update = connection.prepareStatement("UPDATE users_oauth_client SET revoked_at = ? "
                    + "WHERE id = ? AND organization_id = ? AND revoked_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, id);
                update.setString(3, organizationId);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            TokenStore.revokeOfClient(connection, id, now);
            trail.record(caller, organizationId, "users.oauth-client.revoked", target(id), null);
            access.changedAfterCommit();
            return true;
        });
    }

    /**
     * The client credentials grant (RFC 6749 §4.4): checks the client's secret and issues
     * an access token for the requested scopes (all of the client's when none are named).
     *
     * @param scope the {@code scope} parameter, space-separated; null when absent
     * @param sourceAddress where the request came from, for the audit trail
     * @throws OAuthError invalid_client, unauthorized_client or invalid_scope
     */
    public AccessToken issue(String clientId, String clientSecret, String scope, String sourceAddress) {
        Optional<ClientRow> found = clientId.length() > 40 || !TextFields.plausibleId(clientId) ? Optional.empty()
                : database.inTransaction(connection -> client(connection, clientId));
        if (found.isEmpty() || found.get().revokedAt() != null) {
            throw OAuthError.invalidClient("Unknown client or wrong secret.");
        }
        ClientRow client = found.get();
        if (!MessageDigest.isEqual(client.secretHash().getBytes(StandardCharsets.US_ASCII),
                Secrets.hashOf(clientSecret).getBytes(StandardCharsets.US_ASCII))) {
            trail.record(client.author(sourceAddress), client.organizationId(), "users.oauth-client.refused", target(client.id()),
                    AuditOutcome.DENIED,
                    "wrong client secret");
            throw OAuthError.invalidClient("Unknown client or wrong secret.");
        }
        if (client.suspended()) {
            throw new OAuthError(400, "unauthorized_client", "The client's organization is suspended.");
        }
        Set<String> scopes = scope == null ? client.scopes() : requested(scope, client.scopes());
        String secret = Secrets.newSecret(ACCESS_TOKEN_PREFIX);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        TokenStore.Token token = new TokenStore.Token(Ids.newId("tok"), TokenStore.OAUTH, client.organizationId(), null,
                client.id(), client.name(), scopes, now, now.plus(tokenLifetime), null, null);
        database.runInTransaction(connection -> {
            TokenStore.deleteExpiredOfClient(connection, client.id(), now);
            TokenStore.insert(connection, token, Secrets.hashOf(secret));
            trail.record(client.author(sourceAddress), client.organizationId(), "users.oauth-client.token-issued",
                    target(client.id()), AuditOutcome.SUCCESS,
                    "scopes " + Words.join(scopes) + ", until " + token.expiresAt());
        });
        return new AccessToken(secret, tokenLifetime.toSeconds(), Words.join(scopes));
    }

    /** A client as {@link TokenAuthentication} needs it for one of its access tokens. */
    Optional<ClientRow> client(Connection connection, String clientId) throws SQLException {
        return new ListQuery("SELECT " + COLUMNS + FROM + " WHERE c.id = ?", clientId).rows(connection, "c.id", 1,
                OAuthClients::clientOf).stream().findFirst();
    }

    /** What the organization's administrator role holds now: the most a client may ever do there. */
    Set<String> administrator(OrganizationKind kind) {
        return declared.catalog().of(BuiltInRole.ADMINISTRATOR, kind);
    }

    private static Set<String> requested(String scope, Set<String> allowed) {
        Set<String> scopes = new TreeSet<>(Words.of(scope));
        if (scopes.isEmpty() || !allowed.containsAll(scopes)) {
            throw new OAuthError(400, "invalid_scope", "Request only scopes the client was created with.");
        }
        return scopes;
    }

    private static ClientRow clientOf(ResultSet row) throws SQLException {
        Timestamp revoked = row.getTimestamp(8);
        return new ClientRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                new TreeSet<>(Words.of(row.getString(5))), row.getString(6), row.getTimestamp(7).toInstant(),
                revoked == null ? null : revoked.toInstant(), OrganizationKind.of(row.getBoolean(9), row.getBoolean(12)),
                row.getBoolean(10), row.getString(11));
    }

    private static String target(String id) {
        return "oauth-client:" + id;
    }

    /** A stored client with its organization's state. */
    record ClientRow(String id, String organizationId, String name, String secretHash, Set<String> scopes, String createdBy,
            Instant createdAt, Instant revokedAt, OrganizationKind kind, boolean suspended, String organizationName) {

        ClientRow {
            scopes = Set.copyOf(scopes);
        }

        OAuthClient shown() {
            return new OAuthClient(id, name, List.copyOf(new TreeSet<>(scopes)), createdBy, createdAt);
        }

        /** The client as the author of an entry at the token endpoint, where no request made a caller yet. */
        Author author(String sourceAddress) {
            return new Author(id, "client:" + name, organizationId, Locale.ENGLISH, sourceAddress);
        }

        @Override
        public String toString() {
            return "ClientRow[" + id + "]"; // never the hash
        }
    }

    /** A client as listed; its secret is never shown again. */
    public record OAuthClient(String id, String name, List<String> scopes, String createdBy, Instant createdAt) {
    }

    /** The answer to creating a client: the only time {@code clientSecret} is shown. */
    public record NewClient(String id, String name, List<String> scopes, Instant createdAt, String clientSecret) {

        @Override
        public String toString() {
            return "NewClient[" + id + "]"; // never the secret
        }
    }

    /** An issued access token: the token, its lifetime in seconds, its scopes space-separated. */
    public record AccessToken(String accessToken, long expiresIn, String scope) {

        @Override
        public String toString() {
            return "AccessToken[redacted]";
        }
    }
}
