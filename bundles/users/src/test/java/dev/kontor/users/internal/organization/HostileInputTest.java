package dev.kontor.users.internal.organization;

import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.HostileInputProperty;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.rest.MembersResource;
import dev.kontor.users.internal.rest.OrganizationsResource;
import dev.kontor.users.internal.rest.RolesResource;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@link HostileInputProperty} on every operation of organizations, members and roles
 * (refusals: 400, 403, 404, 409, 412); values may name the shop, its owner, a member and
 * a custom role ({@code $shop}, {@code $owner}, {@code $member}, {@code $role}).
 */
class HostileInputTest extends HostileInputProperty<HostileInputTest.World> {

    HostileInputTest() {
        super(16, World::new, "'; DROP TABLE users_login; --", "a\u0000b", "W/\"v2\"", "v1", "member", "admin", "operator",
                "$shop", "$owner", "$member", "$role");
    }

    /** Every operation of the three resources, fed the two values wherever the client decides. */
    @Override
    protected void run(int operation, World world, String a, String b) {
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

    /** One organization with its owner, a member and a custom role, over one database. */
    static final class World implements HostileInputProperty.World {

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

        @Override
        public Map<String, String> names() {
            return Map.of("$shop", shop, "$owner", owner, "$member", member, "$role", role);
        }

        /** Every row this package writes, with versions. */
        @Override
        public String state() {
            return counts(fixture,
                    "SELECT COUNT(*) FROM users_login", "SELECT COUNT(*) FROM users_organization",
                    "SELECT COUNT(*) FROM users_membership", "SELECT COALESCE(SUM(version), 0) FROM users_membership",
                    "SELECT COALESCE(SUM(version), 0) FROM users_organization", "SELECT COUNT(*) FROM users_role",
                    "SELECT COALESCE(SUM(version), 0) FROM users_role", "SELECT COUNT(*) FROM users_token WHERE revoked_at IS NULL",
                    "SELECT COUNT(*) FROM users_workgroup_member", "SELECT COUNT(*) FROM audit_entry");
        }
    }
}
