package dev.kontor.users.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.support.AccessFixture;
import dev.kontor.users.internal.support.SupportGrants;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiTokensTest {

    private static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private AccessFixture world;
    private ApiTokens tokens;
    private TokenAuthentication bearers;
    private String organization;
    private String adminId;
    private Caller admin;

    private void setUp(DatabaseKind kind) {
        world = new AccessFixture(kind);
        tokens = new ApiTokens(world.database, world.audit, world.access, world.declared, MAX_LIFETIME, world.clock);
        OAuthClients clients = new OAuthClients(world.database, world.audit, world.access, world.declared, Duration.ofHours(1),
                world.clock);
        bearers = new TokenAuthentication(world.database, world.access, clients, world.clock);
        organization = world.organization("Acme");
        adminId = world.member(organization, "ada", "administrator");
        admin = world.caller(adminId, organization);
    }

    private ApiTokens.IssuedToken create(List<String> scopes) {
        return tokens.create(admin, "deploy script", scopes, null);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void tokenIsShownOnceAndStoredOnlyAsItsHash_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW));

        assertTrue(issued.token().startsWith("kt_"));
        assertEquals(List.of(Secrets.hashOf(issued.token())), storedColumns("token_hash"));
        for (String column : List.of("id", "name", "scopes", "token_hash")) {
            assertFalse(storedColumns(column).contains(issued.token()), column + " holds the token");
        }
        ApiTokens.ApiToken listed = tokens.list(admin, PageRequest.of(null, null)).items().get(0);
        assertEquals(new ApiTokens.ApiToken(issued.id(), "deploy script", List.of(AccessFixture.SITES_VIEW), issued.createdAt(),
                issued.expiresAt(), null), listed);
        assertFalse(listed.toString().contains(issued.token()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void tokenActsAsItsLoginWithItsScopesOnly_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW, AccessFixture.SITES_EDIT));

        Identity identity = bearers.authenticate(issued.token()).orElseThrow();
        assertEquals(adminId, identity.userId());
        assertEquals("ada", identity.username());
        assertEquals(organization, identity.organizationId());
        assertEquals(List.of(new Identity.OrganizationMembership(organization, "Acme")), identity.organizations());
        assertEquals(Set.of(AccessFixture.SITES_VIEW, AccessFixture.SITES_EDIT), identity.permissions());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void roleChangeNarrowsTheTokenAtOnce_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW, AccessFixture.SITES_EDIT));
        assertEquals(2, bearers.authenticate(issued.token()).orElseThrow().permissions().size());

        world.changeRole(organization, adminId, "basic");

        assertEquals(Set.of(AccessFixture.SITES_VIEW), bearers.authenticate(issued.token()).orElseThrow().permissions());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void removalFromTheOrganizationKillsTheTokenAtOnce_U10(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW));
        assertTrue(bearers.authenticate(issued.token()).isPresent()); // cached for an hour from here

        world.remove(organization, adminId);

        assertEquals(Optional.empty(), bearers.authenticate(issued.token()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void revokedTokenIsRefusedAtOnce_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW));
        ApiTokens.IssuedToken other = create(List.of(AccessFixture.SITES_VIEW));
        assertTrue(bearers.authenticate(issued.token()).isPresent());

        assertTrue(tokens.revoke(admin, issued.id()));

        assertEquals(Optional.empty(), bearers.authenticate(issued.token()));
        assertTrue(bearers.authenticate(other.token()).isPresent());
        assertFalse(tokens.revoke(admin, issued.id()), "revoked already");
        assertEquals(List.of(other.id()), tokens.list(admin, PageRequest.of(null, null)).items().stream()
                .map(ApiTokens.ApiToken::id).toList());
        assertEquals(1, world.audit(organization, "users.token.revoked").size());
        assertEquals(2, world.audit(organization, "users.token.created").size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyTheOwnerRevokesAToken_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW));
        Caller colleague = world.caller(world.member(organization, "bob", "administrator"), organization);

        assertFalse(tokens.revoke(colleague, issued.id()));
        assertEquals(List.of(), tokens.list(colleague, PageRequest.of(null, null)).items());
        assertTrue(bearers.authenticate(issued.token()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void expiredTokenIsRefused_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = tokens.create(admin, "short", List.of(AccessFixture.SITES_VIEW),
                world.clock.instant().plus(Duration.ofDays(2)).toString());

        world.clock.advance(Duration.ofDays(2).minusMillis(1));
        assertTrue(bearers.authenticate(issued.token()).isPresent());
        world.clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), bearers.authenticate(issued.token()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void unknownOrMalformedTokensAreRefused_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW));
        for (String token : new String[] {null, "", "kt_", issued.token() + "x", issued.token().substring(3),
            "kt_" + "a".repeat(5000), Secrets.hashOf(issued.token())}) {
            assertEquals(Optional.empty(), bearers.authenticate(token));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void scopesMustBePermissionsTheCallerHolds_U13(DatabaseKind kind) {
        setUp(kind);
        Caller basic = world.caller(world.member(organization, "bea", "basic"), organization);

        ValidationException refused = assertThrows(ValidationException.class, () -> tokens.create(basic, "t",
                List.of(AccessFixture.SITES_VIEW, AccessFixture.SITES_EDIT, "no.such.permission", UsersPermissions.SUPPORT_USE),
                null));
        assertEquals(List.of("scopes[1]", "scopes[2]", "scopes[3]"),
                refused.errors().stream().map(ValidationException.FieldError::field).toList());
        for (List<String> scopes : java.util.Arrays.asList(null, List.<String>of(), java.util.Collections.<String>singletonList(null))) {
            assertTrue(assertThrows(ValidationException.class, () -> tokens.create(basic, "t", scopes, null))
                    .errors().get(0).field().startsWith("scopes"), String.valueOf(scopes));
        }
        assertEquals(List.of(), storedColumns("id"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nameIsRequiredAndShort_U13(DatabaseKind kind) {
        setUp(kind);
        for (String name : new String[] {null, " ", "x".repeat(101), "line\nbreak"}) {
            assertEquals("name", assertThrows(ValidationException.class,
                    () -> tokens.create(admin, name, List.of(AccessFixture.SITES_VIEW), null)).errors().get(0).field());
        }
        assertEquals("trimmed", tokens.create(admin, "  trimmed ", List.of(AccessFixture.SITES_VIEW), null).name());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void expiryDefaultsToNinetyDaysAndIsBounded_U13(DatabaseKind kind) {
        setUp(kind);
        Instant now = world.clock.instant();
        assertEquals(now.plus(Duration.ofDays(90)), create(List.of(AccessFixture.SITES_VIEW)).expiresAt());
        assertEquals(Instant.parse("2030-06-01T00:00:00Z"),
                tokens.create(admin, "dated", List.of(AccessFixture.SITES_VIEW), "2030-06-01").expiresAt());
        assertEquals(Instant.parse("2030-04-01T08:30:00Z"),
                tokens.create(admin, "timed", List.of(AccessFixture.SITES_VIEW), "2030-04-01T10:30:00+02:00").expiresAt());
        assertEquals(now.plus(MAX_LIFETIME), tokens.create(admin, "longest", List.of(AccessFixture.SITES_VIEW),
                now.plus(MAX_LIFETIME).toString()).expiresAt());
        for (String expiry : new String[] {now.toString(), "2030-03-01", now.plus(MAX_LIFETIME).plusMillis(1).toString(),
            "2031-12-31", "tomorrow", "2030-13-01", "2030-04-01T10:30:00", "9".repeat(100)}) {
            assertEquals("expires_at", assertThrows(ValidationException.class,
                    () -> tokens.create(admin, "t", List.of(AccessFixture.SITES_VIEW), expiry)).errors().get(0).field(), expiry);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lastUseIsNotedAtMostOnceAMinute_U13(DatabaseKind kind) {
        setUp(kind);
        ApiTokens.IssuedToken issued = create(List.of(AccessFixture.SITES_VIEW));
        Instant first = world.clock.instant();
        bearers.authenticate(issued.token());
        assertEquals(first, lastUsed());

        world.clock.advance(Duration.ofSeconds(59));
        bearers.authenticate(issued.token());
        assertEquals(first, lastUsed());

        world.clock.advance(Duration.ofSeconds(1));
        bearers.authenticate(issued.token());
        assertEquals(first.plusSeconds(60), lastUsed());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void supportAccessCannotCreateTokens_U11(DatabaseKind kind) {
        setUp(kind);
        Caller owner = world.caller(world.member(organization, "olivia", "owner"), organization);
        new SupportGrants(world.database, world.audit, world.access, world.declared, Duration.ofDays(7), world.clock)
                .grant(owner, organization, AccessFixture.HOSTING);
        Caller supporter = world.caller(world.supportStaff("sam"), organization);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> tokens.create(supporter, "t", List.of(AccessFixture.SITES_VIEW), null));
        assertEquals(403, refused.status());
        assertEquals(List.of(), storedColumns("id"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aCursorThatCannotBeAnIdIsAFieldError_U13(DatabaseKind kind) {
        setUp(kind);
        ValidationException refused = assertThrows(ValidationException.class,
                () -> tokens.list(admin, PageRequest.of(null, PageRequest.encode("tok_\u0000"))));
        assertEquals("cursor", refused.errors().get(0).field());
    }

    private Instant lastUsed() {
        return world.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT last_used_at FROM users_token");
                    ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp at = row.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        });
    }

    private List<String> storedColumns(String column) {
        return world.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM users_token ORDER BY id");
                    ResultSet row = select.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (row.next()) {
                    values.add(row.getString(1));
                }
                return values;
            }
        });
    }
}
