package dev.kontor.users.internal.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.rest.MembersResource;
import dev.kontor.users.internal.rest.OrganizationsResource;
import dev.kontor.users.internal.rest.RolesResource;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Malformed and hostile input on every operation of organizations, members and roles:
 * the answer is a refusal the client can act on (400, 403, 404, 409, 412), never a
 * server error, and a refused request changes nothing. Values may name real objects
 * ({@code $shop}, {@code $owner}, {@code $member}), so some requests pass and the
 * world moves on between tries, as a real one does.
 */
class HostileInputTest {

    private static final Map<DatabaseKind, World> WORLDS = new EnumMap<>(DatabaseKind.class);

    @Property(tries = 300)
    void hostileInputIsRefusedCleanlyAndChangesNothing(@ForAll DatabaseKind kind,
            @ForAll @IntRange(min = 0, max = Operation.COUNT - 1) int operation, @ForAll("hostile") String first,
            @ForAll("hostile") String second) {
        World world = world(kind);
        String a = world.resolve(first);
        String b = world.resolve(second);
        String before = world.state();
        try {
            Operation.run(operation, world, a, b);
        } catch (ValidationException | NotFoundException | ProblemException | StaleVersionException refused) {
            assertEquals(before, world.state(), "a refused request changes nothing: " + refused);
        } catch (RuntimeException unexpected) {
            fail("operation " + operation + " with " + Arrays.asList(a, b) + " failed as a server error", unexpected);
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(195).ofMaxLength(260),
                Arbitraries.of("", " ", "'; DROP TABLE users_login; --", "%", "_", "\\", "\u0000", "a\u0000b", "\n", "owner",
                        "basic", "administrator", "webspaces", "panel", "\"v0\"", "\"v1\"", "*", "W/\"v2\"", "v1", "member",
                        "admin", "operator", "$shop", "$owner", "$member", "$role", "Ünïcödé 名前", "\uD800"))
                .injectNull(0.05);
    }

    private static synchronized World world(DatabaseKind kind) {
        return WORLDS.computeIfAbsent(kind, World::new);
    }

    /** One organization with its owner, a member and a custom role, over one database. */
    private static final class World {

        final UsersFixture fixture;
        final String shop;
        final String owner;
        final String member;
        final String role;
        final Caller caller;
        final SecurityContext security;

        World(DatabaseKind kind) {
            fixture = new UsersFixture(kind);
            shop = fixture.organization("Shop");
            owner = fixture.member(shop, "owner", "owner");
            member = fixture.member(shop, "member", "basic");
            caller = fixture.caller(owner, shop);
            security = UsersFixture.security(caller);
            role = fixture.roles.create(caller, new RoleRequest("Custom", List.of())).id();
        }

        String resolve(String value) {
            if (value == null) {
                return null;
            }
            return value.replace("$shop", shop).replace("$owner", owner).replace("$member", member).replace("$role", role);
        }

        /** What a refused request must leave as it was: every row this package writes, with versions. */
        String state() {
            return List.of(
                    "SELECT COUNT(*) FROM users_login", "SELECT COUNT(*) FROM users_organization",
                    "SELECT COUNT(*) FROM users_membership", "SELECT COALESCE(SUM(version), 0) FROM users_membership",
                    "SELECT COALESCE(SUM(version), 0) FROM users_organization", "SELECT COUNT(*) FROM users_role",
                    "SELECT COALESCE(SUM(version), 0) FROM users_role", "SELECT COUNT(*) FROM users_token WHERE revoked_at IS NULL",
                    "SELECT COUNT(*) FROM users_workgroup_member", "SELECT COUNT(*) FROM audit_entry")
                    .stream().map(sql -> String.valueOf(fixture.count(sql))).toList().toString();
        }
    }

    /** Every operation of the three resources, fed the two values wherever the client decides. */
    private static final class Operation {

        static final int COUNT = 16;

        static void run(int operation, World world, String a, String b) {
            OrganizationsResource organizations = new OrganizationsResource(world.fixture.organizations, world.fixture.members);
            MembersResource members = new MembersResource(world.fixture.members);
            RolesResource roles = new RolesResource(world.fixture.roles);
            SecurityContext security = world.security;
            switch (operation) {
                case 0 -> organizations.create(new OrganizationsResource.OrganizationRequest(a), security);
                case 1 -> organizations.rename(world.shop, new OrganizationsResource.OrganizationRequest(a), b, security);
                case 2 -> organizations.list(a, b, b, security);
                case 3 -> organizations.get(a, security);
                case 4 -> organizations.leave(a, security);
                case 5 -> members.list(a, b, a, b, security);
                case 6 -> members.add(world.shop, new MemberRequests.Add(a, null, b, Arrays.asList(a), null), security);
                case 7 -> members.add(world.shop, new MemberRequests.Add(null, new MemberRequests.NewLogin(a, b, a, b, b), "basic",
                        null, new MemberRequests.ContactChoice(null, true, null)), security);
                case 8 -> members.change(world.shop, a, new MemberRequests.Change(b, Arrays.asList(b), null), b, security);
                case 9 -> members.remove(world.shop, a, security);
                case 10 -> members.bulkRemove(world.shop, new MemberRequests.BulkRemove(Arrays.asList(a, b)), security);
                case 11 -> members.get(a, b, security);
                case 12 -> roles.create(new RoleRequest(a, Arrays.asList(b)), security);
                case 13 -> roles.change(a, new RoleRequest(b, null), b, security);
                case 14 -> roles.delete(a, security);
                case 15 -> roles.get(a, security);
                default -> throw new IllegalArgumentException("No operation " + operation);
            }
        }
    }
}
