package dev.kontor.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Modules that each break one rule, in one panel: the kit names exactly the broken piece
 * and blames nothing else of that module.
 */
class BrokenModulesTest {

    private static final Path UNGUARDED = KitFixtures.jar("kontor.conformance.unguarded-resource");
    private static final Path UNTRANSLATED = KitFixtures.jar("kontor.conformance.untranslated-menu");
    private static final Path LEAKING = KitFixtures.jar("kontor.conformance.leaking-thread");

    @RegisterExtension
    static final ModuleConformance KIT = ModuleConformance.forBundles(UNGUARDED, UNTRANSLATED, LEAKING)
            .allowingLoginOnly("GET /api/v1/unguarded/gone");

    @Test
    void restMethodWithoutPermissionIsNamedWithItsAnswerToAMemberWithoutPermissions() {
        Map<ModuleRule, List<String>> broken = KitFixtures.broken(KIT.findings(UNGUARDED));

        assertEquals(List.of(ModuleRule.REST_METHODS_REQUIRE_A_PERMISSION), List.copyOf(broken.keySet()), broken.toString());
        String secret = "GET /api/v1/unguarded/secret (UnguardedResource.secret)";
        assertEquals(List.of(secret + " declares no permission (@RequiresPermission on the method or its class)",
                secret + " answered 200 to a logged-in member holding no permission"),
                broken.get(ModuleRule.REST_METHODS_REQUIRE_A_PERMISSION));
    }

    @Test
    void menuLabelMissingInGermanIsNamed() {
        assertEquals(Map.of(ModuleRule.LABELS_IN_ENGLISH_AND_GERMAN,
                List.of("menu item untranslated.main: label menu.untranslated is missing in i18n/messages_de.properties (German)")),
                KitFixtures.broken(KIT.findings(UNTRANSLATED)));
    }

    @Test
    void threadStillRunningAfterTheStopIsNamed() {
        Map<ModuleRule, List<String>> broken = KitFixtures.broken(KIT.findings(LEAKING));

        assertEquals(List.of(ModuleRule.STOP_REMOVES_EVERYTHING), List.copyOf(broken.keySet()), broken.toString());
        List<String> problems = broken.get(ModuleRule.STOP_REMOVES_EVERYTHING);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("thread still running: 'leaking-worker' in dev.kontor.conformance.fixture.leaking."),
                problems::toString);
    }

    @Test
    void methodAllowedAsLoginOnlyThatNoBundleHasIsReported() {
        assertEquals(List.of("GET /api/v1/unguarded/gone"), KIT.unknownAllowances());
    }
}
