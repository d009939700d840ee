package dev.kontor.users.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.access.Access;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SupportGrantsTest {

    private static final Duration LIFETIME = Duration.ofDays(7);

    private AccessFixture world;
    private SupportGrants grants;
    private String organization;
    private Caller owner;
    private String staff;

    private void setUp(DatabaseKind kind) {
        world = new AccessFixture(kind);
        grants = new SupportGrants(world.database, world.audit, world.access, world.declared, LIFETIME, world.clock);
        organization = world.organization("Acme");
        owner = world.caller(world.member(organization, "olivia", "owner"), organization);
        staff = world.supportStaff("sam");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void grantGivesSupportStaffOnlyTheReadOnlyPermissionsOfItsContentType_U11(DatabaseKind kind) {
        setUp(kind);
        SupportGrants.Granted granted = grants.grant(owner, organization, AccessFixture.HOSTING);

        Access.Grant access = world.access.of(staff, organization).orElseThrow();
        assertTrue(access.viaSupport());
        assertEquals(List.of(granted.grant().id()), access.supportGrants());
        assertEquals(Set.of(AccessFixture.SITES_VIEW), access.identity().permissions());
        assertFalse(access.identity().operator(), "support staff act as guests there, not as operators");
        assertTrue(world.access.of(staff, IdentityProvider.OPERATOR_ORGANIZATION_ID).orElseThrow().identity().organizations()
                .contains(new Identity.OrganizationMembership(organization, "Acme")), "the organization is one to switch to (U12)");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachContentTypeIsASeparateGrant_U11(DatabaseKind kind) {
        setUp(kind);
        SupportGrants.Granted hosting = grants.grant(owner, organization, AccessFixture.HOSTING);
        SupportGrants.Granted mail = grants.grant(owner, organization, AccessFixture.MAIL);
        SupportGrants.Granted again = grants.grant(owner, organization, AccessFixture.HOSTING);

        assertTrue(hosting.created());
        assertTrue(mail.created());
        assertFalse(again.created(), "an active grant for the content type is answered, not duplicated");
        assertEquals(hosting.grant(), again.grant());
        assertEquals(2, grants.list(organization, PageRequest.of(null, null)).items().size());
        assertEquals(Set.of(AccessFixture.SITES_VIEW, AccessFixture.BOXES_VIEW),
                world.access.of(staff, organization).orElseThrow().identity().permissions());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void revokingEndsSupportAccessAtOnce_U11(DatabaseKind kind) {
        setUp(kind);
        SupportGrant grant = grants.grant(owner, organization, AccessFixture.HOSTING).grant();
        assertTrue(world.access.of(staff, organization).isPresent()); // now cached for an hour

        SupportGrant revoked = grants.revoke(owner, organization, grant.id()).orElseThrow();

        assertEquals(SupportGrant.REVOKED, revoked.state());
        assertEquals(Optional.empty(), world.access.of(staff, organization));
        assertEquals(SupportGrant.REVOKED, grants.find(organization, grant.id()).orElseThrow().state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void grantEndsByItselfAfterSevenDays_U11(DatabaseKind kind) {
        setUp(kind);
        SupportGrant grant = grants.grant(owner, organization, AccessFixture.HOSTING).grant();
        assertEquals(grant.createdAt().plus(LIFETIME), grant.expiresAt());

        world.clock.advance(LIFETIME.minusSeconds(1));
        assertTrue(world.access.of(staff, organization).isPresent());
        assertEquals(SupportGrant.ACTIVE, grants.find(organization, grant.id()).orElseThrow().state());

        // Nothing runs at the expiry: the entry cached a second before it is stale within the cache age.
        world.clock.advance(Duration.ofSeconds(1).plus(AccessFixture.CACHE_AGE));
        assertEquals(Optional.empty(), world.access.of(staff, organization));
        assertEquals(SupportGrant.EXPIRED, grants.find(organization, grant.id()).orElseThrow().state());
        assertTrue(grants.grant(owner, organization, AccessFixture.HOSTING).created(), "an expired grant is no grant in force");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void expiredGrantGivesNothingEvenWhenNothingWasCached_U11(DatabaseKind kind) {
        setUp(kind);
        grants.grant(owner, organization, AccessFixture.HOSTING);
        world.clock.advance(LIFETIME);
        assertEquals(Optional.empty(), world.access.of(staff, organization));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void organizationWithoutGrantGivesSupportStaffNothing_U11(DatabaseKind kind) {
        setUp(kind);
        String other = world.organization("Other");
        world.member(other, "oscar", "owner");
        grants.grant(owner, organization, AccessFixture.HOSTING);

        assertEquals(Optional.empty(), world.access.of(staff, other));
        assertFalse(world.access.of(staff, IdentityProvider.OPERATOR_ORGANIZATION_ID).orElseThrow().identity().organizations()
                .stream().anyMatch(listed -> listed.id().equals(other)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void operatorMemberWithoutSupportPermissionGetsNothing_U11(DatabaseKind kind) {
        setUp(kind);
        String clerk = world.member(IdentityProvider.OPERATOR_ORGANIZATION_ID, "clara", "basic");
        grants.grant(owner, organization, AccessFixture.HOSTING);

        assertEquals(Optional.empty(), world.access.of(clerk, organization));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void grantAndRevocationAreInTheOrganizationsAuditTrail_U11(DatabaseKind kind) {
        setUp(kind);
        SupportGrant grant = grants.grant(owner, organization, AccessFixture.HOSTING).grant();
        grants.grant(owner, organization, AccessFixture.HOSTING); // answered from the grant in force: no change, no entry
        grants.revoke(owner, organization, grant.id());
        grants.revoke(owner, organization, grant.id()); // ended already: no change, no entry

        List<AccessFixture.AuditRow> granted = world.audit(organization, "users.support.granted");
        List<AccessFixture.AuditRow> revoked = world.audit(organization, "users.support.revoked");
        assertEquals(1, granted.size());
        assertEquals(1, revoked.size());
        assertEquals("support-grant:" + grant.id(), granted.get(0).target());
        assertEquals(owner.userId(), revoked.get(0).actorId());
        assertEquals(AccessFixture.SOURCE_ADDRESS, revoked.get(0).sourceAddress());
        assertEquals(AuditOutcome.SUCCESS, revoked.get(0).outcome());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void operatorStaffsGrantLandsInTheOrganizationsOwnTrail_U11(DatabaseKind kind) {
        setUp(kind);
        Caller admin = world.caller(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID);
        SupportGrant grant = grants.grant(admin, organization, AccessFixture.HOSTING).grant();

        List<AccessFixture.AuditRow> granted = world.audit(organization, "users.support.granted");
        assertEquals(1, granted.size());
        assertEquals(IdentityProvider.OPERATOR_ADMIN_ID, granted.get(0).actorId());
        assertEquals("content type hosting until " + grant.expiresAt() + "; acting from organization operator",
                granted.get(0).detail());
        assertEquals(List.of(), world.audit(IdentityProvider.OPERATOR_ORGANIZATION_ID, "users.support.granted"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void contentTypeMustBeAnInstalledProduct_U11(DatabaseKind kind) {
        setUp(kind);
        for (String contentType : new String[] {null, "", "billing", "panel", "HOSTING"}) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> grants.grant(owner, organization, contentType));
            assertEquals("content_type", refused.errors().get(0).field());
        }
        assertEquals(List.of(), grants.list(organization, PageRequest.of(null, null)).items());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void operatorsOwnOrganizationGrantsNoSupportAccess_U11(DatabaseKind kind) {
        setUp(kind);
        Caller admin = world.caller(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> grants.grant(admin, IdentityProvider.OPERATOR_ORGANIZATION_ID, AccessFixture.HOSTING));
        assertEquals(409, refused.status());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherOrganizationsGrantIsNotFound(DatabaseKind kind) {
        setUp(kind);
        SupportGrant grant = grants.grant(owner, organization, AccessFixture.HOSTING).grant();
        String other = world.organization("Other");
        Caller otherOwner = world.caller(world.member(other, "oscar", "owner"), other);

        assertEquals(Optional.empty(), grants.find(other, grant.id()));
        assertEquals(Optional.empty(), grants.revoke(otherOwner, other, grant.id()));
        assertTrue(world.access.of(staff, organization).isPresent(), "the grant is untouched");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void listPagesNewestFirst(DatabaseKind kind) {
        setUp(kind);
        SupportGrant hosting = grants.grant(owner, organization, AccessFixture.HOSTING).grant();
        SupportGrant mail = grants.grant(owner, organization, AccessFixture.MAIL).grant();
        // Ids sort by their millisecond first; two made in the same one sort by their random part.
        List<SupportGrant> newestFirst = hosting.id().compareTo(mail.id()) > 0 ? List.of(hosting, mail) : List.of(mail, hosting);

        var first = grants.list(organization, PageRequest.of("1", null));
        assertEquals(newestFirst.subList(0, 1), first.items());
        var second = grants.list(organization, PageRequest.of("1", first.nextCursor()));
        assertEquals(newestFirst.subList(1, 2), second.items());
        assertEquals(null, second.nextCursor());
    }
}
