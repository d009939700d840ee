package dev.kontor.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The examples keep every module rule (E1-E4). They are checked here rather than in the
 * examples' own builds: the kit depends on the distribution, which ships the examples, so
 * an example cannot depend on the kit without a cycle in the reactor.
 */
class ExampleModulesConformanceTest {

    @RegisterExtension
    static final ModuleConformance KIT = ModuleConformance.forBundles(KitFixtures.jar("kontor.conformance.hello"),
            KitFixtures.jar("kontor.conformance.provisioner"), KitFixtures.jar("kontor.conformance.myaccess"));

    @TestFactory
    Stream<DynamicNode> everyExampleKeepsEveryModuleRule() {
        return KIT.checks();
    }
}
