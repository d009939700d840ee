package dev.kontor.users.internal.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.invitation.InvitationFixture;
import dev.kontor.users.internal.invitation.InvitationRequest;
import dev.kontor.users.internal.organization.MemberRequests;
import dev.kontor.users.internal.support.SupportGrants;
import dev.kontor.users.internal.token.OAuthClients;
import dev.kontor.users.internal.workgroup.NewWorkgroup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where every area of the module writes its entries: in the trail of the organization
 * changed, the one its members read (U12), also when operator staff change it from
 * their own organization; the entry then names the organization they acted from.
 */
class TrailTest {

    private static final String FROM_OPERATOR = "acting from organization " + IdentityProvider.OPERATOR_ORGANIZATION_ID;

    private InvitationFixture fixture;
    private UsersFixture users;
    private String shop;
    private Caller owner;

    private void setUp(DatabaseKind kind) {
        fixture = new InvitationFixture(kind);
        users = fixture.users;
        shop = users.organization("Shop");
        owner = users.caller(users.member(shop, "olivia", "owner"), shop);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void operatorStaffsChangesInEveryAreaLandInTheChangedOrganizationsTrail_U12(DatabaseKind kind) {
        setUp(kind);
        Caller staff = users.caller(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID);
        String dave = users.login("dave");
        SupportGrants grants = new SupportGrants(users.database, users.audit, users.access, users.declared, Duration.ofDays(7),
                users.clock);
        OAuthClients clients = new OAuthClients(users.database, users.audit, users.access, users.declared,
                Duration.ofMinutes(60), users.clock);

        users.organizations.rename(staff, shop, null, "Shop GmbH");
        users.members.add(staff, shop, new MemberRequests.Add("dave", null, "basic", null, null));
        users.members.change(staff, shop, dave, null, new MemberRequests.Change("administrator", null, null));
        fixture.workgroups.create(staff, shop, new NewWorkgroup("Team", List.of(UsersFixture.WEBSPACES), List.of(dave), dave));
        fixture.invitations.invite(staff, shop, new InvitationRequest("new@example.org", "basic", List.of(), List.of()));
        grants.grant(staff, shop, UsersFixture.WEBSPACES);
        clients.create(staff, shop, "sync", List.of(UsersFixture.WEBSPACES_VIEW));
        users.members.remove(staff, shop, dave);

        List<String> actions = List.of("users.organization.renamed", "users.member.added", "users.member.changed",
                "users.workgroup.created", "users.invitation.created", "users.support.granted", "users.oauth-client.created",
                "users.member.removed");
        List<UsersFixture.AuditRow> entries = users.auditEntries();
        assertEquals(actions, entries.stream().map(UsersFixture.AuditRow::action).toList());
        for (UsersFixture.AuditRow entry : entries) {
            assertEquals(List.of(shop, IdentityProvider.OPERATOR_ADMIN_ID, UsersFixture.SOURCE_ADDRESS, AuditOutcome.SUCCESS),
                    List.of(entry.organizationId(), entry.actorId(), entry.sourceAddress(), entry.outcome()), entry.toString());
            assertTrue(entry.detail().endsWith("; " + FROM_OPERATOR), entry.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMembersChangeOfTheirOwnOrganizationIsRecordedThereAsItIs_U12(DatabaseKind kind) {
        setUp(kind);
        users.organizations.rename(owner, shop, null, "Shop GmbH");

        UsersFixture.AuditRow entry = users.auditEntry("users.organization.renamed");
        assertEquals(List.of(shop, owner.userId(), "from 'Shop' to 'Shop GmbH'"),
                List.of(entry.organizationId(), entry.actorId(), entry.detail()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNewOrganizationsTrailStartsWithItsCreationNamingWhereItsCreatorCameFrom_U1(DatabaseKind kind) {
        setUp(kind);
        String created = users.organizations.create(owner, "Second Shop").id();

        UsersFixture.AuditRow entry = users.auditEntry("users.organization.created");
        assertEquals(List.of(created, owner.userId(), "name 'Second Shop'; acting from organization " + shop),
                List.of(entry.organizationId(), entry.actorId(), entry.detail()));
    }
}
