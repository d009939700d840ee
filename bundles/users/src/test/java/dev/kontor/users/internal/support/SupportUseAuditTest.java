package dev.kontor.users.internal.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.DatabaseKind;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SupportUseAuditTest {

    /** Stands for null in a proxy's answers, which Map.of cannot hold. */
    private static final Object NONE = new Object();

    private AccessFixture world;
    private SupportUseAudit filter;
    private String organization;
    private SupportGrant grant;
    private String staff;

    private void setUp(DatabaseKind kind) {
        world = new AccessFixture(kind);
        filter = new SupportUseAudit(world.access, world.audit);
        SupportGrants grants = new SupportGrants(world.database, world.audit, world.access, world.declared, Duration.ofDays(7),
                world.clock);
        organization = world.organization("Acme");
        Caller owner = world.caller(world.member(organization, "olivia", "owner"), organization);
        grant = grants.grant(owner, organization, AccessFixture.HOSTING).grant();
        staff = world.supportStaff("sam");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyUseOfSupportAccessIsInTheOrganizationsAuditTrail_U11(DatabaseKind kind) {
        setUp(kind);
        Caller supporter = world.caller(staff, organization);

        filter.filter(request("GET", "/api/v1/hosting/sites", supporter), response(200));
        filter.filter(request("DELETE", "/api/v1/hosting/sites/s1", supporter), response(403));

        // Ids made in the same millisecond do not tell their order: compare as a set.
        Set<AccessFixture.AuditRow> uses = Set.copyOf(world.audit(organization, SupportUseAudit.ACTION));
        assertEquals(Set.of(
                new AccessFixture.AuditRow(staff, organization, SupportUseAudit.ACTION, "GET /api/v1/hosting/sites",
                        AccessFixture.SOURCE_ADDRESS, AuditOutcome.SUCCESS, "grant " + grant.id()),
                new AccessFixture.AuditRow(staff, organization, SupportUseAudit.ACTION, "DELETE /api/v1/hosting/sites/s1",
                        AccessFixture.SOURCE_ADDRESS, AuditOutcome.DENIED, "grant " + grant.id())), uses);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void membersRequestsAreNotSupportUses_U11(DatabaseKind kind) {
        setUp(kind);
        Caller member = world.caller(world.member(organization, "mia", "basic"), organization);
        Caller staffAtHome = world.caller(staff, IdentityProvider.OPERATOR_ORGANIZATION_ID);

        filter.filter(request("GET", "/api/v1/hosting/sites", member), response(200));
        filter.filter(request("GET", "/api/v1/hosting/sites", staffAtHome), response(200));
        filter.filter(request("GET", "/api/v1/health", null), response(200));

        assertEquals(List.of(), world.audit(organization, SupportUseAudit.ACTION));
        assertEquals(List.of(), world.audit(IdentityProvider.OPERATOR_ORGANIZATION_ID,
                SupportUseAudit.ACTION));
    }

    @Test
    void outcomeFollowsTheStatus() {
        assertEquals(AuditOutcome.SUCCESS, SupportUseAudit.outcome(204));
        assertEquals(AuditOutcome.SUCCESS, SupportUseAudit.outcome(304));
        assertEquals(AuditOutcome.DENIED, SupportUseAudit.outcome(401));
        assertEquals(AuditOutcome.DENIED, SupportUseAudit.outcome(403));
        assertEquals(AuditOutcome.FAILED, SupportUseAudit.outcome(404));
        assertEquals(AuditOutcome.FAILED, SupportUseAudit.outcome(500));
    }

    /** The parts of a JAX-RS request the filter reads; anything else it asked for would fail the test. */
    private static ContainerRequestContext request(String method, String path, Caller caller) {
        SecurityContext security = proxy(SecurityContext.class, Map.of("getUserPrincipal", caller == null ? NONE : caller));
        UriInfo uri = proxy(UriInfo.class, Map.of("getRequestUri", URI.create("http://127.0.0.1:8080" + path + "?q=secret")));
        return proxy(ContainerRequestContext.class, Map.of("getMethod", method, "getSecurityContext", security, "getUriInfo", uri));
    }

    private static ContainerResponseContext response(int status) {
        return proxy(ContainerResponseContext.class, Map.of("getStatus", status));
    }

    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, arguments) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            Object answer = answers.get(method.getName());
            return answer == NONE ? null : answer;
        }));
    }
}
