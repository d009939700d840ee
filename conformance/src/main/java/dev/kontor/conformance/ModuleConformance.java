package dev.kontor.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The conformance kit: checks a module's bundle against the rules of
 * {@code docs/module-guide.md} (E1-E4) in a real panel. A module author adds
 * {@code dev.kontor:kontor-conformance} with {@code <scope>test</scope>} and writes one
 * test class, run by failsafe once the bundle jar is packaged:
 *
 * <pre>{@code
 * class HelloConformanceIT {
 *     @RegisterExtension
 *     static final ModuleConformance KIT = ModuleConformance.forBundles(Path.of("target/hello-1.0.jar"));
 *
 *     @TestFactory
 *     Stream<DynamicNode> helloKeepsTheModuleRules() {
 *         return KIT.checks();
 *     }
 * }
 * }</pre>
 *
 * <p>Why it is built this way:
 * <ul>
 * <li>One extension per test class starts one panel (Felix in the test JVM, the
 * distribution's bundles, H2 in a fresh folder under {@code target/kontor-conformance/})
 * before the class and stops it after: a panel start costs seconds, every check of every
 * bundle given reuses it. Several bundles share a panel as deployed modules do; the
 * checks of one look only at what belongs to it.</li>
 * <li>The panel's bundles come as Maven dependencies of the kit (the distribution's
 * runtime dependencies), so an author declares one dependency and always checks against
 * the panel of the kit's version. A built-in module's jar replaces the panel's own copy.</li>
 * <li>The checks are dynamic tests, one per {@link ModuleRule} in that order, grouped by
 * bundle: a report names each rule, and one broken rule does not hide the others. The
 * last two stop and start the bundle, so they run after those that need it running.</li>
 * <li>The kit looks at what the panel received (the bundle's registered services, its
 * classes, HTTP answers), never at the module's sources, and reaches the framework's
 * services by reflection, since their classes inside the framework are not those of the
 * test class path.</li>
 * <li>A REST method passes when it declares a permission and the panel refuses it (401,
 * 403, or 404 for what is hidden) both to an anonymous caller and to a logged-in member
 * whose role holds no permission at all; a declared {@code @PublicEndpoint} is skipped,
 * and methods that decide on the target themselves are named with
 * {@link #allowingLoginOnly}.</li>
 * <li>Migrations run through the storage module's own migrator on fresh H2 and
 * PostgreSQL (embedded) databases, twice, outside the panel: the panel runs H2 only, and
 * SQL that works on H2 alone shows only on PostgreSQL.</li>
 * <li>Waits are bounded polls: the panel follows bundle events asynchronously, and a
 * check waits for the outcome it expects instead of assuming a timing.</li>
 * </ul>
 */
public final class ModuleConformance implements BeforeAllCallback, AfterAllCallback {

    private final List<Path> bundleJars;
    private final Set<String> loginOnly;
    private PanelRuntime panel;
    private final Map<Path, ModuleChecks> checks = new LinkedHashMap<>();

    private ModuleConformance(List<Path> bundleJars, Set<String> loginOnly) {
        this.bundleJars = bundleJars.stream().map(jar -> jar.toAbsolutePath().normalize()).toList();
        this.loginOnly = Set.copyOf(loginOnly);
    }

    /**
     * The kit for the module bundles in these jars, checked in one panel; each jar must
     * exist when the test class starts (run the kit after {@code package}).
     */
    public static ModuleConformance forBundles(Path... bundleJars) {
        if (bundleJars.length == 0) {
            throw new IllegalArgumentException("Name at least one bundle jar");
        }
        return new ModuleConformance(Arrays.asList(bundleJars), Set.of());
    }

    /**
     * The same kit, accepting REST methods that declare no permission because they decide
     * on the target themselves ({@code Caller.has}) or serve any logged-in user (the
     * caller's own profile). Each is named as {@code GET /api/v1/clients/{id}}, the path as
     * its {@code @Path}s declare it; the kit still requires a login for them, and reports a
     * name that matches no method of the bundle under check, so the list cannot outlive the
     * methods it excuses.
     */
    public ModuleConformance allowingLoginOnly(String... methods) {
        Set<String> all = new TreeSet<>(loginOnly);
        all.addAll(Arrays.asList(methods));
        return new ModuleConformance(bundleJars, all);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the panel with the modules; the extension does it before the test class. */
    public void start() {
        for (Path jar : bundleJars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " does not exist: run the kit after the bundle is packaged "
                        + "(maven-failsafe-plugin, a test class named *IT)");
            }
        }
        String name = bundleJars.get(0).getFileName().toString().replaceFirst("\\.jar$", "");
        panel = PanelRuntime.start(bundleJars, Path.of("target", "kontor-conformance", name).toAbsolutePath());
        for (Path jar : bundleJars) {
            checks.put(jar, new ModuleChecks(panel, jar, loginOnly));
        }
    }

    /** Stops the panel; the extension does it after the test class. */
    public void stop() {
        checks.clear();
        if (panel != null) {
            panel.close();
            panel = null;
        }
    }

    /**
     * Per bundle, one dynamic test per rule in the order of {@link ModuleRule}; each fails
     * listing every problem it found.
     */
    public Stream<DynamicNode> checks() {
        Stream<DynamicNode> perBundle = bundleJars.stream().map(jar -> DynamicContainer.dynamicContainer(jar.getFileName().toString(),
                Arrays.stream(ModuleRule.values()).map(rule -> DynamicTest.dynamicTest(rule.description(), () -> {
                    List<String> problems = check(jar, rule);
                    if (!problems.isEmpty()) {
                        throw new AssertionError(jar.getFileName() + " breaks the rule \"" + rule.description() + "\":\n  - "
                                + String.join("\n  - ", problems));
                    }
                }))));
        if (loginOnly.isEmpty()) {
            return perBundle;
        }
        return Stream.concat(perBundle, Stream.of(DynamicTest.dynamicTest("every method allowed as login-only exists", () -> {
            List<String> unknown = unknownAllowances();
            if (!unknown.isEmpty()) {
                throw new AssertionError("Allowed as login-only, but no bundle has these REST methods: " + unknown);
            }
        })));
    }

    /**
     * The methods allowed as login-only that no bundle of this kit has (any more): an
     * allowance that outlived its method would excuse the next method of that name.
     */
    public List<String> unknownAllowances() {
        Set<String> existing = new TreeSet<>();
        bundleJars.forEach(jar -> existing.addAll(moduleChecks(jar).endpointNames()));
        return loginOnly.stream().filter(name -> !existing.contains(name)).sorted().toList();
    }

    /**
     * Every rule's problems for the bundle of one of the jars, checked in order: for tests
     * about the kit itself, or an author who wants to accept a known problem. A check that
     * could not run at all reports why.
     */
    public Map<ModuleRule, List<String>> findings(Path bundleJar) {
        Path jar = bundleJar.toAbsolutePath().normalize();
        Map<ModuleRule, List<String>> findings = new EnumMap<>(ModuleRule.class);
        for (ModuleRule rule : ModuleRule.values()) {
            findings.put(rule, check(jar, rule));
        }
        return Collections.unmodifiableMap(findings);
    }

    private ModuleChecks moduleChecks(Path jar) {
        ModuleChecks module = checks.get(jar);
        if (module == null) {
            throw new IllegalStateException(panel == null
                    ? "The panel is not running: register the kit with @RegisterExtension on a static field"
                    : jar + " is not one of the bundles this kit checks: " + bundleJars);
        }
        return module;
    }

    private List<String> check(Path jar, ModuleRule rule) {
        ModuleChecks module = moduleChecks(jar);
        try {
            return List.copyOf(module.check(rule));
        } catch (RuntimeException e) {
            List<String> problem = new ArrayList<>();
            problem.add("the check could not run: " + e);
            return problem;
        }
    }
}
