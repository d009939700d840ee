package dev.kontor.host.internal.security;

import static dev.kontor.host.internal.security.FakeIdentityProvider.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.host.internal.module.PanelGate;
import dev.kontor.host.internal.module.SwitchBoard;
import dev.kontor.host.internal.security.InMemoryApi.Answer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module switched off for an organization answers its REST calls as if it were not installed. */
class ModuleGateAccessTest {

    private static final String PROBE_MODULE = "probe";
    private static final String TOKEN_A = "kt_member-of-a-0123456789";
    private static final String TOKEN_B = "kt_member-of-b-0123456789";

    @TempDir
    Path data;

    private final SwitchBoard switches = new SwitchBoard();
    private PanelSecurity security;

    @BeforeEach
    void start() throws Exception {
        security = SecurityFixtures.panelSecurity(SecurityFixtures.operatorLogin(data));
        security.addIdentityProvider(new FakeIdentityProvider()
                .withToken(TOKEN_A, identity("member-a", "org-a", ProbeResource.EDIT))
                .withToken(TOKEN_B, identity("member-b", "org-b", ProbeResource.EDIT)), SecurityFixtures.providerProperties(7, 10));
    }

    @Test
    void moduleOffForTheCallersOrganizationAnswers404ModuleDisabledAndOtherOrganizationsAreServed() {
        InMemoryApi api = apiWith(switches.bound(), PROBE_MODULE);
        switches.offFor(PROBE_MODULE, "org-a");

        Answer refused = api.request("GET", "v1/probe/me").bearer(TOKEN_A).send();
        assertModuleDisabled(refused);
        Answer served = api.request("GET", "v1/probe/me").bearer(TOKEN_B).send();
        assertEquals(200, served.status(), served::toString);

        switches.onFor(PROBE_MODULE, "org-a");
        assertEquals(200, api.request("GET", "v1/probe/me").bearer(TOKEN_A).send().status(), "switched back on");
    }

    @Test
    void moduleOffAnswers404EvenWhereTheCallerLacksThePermission() {
        InMemoryApi api = apiWith(switches.offFor(PROBE_MODULE, "org-b").bound(), PROBE_MODULE);

        assertModuleDisabled(api.request("GET", "v1/probe/reports").bearer(TOKEN_B).send());
    }

    @Test
    void anonymousCallToAPublicEndpointFollowsThePanelsRule() {
        InMemoryApi api = apiWith(switches.offFor(PROBE_MODULE, "org-a").bound(), PROBE_MODULE);
        assertEquals(200, api.request("GET", "v1/probe/open").send().status(), "off for org-a only");

        switches.offForPanel(PROBE_MODULE);
        assertModuleDisabled(api.request("GET", "v1/probe/open").send());
    }

    @Test
    void hostsOwnResourcesAndTheModuleManagementAreNeverGated() {
        switches.offForPanel(PanelGate.MANAGEMENT_MODULE).offFor(PanelGate.MANAGEMENT_MODULE, "org-a");
        PanelGate gate = switches.bound();

        assertEquals(200, apiWith(gate, null).request("GET", "v1/probe/me").bearer(TOKEN_A).send().status());
        assertEquals(200, apiWith(gate, PanelGate.MANAGEMENT_MODULE).request("GET", "v1/probe/me").bearer(TOKEN_A).send().status());
    }

    @Test
    void withoutAGateEveryModuleIsServed() {
        InMemoryApi api = apiWith(new PanelGate(), PROBE_MODULE);

        assertEquals(200, api.request("GET", "v1/probe/me").bearer(TOKEN_A).send().status());
        assertEquals(200, api.request("GET", "v1/probe/open").send().status());
    }

    /** The probe resource as a resource of the module (null: of the host). */
    private InMemoryApi apiWith(PanelGate gate, String module) {
        return new InMemoryApi(security, SecurityFixtures.defaultLimitsAtOneInstant(), gate,
                type -> type == ProbeResource.class ? Optional.ofNullable(module) : Optional.empty(), new ProbeResource());
    }

    private static void assertModuleDisabled(Answer answer) {
        assertEquals(404, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer::toString);
        assertEquals("/problems/module-disabled", answer.json().path("type").asText(), answer::toString);
        assertTrue(answer.json().path("detail").asText().contains(PROBE_MODULE), answer::toString);
    }
}
