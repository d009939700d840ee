package dev.kontor.users.internal.invitation;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.users.internal.login.Logins;

/** E-mail addresses this module mails links to. */
final class Addresses {

    private Addresses() {
    }

    /**
     * A plausible address without control characters (which the mail bundle refuses and
     * PostgreSQL refuses in a parameter), stripped; else a validation error on {@code field}.
     */
    static String valid(String field, String email) {
        String address = Logins.validEmail(field, email);
        if (address.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, "a valid e-mail address");
        }
        return address;
    }
}
