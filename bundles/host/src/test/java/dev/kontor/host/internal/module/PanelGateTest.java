package dev.kontor.host.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where the host asks whether a module is on, with or without a module management. */
class PanelGateTest {

    private final PanelGate gate = new PanelGate();

    @Test
    void withoutAGateEveryModuleIsOnEverywhere() {
        assertTrue(gate.isEnabled("hello", "org-a"));
        assertTrue(gate.isEnabled("hello", null));
        assertTrue(gate.isEnabledForPanel("hello"));
    }

    @Test
    void organizationAsksItsOwnRuleAndNobodyThePanelsRule() {
        gate.bindGate(new SwitchBoard().offFor("hello", "org-a").offForPanel("reports"));

        assertFalse(gate.isEnabled("hello", "org-a"));
        assertTrue(gate.isEnabled("hello", "org-b"));
        assertTrue(gate.isEnabled("hello", null), "no organization: the panel's rule");
        assertFalse(gate.isEnabled("reports", null));
        assertFalse(gate.isEnabledForPanel("reports"));
    }

    @Test
    void hostsOwnThingsAndTheModuleManagementAreNeverGated() {
        gate.bindGate(new SwitchBoard().offForPanel(PanelGate.MANAGEMENT_MODULE).offFor(PanelGate.MANAGEMENT_MODULE, "org-a"));

        assertTrue(gate.isEnabled(null, "org-a"));
        assertTrue(gate.isEnabled(PanelGate.MANAGEMENT_MODULE, "org-a"));
        assertTrue(gate.isEnabledForPanel(PanelGate.MANAGEMENT_MODULE));
    }

    @Test
    void listenersHearWhenAGateComesChangesItsRevisionOrGoes() {
        AtomicInteger changes = new AtomicInteger();
        gate.onChange(changes::incrementAndGet);
        SwitchBoard first = new SwitchBoard().offForPanel("hello");

        gate.bindGate(first);
        gate.updatedGate(first);
        gate.unbindGate(first);

        assertEquals(3, changes.get());
        assertTrue(gate.isEnabledForPanel("hello"), "gone: every module on again");
    }

    @Test
    void aBetterGateBoundBeforeTheOldOneGoesStaysInCharge() {
        SwitchBoard old = new SwitchBoard();
        SwitchBoard better = new SwitchBoard().offForPanel("hello");
        gate.bindGate(old);

        gate.bindGate(better);
        gate.unbindGate(old);

        assertFalse(gate.isEnabledForPanel("hello"));
    }
}
