package dev.kontor.users.internal.token;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.HostileInputProperty;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.rest.OAuthClientsResource;
import dev.kontor.users.internal.rest.SupportAccessResource;
import dev.kontor.users.internal.rest.TokensResource;
import dev.kontor.users.internal.support.AccessFixture;
import dev.kontor.users.internal.support.SupportGrants;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@link HostileInputProperty} on every operation of support access, personal API
 * tokens, OAuth clients and the token endpoint (U11, U13); values may name real objects
 * ({@code $shop}, {@code $grant}, {@code $token}, {@code $client}). The token endpoint
 * answers errors itself rather than throwing: they must be 4xx, never 5xx.
 */
class HostileAccessInputTest extends HostileInputProperty<HostileAccessInputTest.World> {

    private static final String FORM = "application/x-www-form-urlencoded";

    HostileAccessInputTest() {
        super(12, World::new, AccessFixture.HOSTING, AccessFixture.SITES_VIEW, "users.members.view", "2030-03-02",
                "2030-03-01T10:00:00Z", "9999-12-31", "grant_type=client_credentials", "kt_", "kcs_", "$shop", "$grant",
                "$token", "$client");
    }

    @Override
    protected void run(int operation, World world, String a, String b) {
        SupportAccessResource support = new SupportAccessResource(world.grants);
        TokensResource tokens = new TokensResource(world.tokens);
        OAuthClientsResource clients = new OAuthClientsResource(world.clients);
        switch (operation) {
            case 0 -> support.list(a, b, a, world.security);
            case 1 -> support.get(a, b, world.security);
            case 2 -> support.grant(world.shop, new SupportAccessResource.GrantRequest(a), world.security);
            case 3 -> support.revoke(a, b, world.security);
            case 4 -> tokens.list(a, b, world.security);
            case 5 -> tokens.create(new TokensResource.NewToken(a, Arrays.asList(b), b), world.security);
            case 6 -> tokens.revoke(a, world.security);
            case 7 -> clients.list(a, b, a, world.security);
            case 8 -> clients.create(world.shop, new OAuthClientsResource.NewClientRequest(a, Arrays.asList(b)), world.security);
            case 9 -> clients.revoke(a, b, world.security);
            case 10 -> tokenEndpoint(world, "Basic " + Base64.getEncoder().encodeToString(
                    (a + ":" + b).getBytes(StandardCharsets.UTF_8)), "grant_type=client_credentials&scope=" + a);
            case 11 -> tokenEndpoint(world, null, a + "&client_id=" + b + "&client_secret=" + a);
            default -> throw new IllegalArgumentException("No operation " + operation);
        }
    }

    private static void tokenEndpoint(World world, String authorization, String form) {
        byte[] body = String.valueOf(form).getBytes(StandardCharsets.UTF_8);
        TokenEndpoint.Answer answer = world.endpoint.handle(new TokenEndpoint.Request("POST", FORM, body.length, authorization,
                new ByteArrayInputStream(body), "203.0.113.9"));
        assertTrue(answer.status() < 500, "the token endpoint answered " + answer.status() + " " + answer.json());
    }

    /** One organization with its owner, an active support grant, a personal token and an OAuth client, over one database. */
    static final class World implements HostileInputProperty.World {

        final AccessFixture fixture;
        final SupportGrants grants;
        final ApiTokens tokens;
        final OAuthClients clients;
        final TokenEndpoint endpoint;
        final String shop;
        final String grant;
        final String token;
        final String client;
        final SecurityContext security;

        World(DatabaseKind kind) {
            fixture = new AccessFixture(kind);
            grants = new SupportGrants(fixture.database, fixture.audit, fixture.access, fixture.declared, Duration.ofDays(7),
                    fixture.clock);
            tokens = new ApiTokens(fixture.database, fixture.audit, fixture.access, fixture.declared, Duration.ofDays(365),
                    fixture.clock);
            clients = new OAuthClients(fixture.database, fixture.audit, fixture.access, fixture.declared, Duration.ofHours(1),
                    fixture.clock);
            endpoint = new TokenEndpoint(clients);
            shop = fixture.organization("Shop");
            String owner = fixture.member(shop, "owner", "owner");
            security = UsersFixture.security(fixture.caller(owner, shop));
            grant = grants.grant(fixture.caller(owner, shop), shop, AccessFixture.HOSTING).grant().id();
            token = tokens.create(fixture.caller(owner, shop), "script", List.of(AccessFixture.SITES_VIEW), null).id();
            client = clients.create(fixture.caller(owner, shop), shop, "sync", List.of(AccessFixture.SITES_VIEW)).id();
        }

        @Override
        public Map<String, String> names() {
            return Map.of("$shop", shop, "$grant", grant, "$token", token, "$client", client);
        }

        /** Every row these services write. Issued access tokens are rows too: a refused request issues none. */
        @Override
        public String state() {
            return counts(fixture,
                    "SELECT COUNT(*) FROM users_access_grant", "SELECT COUNT(*) FROM users_access_grant WHERE revoked_at IS NULL",
                    "SELECT COUNT(*) FROM users_token", "SELECT COUNT(*) FROM users_token WHERE revoked_at IS NULL",
                    "SELECT COUNT(*) FROM users_oauth_client", "SELECT COUNT(*) FROM users_oauth_client WHERE revoked_at IS NULL");
        }
    }
}
