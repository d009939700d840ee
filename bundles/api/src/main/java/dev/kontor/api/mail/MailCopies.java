package dev.kontor.api.mail;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Asked, for every mail queued to a recipient, who else gets a copy: e.g. the clients
 * module answers with a partner's address when the partner switched on copies of the
 * client's system mails (C8). Each copy is its own mail in the outbox, written in the
 * same transaction as the original. Register it as a service; every registered one is
 * asked.
 */
@ConsumerType
public interface MailCopies {

    /**
     * The addresses that get a copy of a mail to {@code recipient}; empty for none.
     * Called inside the queuing transaction: keep it to a lookup, and never queue mail
     * from here. Addresses that are not valid, or the recipient itself, are skipped.
     *
     * @param recipient the original recipient's address, lower case
     */
    Set<String> copiesFor(String recipient);
}
