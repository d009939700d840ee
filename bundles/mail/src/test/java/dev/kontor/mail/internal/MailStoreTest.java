package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox table on H2 and PostgreSQL: what is written, listed, claimed and released. */
class MailStoreTest {

    private MailFixture fixture;

    private MailStore setUp(DatabaseKind kind) {
        fixture = new MailFixture(kind);
        return fixture.store();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void queuedMailIsStoredPendingWithItsModuleAndLanguage(DatabaseKind kind) {
        setUp(kind);
        String id = fixture.mailer.queue("anna@example.test", "welcome", Locale.GERMAN,
                Map.of("name", "Anna", "organization", "Müller GmbH"));
        OutboxMail mail = fixture.mail(id);
        assertTrue(id.startsWith("ml_"), id);
        assertEquals("anna@example.test", mail.to());
        assertEquals("Willkommen bei Müller GmbH", mail.subject());
        assertTrue(mail.body().contains("Grüße"), mail.body());
        assertEquals("de", mail.language());
        assertEquals(MailFixture.MODULE, mail.module());
        assertEquals(MailState.PENDING, mail.state());
        assertEquals(0, mail.attempts());
        assertEquals(mail.createdAt(), mail.nextAttemptAt());
        assertNull(mail.sentAt());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void mailsAreListedNewestFirstPageByPage(DatabaseKind kind) {
        MailStore store = setUp(kind);
        for (int i = 0; i < 5; i++) {
            fixture.mailer.queueText("user" + i + "@example.test", "Mail " + i, "Body " + i);
        }
        List<String> subjects = new ArrayList<>();
        Page<OutboxMail> page = store.page(PageRequest.of("2", null));
        subjects.addAll(page.items().stream().map(OutboxMail::subject).toList());
        while (page.nextCursor() != null) {
            page = store.page(PageRequest.of("2", page.nextCursor()));
            subjects.addAll(page.items().stream().map(OutboxMail::subject).toList());
        }
        assertEquals(List.of("Mail 4", "Mail 3", "Mail 2", "Mail 1", "Mail 0"), subjects);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void mailOfARolledBackChangeIsGoneWithItAndWakesNoSender(DatabaseKind kind) {
        MailStore store = setUp(kind);
        AtomicInteger wakeUps = new AtomicInteger();
        fixture.outbox.addListener(wakeUps::incrementAndGet);
        assertThrows(IllegalStateException.class, () -> fixture.database.runInTransaction(connection -> {
            fixture.mailer.queueText("anna@example.test", "Invitation", "Join us");
            throw new IllegalStateException("the change itself failed");
        }));
        assertEquals(List.of(), store.page(PageRequest.of(null, null)).items());
        assertEquals(0, wakeUps.get());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void senderIsWokenOnlyOnceTheChangeCommitted(DatabaseKind kind) {
        setUp(kind);
        AtomicInteger wakeUps = new AtomicInteger();
        fixture.outbox.addListener(wakeUps::incrementAndGet);
        fixture.database.runInTransaction(connection -> {
            fixture.mailer.queueText("anna@example.test", "Invitation", "Join us");
            assertEquals(0, wakeUps.get(), "woken before commit");
        });
        assertEquals(1, wakeUps.get());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMailIsClaimedOnlyOnce(DatabaseKind kind) {
        MailStore store = setUp(kind);
        String id = fixture.mailer.queueText("anna@example.test", "Invitation", "Join us");
        Instant now = Instant.now();
        assertEquals(List.of(id), store.due(now, 10));
        assertEquals(1, store.claim(id, now).orElseThrow().attempts());
        assertTrue(store.claim(id, now).isEmpty(), "claimed twice");
        assertEquals(List.of(), store.due(now, 10));
        assertEquals(MailState.SENDING, fixture.mail(id).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void retriedMailIsNotDueBeforeItsNextAttempt(DatabaseKind kind) {
        MailStore store = setUp(kind);
        String id = claimedMail();
        Instant now = Instant.now();
        assertTrue(store.retryLater(id, now.plusSeconds(60), "x".repeat(5000)));
        assertEquals(List.of(), store.due(now.plusSeconds(59), 10));
        assertTrue(store.claim(id, now.plusSeconds(59)).isEmpty(), "claimed before it was due");
        assertEquals(List.of(id), store.due(now.plusSeconds(60), 10));
        assertEquals(MailStore.MAX_ERROR, fixture.mail(id).lastError().length());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyMailsClaimedBeforeTheCutoffAreReleased(DatabaseKind kind) {
        MailStore store = setUp(kind);
        String stuck = fixture.mailer.queueText("anna@example.test", "Stuck", "Body");
        String busy = fixture.mailer.queueText("bob@example.test", "Busy", "Body");
        Instant now = Instant.now();
        store.claim(stuck, now);
        store.claim(busy, now.plus(Duration.ofMinutes(10)));
        Instant later = now.plus(Duration.ofMinutes(15));
        assertEquals(1, store.releaseStuck(later.minus(Duration.ofMinutes(10)), later));
        assertEquals(MailState.PENDING, fixture.mail(stuck).state());
        assertEquals(MailState.SENDING, fixture.mail(busy).state());
        assertEquals(List.of(stuck), store.due(later, 10));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nodeThatLostItsClaimCannotFinishTheMail(DatabaseKind kind) {
        MailStore store = setUp(kind);
        String id = claimedMail();
        Instant now = Instant.now();
        store.releaseStuck(now.plusSeconds(1), now.plusSeconds(1));
        assertFalse(store.markSent(id, now));
        assertFalse(store.markFailed(id, "late"));
        assertEquals(MailState.PENDING, fixture.mail(id).state());
    }

    /** A new mail, claimed the moment it became due. */
    private String claimedMail() {
        String id = fixture.mailer.queueText("anna@example.test", "Invitation", "Join us");
        fixture.store().claim(id, fixture.mail(id).nextAttemptAt()).orElseThrow();
        return id;
    }
}
