package dev.kontor.mail.internal;

import java.time.Instant;

/** One row of the outbox. */
record OutboxMail(String id, String to, String subject, String body, String language, String module, MailState state,
        int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

    /** A new mail, due at once. */
    static OutboxMail queued(String id, String to, String subject, String body, String language, String module, Instant now) {
        return new OutboxMail(id, to, subject, body, language, module, MailState.PENDING, 0, now, null, now, null);
    }
}
