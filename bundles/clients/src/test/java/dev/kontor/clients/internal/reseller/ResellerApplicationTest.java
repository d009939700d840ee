package dev.kontor.clients.internal.reseller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientFilter;
import dev.kontor.clients.internal.client.ClientsFixture;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResellerApplicationTest {

    @AutoClose
    private ResellersFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void approvalMakesTheApplicantsOwnerManageItsOwnClientsOnly_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails agency = fixture.base.client("Agency", "agency");
        ClientDetails operatorsOwn = fixture.base.client("Own", "own");
        Caller applicant = fixture.owner(agency);
        assertFalse(applicant.has(ClientsPermissions.VIEW));

        Response created = fixture.applicationsResource.apply(ResellersFixture.application("Agency GmbH", "apply@agency.example"),
                ClientsFixture.security(applicant));
        ResellerApplication application = (ResellerApplication) created.getEntity();

        assertEquals(201, created.getStatus());
        assertEquals(ResellerApplication.PENDING, application.state());
        assertEquals(agency.organizationId(), application.organizationId());
        assertEquals(1, fixture.mailsTo(ResellersFixture.REVIEW_ADDRESS).size());
        assertTrue(fixture.mailsTo(ResellersFixture.REVIEW_ADDRESS).get(0).contains("Agency GmbH"));
        assertEquals(List.of(application.id()), ids(fixture.applications.list(fixture.operator(), "pending", PageRequest.of(null, null))));

        ResellerApplication approved = fixture.applicationsResource.approve(application.id(),
                ClientsFixture.security(fixture.operator()));

        assertEquals(ResellerApplication.APPROVED, approved.state());
        assertNotNull(approved.answeredAt());
        // In the applicant's language: the owner's login is German.
        assertTrue(fixture.mailsTo("apply@agency.example").get(0).startsWith("Ihre Reseller-Bewerbung ist angenommen"));
        Caller reseller = fixture.owner(agency); // what the host makes of the next request, through the real access computation
        assertTrue(reseller.has(ClientsPermissions.VIEW));
        assertTrue(reseller.has(ClientsPermissions.MANAGE));
        assertFalse(reseller.has(ClientsPermissions.RESELLERS));
        ClientDetails theirs = fixture.base.clients.create(reseller, ClientsFixture.newClient("Their shop", "theirs"));
        assertEquals(agency.organizationId(), theirs.resellerId());
        List<String> listed = fixture.base.clients.list(reseller, new ClientFilter(null, null, null, null),
                PageRequest.of(null, null)).items().stream().map(ClientDetails::id).toList();
        assertEquals(List.of(theirs.id()), listed);
        assertTrue(fixture.base.clients.read(reseller, operatorsOwn.id()).isEmpty());
        Reseller shown = fixture.resellers.read(fixture.operator(), agency.organizationId());
        assertEquals(Reseller.ACTIVE, shown.state());
        assertEquals(1, shown.clients());
        assertEquals("Agency", shown.name());
        assertEquals(List.of(theirs.id()), fixture.base.directory.ofReseller(agency.organizationId()).stream()
                .map(client -> client.id()).toList());
        assertTrue(fixture.base.auditActions().containsAll(List.of("clients.reseller.applied", "clients.reseller.approved")));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rejectionGivesNothingAndTheApplicantReadsWhy_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails agency = fixture.base.client("Agency", "agency");
        Caller applicant = fixture.owner(agency);
        ResellerApplication application = fixture.applications.apply(applicant,
                ResellersFixture.application("Agency GmbH", "apply@agency.example"));

        assertEquals("reason", assertThrows(ValidationException.class, () -> fixture.applications.reject(fixture.operator(),
                application.id(), new Reason("  "))).errors().get(0).field());
        ResellerApplication rejected = fixture.applicationsResource.reject(application.id(), new Reason("No company register entry"),
                ClientsFixture.security(fixture.operator()));

        assertEquals(ResellerApplication.REJECTED, rejected.state());
        ResellerApplication seen = fixture.applicationsResource.get(application.id(), ClientsFixture.security(applicant));
        assertEquals("No company register entry", seen.rejectionReason());
        assertTrue(fixture.mailsTo("apply@agency.example").get(0).contains("No company register entry"));
        Caller after = fixture.owner(agency);
        assertFalse(after.has(ClientsPermissions.VIEW));
        assertFalse(after.has(ClientsPermissions.MANAGE));
        assertTrue(fixture.resellers.list(fixture.operator(), null, PageRequest.of(null, null)).items().isEmpty());
        assertEquals(ResellerApplication.PENDING, fixture.applications.apply(applicant,
                ResellersFixture.application("Agency GmbH", "apply@agency.example")).state(), "a rejected applicant may apply again");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anApplicationIsAnsweredOnce_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails agency = fixture.base.client("Agency", "agency");
        ResellerApplication application = fixture.applications.apply(fixture.owner(agency),
                ResellersFixture.application("Agency", "apply@agency.example"));
        fixture.applications.approve(fixture.operator(), application.id());

        assertProblem(409, "application-answered", () -> fixture.applications.approve(fixture.operator(), application.id()));
        assertProblem(409, "application-answered",
                () -> fixture.applications.reject(fixture.operator(), application.id(), new Reason("too late")));
        assertEquals(1, fixture.mailsTo("apply@agency.example").size());
        assertThrows(NotFoundException.class, () -> fixture.applications.approve(fixture.operator(), "ra_unknown"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOperatorAResellerAndAPendingApplicantCannotApply_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails reseller = fixture.reseller("Agency", "agency");
        ClientDetails applicant = fixture.base.client("Shop", "shop");
        fixture.applications.apply(fixture.owner(applicant), ResellersFixture.application("Shop", "shop@example.com"));

        assertProblem(409, "operator-cannot-apply", () -> fixture.applications.apply(fixture.operator(),
                ResellersFixture.application("Operator", "op@example.com")));
        assertProblem(409, "already-reseller", () -> fixture.applications.apply(fixture.owner(reseller),
                ResellersFixture.application("Agency", "agency@example.com")));
        assertProblem(409, "application-pending", () -> fixture.applications.apply(fixture.owner(applicant),
                ResellersFixture.application("Shop", "shop@example.com")));
        assertProblem(403, "forbidden", () -> fixture.applications.apply(fixture.base.staff("administrator"),
                ResellersFixture.application("Staff", "staff@example.com")));
        assertProblem(403, "forbidden", () -> fixture.applications.approve(fixture.owner(reseller), "ra_x"));
        assertProblem(403, "forbidden", () -> fixture.applications.list(fixture.base.staff("basic"), null,
                PageRequest.of(null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void applicantsReadTheirOwnApplicationsAndTheOperatorReadsAllInPages_C9(DatabaseKind kind) {
        fixture = new ResellersFixture(kind, null);
        ClientDetails first = fixture.base.client("First", "first");
        ClientDetails second = fixture.base.client("Second", "second");
        ResellerApplication mine = fixture.applications.apply(fixture.owner(first),
                ResellersFixture.application("First", "first@example.com"));
        ResellerApplication theirs = fixture.applications.apply(fixture.owner(second),
                ResellersFixture.application("Second", "second@example.com"));
        fixture.applications.reject(fixture.operator(), theirs.id(), new Reason("no"));

        assertEquals(List.of(mine.id()), ids(fixture.applications.list(fixture.owner(first), null, PageRequest.of(null, null))));
        assertThrows(NotFoundException.class, () -> fixture.applications.read(fixture.owner(first), theirs.id()));
        Page<ResellerApplication> page = fixture.applications.list(fixture.operator(), null, PageRequest.of("1", null));
        assertEquals(1, page.items().size());
        assertNotNull(page.nextCursor());
        Page<ResellerApplication> rest = fixture.applications.list(fixture.operator(), null, PageRequest.of("1", page.nextCursor()));
        assertNull(rest.nextCursor());
        assertEquals(java.util.Set.of(mine.id(), theirs.id()), java.util.Set.of(page.items().get(0).id(), rest.items().get(0).id()));
        assertEquals(List.of(theirs.id()), ids(fixture.applications.list(fixture.operator(), "rejected", PageRequest.of(null, null))));
        assertTrue(fixture.mailsTo(ResellersFixture.REVIEW_ADDRESS).isEmpty(), "no review address configured, no announcement");
    }

    private static List<String> ids(Page<ResellerApplication> page) {
        return page.items().stream().map(ResellerApplication::id).toList();
    }

    static void assertProblem(int status, String type, Runnable request) {
        ProblemException problem = assertThrows(ProblemException.class, request::run);
        assertEquals(status, problem.status(), problem.getMessage());
        assertEquals(type, problem.type(), problem.getMessage());
    }
}
