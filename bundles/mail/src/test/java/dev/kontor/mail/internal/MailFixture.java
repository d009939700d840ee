package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.fail;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the mail tests share: an outbox over a fresh test database, a mailer with the
 * templates under {@code src/test/resources/mail}, and senders with millisecond pauses
 * that {@link #close()} stops.
 */
final class MailFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String MODULE = "tests";

    final TestDatabase database;
    final Outbox outbox;
    final BundleMailer mailer;
    private final List<MailSender> senders = new ArrayList<>();

    MailFixture(DatabaseKind kind) {
        database = TestDatabase.migrated(kind, "mail");
        outbox = new Outbox(database);
        mailer = ModuleMailers.of(outbox, MODULE);
    }

    /** Retries after 50, 100, 200, 200... ms; a sending mail is released only after a minute. */
    static SenderSettings fast(Optional<SmtpSettings> smtp, int maxAttempts) {
        return new SenderSettings(smtp, new RetryPolicy(maxAttempts, Duration.ofMillis(50), Duration.ofMillis(200)),
                Duration.ofMillis(50), Duration.ofMinutes(1));
    }

    /** Plain SMTP on the loopback, as GreenMail offers it. */
    static SmtpSettings smtp(int port, String username, String password) {
        return new SmtpSettings("127.0.0.1", port, username, password, "Kontor <kontor@example.test>", false,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** A port nobody listens on (for now). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MailSender start(SenderSettings settings) {
        return start(outbox, settings);
    }

    /** A sender of another panel node, over the same database. */
    MailSender start(Outbox node, SenderSettings settings) {
        MailSender sender = new MailSender(node, settings);
        senders.add(sender);
        return sender;
    }

    MailStore store() {
        return outbox.store();
    }

    OutboxMail mail(String id) {
        return store().find(id).orElseThrow();
    }

    /** Waits until the mail meets the condition. */
    OutboxMail await(String id, Predicate<OutboxMail> condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        OutboxMail mail = mail(id);
        while (!condition.test(mail)) {
            if (Instant.now().isAfter(deadline)) {
                fail("Mail " + id + " never became " + what + "; it is " + mail);
            }
            pause();
            mail = mail(id);
        }
        return mail;
    }

    OutboxMail awaitState(String id, MailState state) {
        return await(id, mail -> mail.state() == state, state.id());
    }

    /** The text of a received mail, its transfer encoding undone. */
    static String bodyOf(MimeMessage message) {
        try {
            return new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        senders.forEach(MailSender::stop);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
