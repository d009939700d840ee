package dev.kontor.mail.internal;

import static dev.kontor.mail.internal.MailFixture.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real SMTP delivery into GreenMail, an in-process mail server. */
class MailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private MailFixture fixture;

    @AfterEach
    void stopSenders() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void committedChangesMailArrivesOnceInTheRecipientsLanguage() throws Exception {
        fixture = new MailFixture(DatabaseKind.H2);
        SERVER.setUser("kontor@example.test", "kontor", "s3cret");
        fixture.start(MailFixture.fast(Optional.of(MailFixture.smtp(port(), "kontor", "s3cret")), 3));
        List<String> ids = fixture.database.inTransaction(connection -> List.of(
                fixture.mailer.queue("anna@example.test", "welcome", Locale.GERMAN, Map.of("name", "Anna", "organization", "Müller GmbH")),
                fixture.mailer.queue("bob@example.test", "welcome", Locale.ENGLISH, Map.of("name", "Bob", "organization", "Acme"))));

        assertTrue(SERVER.waitForIncomingEmail(WAIT.toMillis(), 2));
        ids.forEach(id -> fixture.awaitState(id, MailState.SENT));
        MimeMessage german = receivedBy("anna@example.test");
        assertEquals("Willkommen bei Müller GmbH", german.getSubject());
        assertEquals("Hallo Anna,\n\nIhr Zugang bei Müller GmbH ist eingerichtet. Grüße!",
                MailFixture.bodyOf(german).replace("\r\n", "\n").strip());
        assertTrue(german.getContentType().startsWith("text/plain; charset=UTF-8"), german.getContentType());
        assertEquals("Kontor <kontor@example.test>", german.getFrom()[0].toString());
        MimeMessage english = receivedBy("bob@example.test");
        assertEquals("Welcome to Acme", english.getSubject());
        assertTrue(MailFixture.bodyOf(english).startsWith("Hello Bob,"));
        assertEquals(2, SERVER.getReceivedMessages().length, "a mail arrived twice");
        OutboxMail sent = fixture.mail(ids.get(0));
        assertEquals(1, sent.attempts());
        assertNotNull(sent.sentAt());
    }

    @Test
    void rolledBackChangeSendsNothing() throws Exception {
        fixture = new MailFixture(DatabaseKind.H2);
        fixture.start(MailFixture.fast(Optional.of(MailFixture.smtp(port(), "", "")), 3));
        try {
            fixture.database.runInTransaction(connection -> {
                fixture.mailer.queueText("eve@example.test", "Never", "This change is rolled back");
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the mail must go with the change
        }
        String later = fixture.mailer.queueText("bob@example.test", "Later", "A change that committed");

        fixture.awaitState(later, MailState.SENT);
        assertEquals(List.of("bob@example.test"), recipients());
        assertEquals(1, fixture.store().page(PageRequest.of(null, null)).items().size());
    }

    @Test
    void unreachableServerIsRetriedWithBackOffUntilItComesUp() throws Exception {
        fixture = new MailFixture(DatabaseKind.H2);
        int port = MailFixture.freePort();
        fixture.start(MailFixture.fast(Optional.of(MailFixture.smtp(port, "", "")), 50));
        String id = fixture.mailer.queueText("anna@example.test", "Patience", "The server was down");

        OutboxMail waiting = fixture.await(id, mail -> mail.attempts() >= 2 && mail.state() == MailState.PENDING,
                "retried");
        assertTrue(waiting.lastError().contains("Connect"), waiting.lastError());
        assertTrue(waiting.nextAttemptAt().isAfter(waiting.createdAt()));
        GreenMail late = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        late.start();
        try {
            OutboxMail sent = fixture.awaitState(id, MailState.SENT);
            assertEquals(1, late.getReceivedMessages().length);
            assertEquals("Patience", late.getReceivedMessages()[0].getSubject());
            assertTrue(sent.attempts() > waiting.attempts());
        } finally {
            late.stop();
        }
    }

    @Test
    void mailFailsAfterTheLastAttemptAndKeepsItsError() {
        fixture = new MailFixture(DatabaseKind.H2);
        fixture.start(MailFixture.fast(Optional.of(MailFixture.smtp(MailFixture.freePort(), "", "")), 3));
        String id = fixture.mailer.queueText("anna@example.test", "Hopeless", "Nobody listens");

        OutboxMail failed = fixture.awaitState(id, MailState.FAILED);
        assertEquals(3, failed.attempts());
        assertTrue(failed.lastError().contains("Connect"), failed.lastError());
    }

    @Test
    void withoutSmtpHostMailsAreKeptAndListed() {
        fixture = new MailFixture(DatabaseKind.H2);
        fixture.start(MailFixture.fast(Optional.empty(), 3));
        String id = fixture.mailer.queueText("anna@example.test", "Your invitation", "Open the link");

        fixture.awaitState(id, MailState.KEPT);
        OutboxMail listed = fixture.store().page(PageRequest.of(null, null)).items().get(0);
        assertEquals(id, listed.id());
        assertEquals("Open the link", listed.body());
        assertEquals(0, SERVER.getReceivedMessages().length);
    }

    @Test
    void twoNodesOverOnePostgresDatabaseDeliverEachMailExactlyOnce() throws Exception {
        fixture = new MailFixture(DatabaseKind.POSTGRESQL);
        int count = 30;
        List<String> ids = fixture.database.inTransaction(connection -> {
            List<String> queued = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                queued.add(fixture.mailer.queueText("user" + i + "@example.test", "Mail " + i, "Body " + i));
            }
            return queued;
        });
        SenderSettings settings = MailFixture.fast(Optional.of(MailFixture.smtp(port(), "", "")), 3);
        fixture.start(settings);
        fixture.start(new Outbox(fixture.database), settings);

        assertTrue(SERVER.waitForIncomingEmail(WAIT.toMillis(), count));
        ids.forEach(id -> fixture.awaitState(id, MailState.SENT));
        MimeMessage[] received = SERVER.getReceivedMessages();
        Set<String> subjects = new HashSet<>();
        for (MimeMessage message : received) {
            subjects.add(message.getSubject());
        }
        assertEquals(count, received.length, "mails sent twice");
        assertEquals(count, subjects.size());
    }

    @Test
    void mailStuckInSendingIsSentAgain() throws Exception {
        fixture = new MailFixture(DatabaseKind.H2);
        String id = fixture.mailer.queueText("anna@example.test", "Again", "The first node died while sending");
        fixture.store().claim(id, fixture.mail(id).nextAttemptAt());
        SenderSettings fast = MailFixture.fast(Optional.of(MailFixture.smtp(port(), "", "")), 3);
        fixture.start(new SenderSettings(fast.smtp(), fast.retry(), fast.pollInterval(), Duration.ofMillis(100)));

        OutboxMail sent = fixture.awaitState(id, MailState.SENT);
        assertEquals(2, sent.attempts());
        assertEquals(List.of("anna@example.test"), recipients());
    }

    @Test
    void senderThreadEndsWhenTheComponentStops() throws Exception {
        fixture = new MailFixture(DatabaseKind.H2);
        MailSender sender = fixture.start(MailFixture.fast(Optional.empty(), 3));
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(MailSender.THREAD_NAME)).toList();
        assertEquals(1, threads.size());

        sender.stop();
        threads.get(0).join(WAIT.toMillis());
        assertFalse(threads.get(0).isAlive());
        String id = fixture.mailer.queueText("anna@example.test", "After the stop", "Stays pending");
        assertEquals(MailState.PENDING, fixture.mail(id).state());
    }

    private static int port() {
        return SERVER.getSmtp().getPort();
    }

    private static MimeMessage receivedBy(String address) throws MessagingException {
        for (MimeMessage message : SERVER.getReceivedMessages()) {
            if (address.equals(message.getRecipients(Message.RecipientType.TO)[0].toString())) {
                return message;
            }
        }
        throw new AssertionError("No mail for " + address);
    }

    private static List<String> recipients() throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : SERVER.getReceivedMessages()) {
            recipients.addAll(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
        }
        return recipients;
    }
}
