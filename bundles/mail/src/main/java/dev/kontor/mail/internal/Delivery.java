package dev.kontor.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers mails of the outbox, one at a time: claims it, hands it to the mail server
 * (or keeps it when there is none), and records the outcome. Safe to run on several
 * panel nodes over one database; logs ids, never addresses or contents.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final MailStore store;
    private final Optional<MailTransport> transport;
    private final RetryPolicy retry;
    private final Duration sendingTimeout;
    private final Clock clock;

    /** @param transport empty: no mail server configured, mails are kept */
    Delivery(MailStore store, Optional<MailTransport> transport, RetryPolicy retry, Duration sendingTimeout, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.retry = retry;
        this.sendingTimeout = sendingTimeout;
        this.clock = clock;
    }

    /** Puts mails back whose node stopped while sending them longer than the sending timeout ago. */
    void releaseStuck() {
        Instant now = clock.instant();
        int released = store.releaseStuck(now.minus(sendingTimeout), now);
        if (released > 0) {
            LOG.warn("{} mail(s) stuck in sending put back to pending", released);
        }
    }

    /** Ids of the mails due now, at most {@code limit}. */
    List<String> due(int limit) {
        return store.due(clock.instant(), limit);
    }

    /** Delivers the mail if this node wins its claim; a mail another node took is left alone. */
    void deliver(String id) {
        Optional<OutboxMail> claimed = store.claim(id, clock.instant());
        if (claimed.isEmpty()) {
            return;
        }
        OutboxMail mail = claimed.get();
        if (transport.isEmpty()) {
            store.markKept(id);
            LOG.info("Mail {} kept for the operator: no SMTP server configured", id);
            return;
        }
        try {
            transport.get().send(mail);
        } catch (Exception e) {
            failed(mail, e);
            return;
        }
        store.markSent(id, clock.instant());
        LOG.info("Mail {} sent", id);
    }

    private void failed(OutboxMail mail, Exception e) {
        String error = describe(e);
        if (retry.exhausted(mail.attempts()) || e instanceof MailRejectedException) {
            store.markFailed(mail.id(), error);
            LOG.warn("Mail {} failed at attempt {} ({}); given up", mail.id(), mail.attempts(), e.getClass().getSimpleName());
            return;
        }
        Instant next = clock.instant().plus(retry.delayAfter(mail.attempts()));
        store.retryLater(mail.id(), next, error);
        LOG.info("Mail {} not sent at attempt {} ({}); next attempt at {}", mail.id(), mail.attempts(),
                e.getClass().getSimpleName(), next);
    }

    /** The reason for the operator: the exception and its causes, which name the server's answer. */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < MailStore.MAX_ERROR; cause = cause.getCause()) {
            text.append(text.length() == 0 ? "" : "; caused by ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage().strip());
            }
        }
        return text.toString();
    }
}
