package dev.kontor.subscriptions.internal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.subscriptions.internal.SubscriptionsConfiguration;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The billing run as a component: its settings come from the configuration, its thread goes with it. */
class AutomationRunLifecycleTest {

    @Test
    void theScheduledRunLeavesNoThreadBehindWhenDeactivated() {
        try (BillingFixture fixture = new BillingFixture(DatabaseKind.H2)) {
            AutomationRun run = new AutomationRun(fixture.base.database, fixture.base.system, fixture.base.subscriptions,
                    fixture.mails, fixture.base.directory, fixture.base.audit,
                    configuration(Map.of("automation_interval_seconds", 1)));
            assertTrue(threadAlive(), "the component runs on a thread of its own");

            run.stop();

            assertFalse(threadAlive(), "no thread left after deactivation, workers included");
        }
    }

    @Test
    void theSettingsComeFromTheConfigurationAndNonsenseFallsBackToSafeValues() {
        assertEquals(BillingSettings.DEFAULTS, BillingSettings.of(configuration(Map.of())));
        assertEquals(new BillingSettings(0, 0, 0, 1), BillingSettings.of(configuration(Map.of("grace_days", -3,
                "termination_days", -1, "notice_days", -10, "automation_workers", 0))));
        assertEquals(8, BillingSettings.of(configuration(Map.of("automation_workers", 99))).workers());
    }

    /** The module's configuration with its defaults, some of them overridden, as DS hands it over. */
    static SubscriptionsConfiguration configuration(Map<String, Object> values) {
        return (SubscriptionsConfiguration) Proxy.newProxyInstance(SubscriptionsConfiguration.class.getClassLoader(),
                new Class<?>[] {SubscriptionsConfiguration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> SubscriptionsConfiguration.class;
                    case "toString", "hashCode", "equals" -> throw new UnsupportedOperationException(method.getName());
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith(AutomationRun.THREAD));
    }
}
