package dev.kontor.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.storage.internal.TestCaller;
import dev.kontor.storage.internal.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnablementTest {

    private static final Caller OPERATOR = new TestCaller("op1", "operator");
    /** org-client is a client of reseller org-reseller; org-direct is the operator's own client. */
    private static final Function<String, Optional<String>> RESELLERS =
            organization -> Optional.ofNullable(Map.of("org-client", "org-reseller").get(organization));

    private TestDatabase database;
    private Enablement enablement;
    private final List<Long> revisions = new ArrayList<>();

    private void setUp(DatabaseKind kind) {
        database = TestDatabase.migrated(kind, "modules").withModule("audit", AuditLogService.class);
        enablement = new Enablement(database, new AuditLogService(database), revisions::add);
    }

    private boolean on(String organization) {
        return enablement.isEnabled("hello", organization, RESELLERS);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void moduleWithoutRulesIsOnEverywhere(DatabaseKind kind) {
        setUp(kind);
        assertTrue(on("org-client"));
        assertTrue(on("org-direct"));
        assertTrue(enablement.isEnabledForPanel("hello"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void organizationRuleBeatsResellerRuleWhichBeatsPanelRule(DatabaseKind kind) {
        setUp(kind);
        enablement.set(OPERATOR, "hello", Scope.PANEL, null, false);
        assertFalse(on("org-client"));
        assertFalse(enablement.isEnabledForPanel("hello"));

        enablement.set(OPERATOR, "hello", Scope.RESELLER, "org-reseller", true);
        assertTrue(on("org-client"), "the reseller's rule covers its clients");
        assertTrue(on("org-reseller"), "the reseller's rule covers its own organization");
        assertFalse(on("org-direct"), "an organization without a reseller gets the panel's rule");

        enablement.set(OPERATOR, "hello", Scope.ORGANIZATION, "org-client", false);
        assertFalse(on("org-client"), "the organization's own rule wins");
        assertTrue(on("org-reseller"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deletingARuleLetsTheBroaderOneAnswer(DatabaseKind kind) {
        setUp(kind);
        enablement.set(OPERATOR, "hello", Scope.PANEL, null, false);
        enablement.set(OPERATOR, "hello", Scope.ORGANIZATION, "org-direct", true);
        assertTrue(on("org-direct"));
        assertTrue(enablement.remove(OPERATOR, "hello", Scope.ORGANIZATION, "org-direct"));
        assertFalse(on("org-direct"));
        assertFalse(enablement.remove(OPERATOR, "hello", Scope.ORGANIZATION, "org-direct"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyCommittedChangeRaisesTheRevision(DatabaseKind kind) {
        setUp(kind);
        long before = enablement.revision();
        enablement.set(OPERATOR, "hello", Scope.PANEL, null, false);
        enablement.set(OPERATOR, "hello", Scope.ORGANIZATION, "org-direct", true);
        enablement.remove(OPERATOR, "hello", Scope.ORGANIZATION, "org-direct");
        assertEquals(List.of(before + 1, before + 2, before + 3), revisions);
        assertEquals(before + 3, enablement.revision());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRolledBackChangeNeitherAnswersNorRaisesTheRevision(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalStateException.class, () -> database.runInTransaction(connection -> {
            enablement.set(OPERATOR, "hello", Scope.PANEL, null, false);
            throw new IllegalStateException("the surrounding change failed");
        }));
        assertTrue(on("org-direct"));
        assertEquals(List.of(), revisions);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rulesSurviveARestart(DatabaseKind kind) {
        setUp(kind);
        enablement.set(OPERATOR, "hello", Scope.ORGANIZATION, "org-direct", false);
        Enablement restarted = new Enablement(database, new AuditLogService(database), revision -> { });
        assertFalse(restarted.isEnabled("hello", "org-direct", RESELLERS));
        assertEquals(1, database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'modules.disable'"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void moduleManagementCannotBeSwitchedOff(DatabaseKind kind) {
        setUp(kind);
        ValidationException refused = assertThrows(ValidationException.class,
                () -> enablement.set(OPERATOR, Enablement.SELF, Scope.PANEL, null, false));
        assertEquals("enabled", refused.errors().get(0).field());
        assertTrue(enablement.isEnabledForPanel(Enablement.SELF));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void organizationAndResellerRulesNeedTheirIdAndThePanelRuleNone(DatabaseKind kind) {
        setUp(kind);
        assertEquals("scope_id", assertThrows(ValidationException.class,
                () -> enablement.set(OPERATOR, "hello", Scope.ORGANIZATION, " ", false)).errors().get(0).field());
        assertEquals("scope_id", assertThrows(ValidationException.class,
                () -> enablement.set(OPERATOR, "hello", Scope.PANEL, "org-direct", false)).errors().get(0).field());
        assertEquals("scope", assertThrows(ValidationException.class, () -> Scope.parse("galaxy", "scope")).errors().get(0).field());
    }
}
