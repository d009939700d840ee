package dev.kontor.mail.internal;

import jakarta.mail.MessagingException;

/** The mail server refused the mail for good (a 5xx answer): trying again cannot help. */
final class MailRejectedException extends MessagingException {

    private static final long serialVersionUID = 1L;

    MailRejectedException(MessagingException refusal) {
        super("Refused for good by the mail server", refusal);
    }
}
