package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.storage.DatabaseKind;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One delivery step at a time on a fixed clock: back-off, giving up, keeping. */
class DeliveryTest {

    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofHours(1));
    private static final MailTransport REFUSING = mail -> {
        throw new MessagingException("451 try again later");
    };

    private final MailFixture fixture = new MailFixture(DatabaseKind.H2);

    @Test
    void failedAttemptsWaitTheDoublingPauseAndTheLastOneGivesUp() {
        String id = fixture.mailer.queueText("anna@example.test", "Invitation", "Join us");
        Instant start = fixture.mail(id).nextAttemptAt();

        delivery(Optional.of(REFUSING), start).deliver(id);
        OutboxMail first = fixture.mail(id);
        assertEquals(MailState.PENDING, first.state());
        assertEquals(start.plusSeconds(30), first.nextAttemptAt());
        assertEquals("MessagingException: 451 try again later", first.lastError());
        assertEquals(List.of(), delivery(Optional.of(REFUSING), start.plusSeconds(29)).due(10));

        delivery(Optional.of(REFUSING), start.plusSeconds(30)).deliver(id);
        assertEquals(start.plusSeconds(30 + 60), fixture.mail(id).nextAttemptAt());

        delivery(Optional.of(REFUSING), start.plusSeconds(90)).deliver(id);
        OutboxMail last = fixture.mail(id);
        assertEquals(MailState.FAILED, last.state());
        assertEquals(3, last.attempts());
        assertTrue(last.lastError().contains("451"), last.lastError());
    }

    @Test
    void mailRefusedForGoodFailsAtTheFirstAttempt() {
        OutboxMail failed = deliveredOnce(Optional.of(mail -> {
            throw new MailRejectedException(new MessagingException("550 no such user"));
        }));
        assertEquals(MailState.FAILED, failed.state());
        assertEquals(1, failed.attempts());
        assertTrue(failed.lastError().endsWith("caused by MessagingException: 550 no such user"), failed.lastError());
    }

    @Test
    void withoutMailServerTheMailIsKept() {
        OutboxMail kept = deliveredOnce(Optional.empty());
        assertEquals(MailState.KEPT, kept.state());
        assertEquals(1, kept.attempts());
    }

    /** A new mail after one delivery attempt. */
    private OutboxMail deliveredOnce(Optional<MailTransport> transport) {
        String id = fixture.mailer.queueText("anna@example.test", "Invitation", "Join us");
        delivery(transport, Instant.now()).deliver(id);
        return fixture.mail(id);
    }

    private Delivery delivery(Optional<MailTransport> transport, Instant now) {
        return new Delivery(fixture.store(), transport, RETRY, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
    }
}
