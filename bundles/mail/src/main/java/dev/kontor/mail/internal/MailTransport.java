package dev.kontor.mail.internal;

import jakarta.mail.MessagingException;

/** Hands a mail to a mail server. */
interface MailTransport {

    /** Returns once the server accepted the mail; throws when it did not. */
    void send(OutboxMail mail) throws MessagingException;
}
