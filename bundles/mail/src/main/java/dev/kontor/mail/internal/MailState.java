package dev.kontor.mail.internal;

import java.util.Locale;

/** Where a mail of the outbox stands; stored and shown in lower case. */
enum MailState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Claimed by one panel node, which is handing it to the mail server. */
    SENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Given up after the configured number of attempts. */
    FAILED,
    /** Not sent because no mail server is configured; the operator reads it in the panel. */
    KEPT;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MailState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
