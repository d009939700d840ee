package dev.kontor.users.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.support.AccessFixture;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** OAuth 2 clients and the client credentials grant at the token endpoint (U13). */
class ClientCredentialsTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private AccessFixture world;
    private OAuthClients clients;
    private TokenEndpoint endpoint;
    private TokenAuthentication bearers;
    private String organization;
    private Caller owner;
    private OAuthClients.NewClient client;

    private void setUp(DatabaseKind kind) {
        world = new AccessFixture(kind);
        clients = new OAuthClients(world.database, world.audit, world.access, world.declared, TOKEN_LIFETIME, world.clock);
        endpoint = new TokenEndpoint(clients);
        bearers = new TokenAuthentication(world.database, world.access, clients, world.clock);
        organization = world.organization("Acme");
        owner = world.caller(world.member(organization, "olivia", "owner"), organization);
        client = clients.create(owner, organization, "billing sync",
                List.of(AccessFixture.SITES_VIEW, AccessFixture.BOXES_VIEW, UsersPermissions.SUPPORT_VIEW));
    }

    private TokenEndpoint.Answer post(String body) {
        return post(null, body);
    }

    private TokenEndpoint.Answer post(String authorization, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return endpoint.handle(new TokenEndpoint.Request("POST", FORM, bytes.length, authorization, new ByteArrayInputStream(bytes),
                AccessFixture.SOURCE_ADDRESS));
    }

    private static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String accessToken(TokenEndpoint.Answer answer) {
        Matcher token = ACCESS_TOKEN.matcher(answer.json());
        assertTrue(token.find(), answer.json());
        return token.group(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void clientWithItsSecretGetsATokenThatAuthenticates_U13(DatabaseKind kind) {
        setUp(kind);
        TokenEndpoint.Answer answer = post(basic(client.id(), client.clientSecret()), "grant_type=client_credentials");

        assertEquals(200, answer.status(), answer.json());
        assertEquals("no-store", answer.headers().get("Cache-Control"));
        String token = accessToken(answer);
        assertTrue(answer.json().endsWith(",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"" + AccessFixture.SITES_VIEW
                + " " + AccessFixture.BOXES_VIEW + " " + UsersPermissions.SUPPORT_VIEW + "\"}"), answer.json());

        Identity identity = bearers.authenticate(token).orElseThrow();
        assertEquals(client.id(), identity.userId());
        assertEquals("client:billing sync", identity.username());
        assertEquals(organization, identity.organizationId());
        assertFalse(identity.operator());
        assertEquals(Set.of(AccessFixture.SITES_VIEW, AccessFixture.BOXES_VIEW, UsersPermissions.SUPPORT_VIEW),
                identity.permissions());
        AccessFixture.AuditRow issued = world.audit(organization, "users.oauth-client.token-issued").get(0);
        assertEquals(client.id(), issued.actorId());
        assertEquals(AccessFixture.SOURCE_ADDRESS, issued.sourceAddress());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void clientMayAuthenticateWithFormFieldsAndNarrowItsScope_U13(DatabaseKind kind) {
        setUp(kind);
        TokenEndpoint.Answer answer = post("grant_type=client_credentials&client_id=" + client.id() + "&client_secret="
                + URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8) + "&scope=" + AccessFixture.SITES_VIEW);

        assertEquals(200, answer.status(), answer.json());
        assertTrue(answer.json().contains("\"scope\":\"" + AccessFixture.SITES_VIEW + "\""));
        assertEquals(Set.of(AccessFixture.SITES_VIEW), bearers.authenticate(accessToken(answer)).orElseThrow().permissions());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void clientSecretIsShownOnceAndStoredAsHash_U13(DatabaseKind kind) {
        setUp(kind);
        assertTrue(client.clientSecret().startsWith("kcs_"));
        String stored = world.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT secret_hash FROM users_oauth_client WHERE id = ?")) {
                select.setString(1, client.id());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        assertEquals(Secrets.hashOf(client.clientSecret()), stored);
        OAuthClients.OAuthClient listed = clients.list(organization, PageRequest.of(null, null)).items().get(0);
        assertEquals(new OAuthClients.OAuthClient(client.id(), "billing sync", client.scopes(), owner.userId(), client.createdAt()),
                listed);
        assertEquals(1, world.audit(organization, "users.oauth-client.created").size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void wrongSecretIsInvalidClient_U13(DatabaseKind kind) {
        setUp(kind);
        TokenEndpoint.Answer basic = post(basic(client.id(), client.clientSecret() + "x"), "grant_type=client_credentials");
        TokenEndpoint.Answer form = post("grant_type=client_credentials&client_id=" + client.id() + "&client_secret=wrong");
        TokenEndpoint.Answer unknown = post(basic("oc_unknown", client.clientSecret()), "grant_type=client_credentials");

        for (TokenEndpoint.Answer answer : List.of(basic, form, unknown)) {
            assertEquals(401, answer.status());
            assertProblem(answer, "invalid_client", 401);
        }
        assertTrue(basic.headers().get("WWW-Authenticate").startsWith("Basic "), "a Basic client is challenged (RFC 6749 §5.2)");
        assertNull(form.headers().get("WWW-Authenticate"));
        assertEquals(List.of(AuditOutcome.DENIED, AuditOutcome.DENIED), world.audit(organization, "users.oauth-client.refused")
                .stream().map(AccessFixture.AuditRow::outcome).toList());
        assertEquals(0, tokenRows());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void unsupportedGrantTypeIsRefused_U13(DatabaseKind kind) {
        setUp(kind);
        TokenEndpoint.Answer password = post(basic(client.id(), client.clientSecret()), "grant_type=password&username=a&password=b");
        assertEquals(400, password.status());
        assertProblem(password, "unsupported_grant_type", 400);

        TokenEndpoint.Answer missing = post(basic(client.id(), client.clientSecret()), "scope=" + AccessFixture.SITES_VIEW);
        assertProblem(missing, "invalid_request", 400);
        assertEquals(0, tokenRows());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void scopeOutsideTheClientsIsInvalidScope_U13(DatabaseKind kind) {
        setUp(kind);
        TokenEndpoint.Answer answer = post(basic(client.id(), client.clientSecret()),
                "grant_type=client_credentials&scope=" + AccessFixture.SITES_VIEW + "+" + AccessFixture.SITES_EDIT);

        assertProblem(answer, "invalid_scope", 400);
        assertEquals(0, tokenRows());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void revokingAClientKillsItsTokensAtOnce_U13(DatabaseKind kind) {
        setUp(kind);
        String token = accessToken(post(basic(client.id(), client.clientSecret()), "grant_type=client_credentials"));
        assertTrue(bearers.authenticate(token).isPresent());

        assertTrue(clients.revoke(owner, organization, client.id()));

        assertEquals(Optional.empty(), bearers.authenticate(token));
        assertProblem(post(basic(client.id(), client.clientSecret()), "grant_type=client_credentials"), "invalid_client", 401);
        assertFalse(clients.revoke(owner, organization, client.id()), "revoked already");
        assertEquals(List.of(), clients.list(organization, PageRequest.of(null, null)).items());
        assertEquals(1, world.audit(organization, "users.oauth-client.revoked").size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void accessTokenExpiresAfterItsLifetime_U13(DatabaseKind kind) {
        setUp(kind);
        String token = accessToken(post(basic(client.id(), client.clientSecret()), "grant_type=client_credentials"));

        world.clock.advance(TOKEN_LIFETIME.minusSeconds(1));
        assertTrue(bearers.authenticate(token).isPresent());
        world.clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), bearers.authenticate(token));

        post(basic(client.id(), client.clientSecret()), "grant_type=client_credentials");
        assertEquals(1, tokenRows(), "issuing a token drops the client's expired ones");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void clientPermissionsFollowTheAdministratorRoleNow_U13(DatabaseKind kind) {
        setUp(kind);
        String token = accessToken(post(basic(client.id(), client.clientSecret()), "grant_type=client_credentials"));
        // The mail module goes away: its permission is no longer the administrator's, so no longer the client's.
        world.declared.declare(List.of(new dev.kontor.users.internal.access.DeclaredPermissions.Declaration(AccessFixture.HOSTING,
                Set.of(AccessFixture.SITES_VIEW, AccessFixture.SITES_EDIT), Set.of(), Set.of(), Set.of(), Set.of(), Set.of())));

        assertEquals(Set.of(AccessFixture.SITES_VIEW), bearers.authenticate(token).orElseThrow().permissions());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void clientScopesMustBeHeldByTheCallerAndTheAdministratorRole_U13(DatabaseKind kind) {
        setUp(kind);
        Caller basic = world.caller(world.member(organization, "bea", "basic"), organization);

        ValidationException notHeld = assertThrows(ValidationException.class,
                () -> clients.create(basic, organization, "c", List.of(AccessFixture.SITES_VIEW, AccessFixture.SITES_EDIT)));
        assertEquals("scopes[1]", notHeld.errors().get(0).field());
        ValidationException ownerOnly = assertThrows(ValidationException.class,
                () -> clients.create(owner, organization, "c", List.of(UsersPermissions.SUPPORT_MANAGE)));
        assertEquals("scopes[0]", ownerOnly.errors().get(0).field());
        assertEquals("name", assertThrows(ValidationException.class,
                () -> clients.create(owner, organization, "", List.of(AccessFixture.SITES_VIEW))).errors().get(0).field());
        assertEquals(1, clients.list(organization, PageRequest.of(null, null)).items().size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void malformedRequestsAreInvalidRequest_U13(DatabaseKind kind) {
        setUp(kind);
        String credentials = "&client_id=" + client.id() + "&client_secret=" + client.clientSecret();
        for (String body : new String[] {"grant_type=client_credentials&grant_type=client_credentials" + credentials,
            "grant_type=client_credentials&%zz=1" + credentials, "grant_type=%E0%A4%A" + credentials}) {
            assertProblem(post(body), "invalid_request", 400);
        }
        assertProblem(post(basic(client.id(), client.clientSecret()), "grant_type=client_credentials" + credentials),
                "invalid_request", 400);
        assertProblem(post("grant_type=client_credentials&client_id=" + client.id()), "invalid_client", 401);
        assertProblem(post("Basic !!!", "grant_type=client_credentials"), "invalid_client", 401);
        // PostgreSQL refuses a NUL in a parameter: such an id must be refused before any query.
        assertProblem(post("grant_type=client_credentials&client_id=oc%00&client_secret=x"), "invalid_client", 401);

        byte[] json = "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8);
        assertProblem(endpoint.handle(new TokenEndpoint.Request("POST", "application/json", json.length, null,
                new ByteArrayInputStream(json), null)), "invalid_request", 400);
        TokenEndpoint.Answer get = endpoint.handle(new TokenEndpoint.Request("GET", null, -1, null,
                new ByteArrayInputStream(new byte[0]), null));
        assertProblem(get, "invalid_request", 405);
        assertEquals("POST", get.headers().get("Allow"));
        assertEquals(0, tokenRows());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void requestsOverEightKibibytesAreRefused_U13(DatabaseKind kind) {
        setUp(kind);
        String body = "grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + client.clientSecret()
                + "&padding=" + "x".repeat(TokenEndpoint.MAX_BYTES);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        TokenEndpoint.Answer declared = endpoint.handle(new TokenEndpoint.Request("POST", FORM, bytes.length, null,
                new ByteArrayInputStream(bytes), null));
        TokenEndpoint.Answer undeclared = endpoint.handle(new TokenEndpoint.Request("POST", FORM, -1, null,
                new ByteArrayInputStream(bytes), null));

        assertProblem(declared, "invalid_request", 413);
        assertProblem(undeclared, "invalid_request", 413);
        assertEquals(0, tokenRows());
    }

    private static void assertProblem(TokenEndpoint.Answer answer, String error, int status) {
        assertEquals(status, answer.status(), answer.json());
        String json = answer.json();
        assertTrue(json.startsWith("{\"error\":\"" + error + "\",\"error_description\":\""), json);
        assertTrue(json.contains(",\"type\":\"/problems/" + error.replace('_', '-') + "\",\"title\":\""), json);
        assertTrue(json.contains(",\"status\":" + status + ",\"detail\":\""), json);
        assertEquals("no-store", answer.headers().get("Cache-Control"));
    }

    private int tokenRows() {
        return world.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM users_token");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }
}
