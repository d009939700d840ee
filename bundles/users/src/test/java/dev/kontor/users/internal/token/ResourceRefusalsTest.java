package dev.kontor.users.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.storage.internal.IdentityCaller;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.UsersPermissions;
import dev.kontor.users.internal.rest.MembersResource;
import dev.kontor.users.internal.rest.OAuthClientsResource;
import dev.kontor.users.internal.rest.SupportAccessResource;
import dev.kontor.users.internal.rest.TokensResource;
import dev.kontor.users.internal.rest.WorkgroupsResource;
import dev.kontor.users.internal.support.AccessFixture;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the resources refuse before any work: the services behind them are not even there. */
class ResourceRefusalsTest {

    private static final Caller MEMBER = new IdentityCaller(new Identity("usr_1", "ada", "Ada", "org_a",
            List.of(new Identity.OrganizationMembership("org_a", "A")), Set.of("users.profile", "users.support.view",
                    "users.support.manage", "users.clients.manage", AccessFixture.SITES_VIEW), false, "en"), UsersFixture.SOURCE_ADDRESS);

    private static SecurityContext context(Caller caller, String scheme) {
        return (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(), new Class<?>[] {SecurityContext.class},
                (self, method, arguments) -> switch (method.getName()) {
                    case "getUserPrincipal" -> caller;
                    case "getAuthenticationScheme" -> scheme;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aBearerTokenCannotCreateTokens_U13() {
        TokensResource resource = new TokensResource(null);
        ProblemException refused = assertThrows(ProblemException.class, () -> resource.create(
                new TokensResource.NewToken("t", List.of(AccessFixture.SITES_VIEW), null), context(MEMBER, "Bearer")));
        assertEquals(403, refused.status());
        assertEquals("session-required", refused.type());
    }

    @Test
    void anotherOrganizationsGrantsAndClientsAnswerLikeMissingOnes_U12() {
        SecurityContext member = context(MEMBER, "KONTOR_SESSION");
        SupportAccessResource support = new SupportAccessResource(null);
        OAuthClientsResource clients = new OAuthClientsResource(null);

        assertThrows(NotFoundException.class, () -> support.list("org_b", null, null, member));
        assertThrows(NotFoundException.class, () -> support.get("org_b", "sg_1", member));
        assertThrows(NotFoundException.class, () -> support.grant("org_b", new SupportAccessResource.GrantRequest("hosting"), member));
        assertThrows(NotFoundException.class, () -> support.revoke("org_b", "sg_1", member));
        assertThrows(NotFoundException.class, () -> clients.list("org_b", null, null, member));
        assertThrows(NotFoundException.class, () -> clients.create("org_b", new OAuthClientsResource.NewClientRequest("c",
                List.of(AccessFixture.SITES_VIEW)), member));
        assertThrows(NotFoundException.class, () -> clients.revoke("org_b", "oc_1", member));
    }

    @Test
    void aPathOrganizationThatCannotBeAnIdIsAMissingOneAlsoForOperatorStaff_U12() {
        SecurityContext staff = context(new IdentityCaller(new Identity("usr_2", "sam", "Sam",
                IdentityProvider.OPERATOR_ORGANIZATION_ID, List.of(), Set.of(UsersPermissions.ORGANIZATIONS_ALL,
                        UsersPermissions.SUPPORT_VIEW, UsersPermissions.CLIENTS_MANAGE, UsersPermissions.MEMBERS_VIEW,
                        UsersPermissions.WORKGROUPS_VIEW), true, "en"), UsersFixture.SOURCE_ADDRESS), "KONTOR_SESSION");

        for (String org : List.of("org_\u0000", "org_" + "x".repeat(200))) {
            assertThrows(NotFoundException.class, () -> new SupportAccessResource(null).list(org, null, null, staff));
            assertThrows(NotFoundException.class, () -> new OAuthClientsResource(null).list(org, null, null, staff));
            assertThrows(NotFoundException.class, () -> new MembersResource(null).list(org, null, null, null, staff));
            assertThrows(NotFoundException.class, () -> new WorkgroupsResource(null).list(org, null, null, null, staff));
        }
    }
}
