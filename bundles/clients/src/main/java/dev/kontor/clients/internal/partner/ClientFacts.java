package dev.kontor.clients.internal.partner;

import java.util.Locale;

/**
 * What partner access needs of a client: read by {@link PartnerStore} without the
 * internal description or any other contact data, so that none of it can reach a
 * partner (C2).
 *
 * @param email the client's contact address
 * @param language the client's language, for its mails
 */
record ClientFacts(String id, String organizationId, String name, String email, String language) {

    /** Whether the address is the client's contact address, ignoring case. */
    boolean contactAddress(String address) {
        return email.toLowerCase(Locale.ROOT).equals(address);
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
