package dev.kontor.api.clients;

import java.util.Locale;

/**
 * Where and in which language a client is written to: the contact data the client
 * gave (C1, C5), for the mails other modules send about the client's account, such as
 * invoices and their reminders.
 *
 * @param email the client's contact address, lower case
 * @param language the client's language for mails and pages
 * @since 1.2
 */
public record ClientContact(String email, Locale language) {
}
