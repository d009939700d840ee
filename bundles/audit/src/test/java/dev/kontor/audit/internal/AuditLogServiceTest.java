package dev.kontor.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestCaller;
import dev.kontor.storage.internal.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditLogServiceTest {

    private TestDatabase database;
    private AuditLogService audit;

    private void setUp(DatabaseKind kind) {
        database = TestDatabase.migrated(kind, "audit");
        audit = new AuditLogService(database);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void entryRecordsWhoWhatTargetWhereAndOutcome(DatabaseKind kind) {
        setUp(kind);
        audit.record(caller("u1", "alice", "org1"), "clients.suspend", "client:cl_1", AuditOutcome.SUCCESS, "reason: unpaid");
        AuditEntry entry = audit.store().page(null, null, PageRequest.of(null, null)).items().get(0);
        assertEquals("u1", entry.actorId());
        assertEquals("user-u1", entry.actorName());
        assertEquals("org1", entry.organizationId());
        assertEquals("clients.suspend", entry.action());
        assertEquals("client:cl_1", entry.target());
        assertEquals(TestCaller.SOURCE_ADDRESS, entry.sourceAddress());
        assertEquals(AuditOutcome.SUCCESS, entry.outcome());
        assertEquals("reason: unpaid", entry.detail());
        assertNotNull(entry.at());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void entryOfARolledBackChangeIsGoneWithIt(DatabaseKind kind) {
        setUp(kind);
        assertThrows(IllegalStateException.class, () -> database.runInTransaction(connection -> {
            audit.record(caller("u1", "alice", "org1"), "clients.delete", "client:cl_1", AuditOutcome.SUCCESS, null);
            throw new IllegalStateException("the change itself failed");
        }));
        assertEquals(List.of(), audit.store().page(null, null, PageRequest.of(null, null)).items());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void refusedAttemptOutsideATransactionIsRecordedOnItsOwn(DatabaseKind kind) {
        setUp(kind);
        audit.record(caller("u2", "bob", "org2"), "clients.delete", "client:cl_9", AuditOutcome.DENIED, null);
        assertEquals(AuditOutcome.DENIED, audit.store().page("org2", null, PageRequest.of(null, null)).items().get(0).outcome());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void membersSeeOnlyTheirOrganizationNewestFirstPageByPage(DatabaseKind kind) {
        setUp(kind);
        for (int i = 0; i < 5; i++) {
            audit.record(caller("u1", "alice", "org1"), "hello.greet", "greeting:" + i, AuditOutcome.SUCCESS, null);
            audit.record(caller("u9", "mallory", "org9"), "hello.greet", "secret:" + i, AuditOutcome.SUCCESS, null);
        }
        List<String> targets = new ArrayList<>();
        Page<AuditEntry> page = audit.store().page("org1", null, PageRequest.of("2", null));
        targets.addAll(page.items().stream().map(AuditEntry::target).toList());
        while (page.nextCursor() != null) {
            page = audit.store().page("org1", null, PageRequest.of("2", page.nextCursor()));
            targets.addAll(page.items().stream().map(AuditEntry::target).toList());
        }
        assertEquals(List.of("greeting:4", "greeting:3", "greeting:2", "greeting:1", "greeting:0"), targets);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void actionFilterMatchesPrefixesLiterally(DatabaseKind kind) {
        setUp(kind);
        audit.record(caller("u1", "alice", "org1"), "clients.suspend", "a", AuditOutcome.SUCCESS, null);
        audit.record(caller("u1", "alice", "org1"), "clientsXsuspend", "b", AuditOutcome.SUCCESS, null);
        audit.recordSystem("org1", "subscriptions.hold", "c", AuditOutcome.SUCCESS, null);
        assertEquals(List.of("a"), targets(audit.store().page(null, "clients.", PageRequest.of(null, null))));
        assertEquals(List.of("c"), targets(audit.store().page(null, "subscriptions", PageRequest.of(null, null))));
        assertEquals(List.of(), targets(audit.store().page(null, "%", PageRequest.of(null, null))), "% is no wildcard");
        AuditEntry system = audit.store().page(null, "subscriptions", PageRequest.of(null, null)).items().get(0);
        assertEquals(AuditLogService.SYSTEM_ACTOR, system.actorId());
        assertNull(system.sourceAddress());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void overlongTextIsClippedNotRefused(DatabaseKind kind) {
        setUp(kind);
        audit.record(caller("u1", "alice", "org1"), "hello.greet", "t".repeat(1000), AuditOutcome.SUCCESS, "d".repeat(5000));
        AuditEntry entry = audit.store().page(null, null, PageRequest.of(null, null)).items().get(0);
        assertEquals(300, entry.target().length());
        assertEquals(2000, entry.detail().length());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badPagingInputNamesTheField(DatabaseKind kind) {
        setUp(kind);
        assertEquals("limit", assertThrows(ValidationException.class, () -> PageRequest.of("0", null)).errors().get(0).field());
        assertEquals("limit", assertThrows(ValidationException.class, () -> PageRequest.of("ten", null)).errors().get(0).field());
        assertEquals("cursor", assertThrows(ValidationException.class, () -> PageRequest.of(null, "%%%")).errors().get(0).field());
        assertEquals("cursor", assertThrows(ValidationException.class, () -> PageRequest.of(null, "bm90LWEtY3Vyc29y")).errors().get(0).field());
    }

    private static List<String> targets(Page<AuditEntry> page) {
        return page.items().stream().map(AuditEntry::target).toList();
    }

    private static Caller caller(String id, String name, String organization) {
        return new TestCaller(id, organization);
    }
}
