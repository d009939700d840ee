package dev.kontor.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in modules users, clients, subscriptions and module management keep every module rule (E1-E4),
 * checked as a third party's module would be: each jar replaces the panel's own copy. The
 * methods allowed as login-only decide on the target, not on one permission: the caller's
 * own organizations (creating one makes the caller its owner) and profile; a client, its
 * grants and access requests, visible to its own organization, its partner or the
 * operator (C7, C10); a partner's and an applicant's own lists (C9).
 */
class BuiltInModulesConformanceTest {

    @RegisterExtension
    static final ModuleConformance KIT = ModuleConformance.forBundles(KitFixtures.jar("kontor.conformance.users"),
            KitFixtures.jar("kontor.conformance.clients"), KitFixtures.jar("kontor.conformance.subscriptions"),
            KitFixtures.jar("kontor.conformance.modules"))
            .allowingLoginOnly(
                    "GET /api/v1/organizations",
                    "POST /api/v1/organizations",
                    "GET /api/v1/organizations/{org}",
                    "POST /api/v1/organizations/{org}/leave",
                    "GET /api/v1/users/me",
                    "GET /api/v1/attach-requests",
                    "GET /api/v1/clients/{id}",
                    "GET /api/v1/clients/{id}/access-requests",
                    "GET /api/v1/clients/{id}/grants",
                    "DELETE /api/v1/clients/{id}/grants/{grant}",
                    "GET /api/v1/partner/clients",
                    "GET /api/v1/reseller-applications",
                    "GET /api/v1/reseller-applications/{id}");

    @TestFactory
    Stream<DynamicNode> builtInModulesKeepEveryModuleRule() {
        return KIT.checks();
    }
}
