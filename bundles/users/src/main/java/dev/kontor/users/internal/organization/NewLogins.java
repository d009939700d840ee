package dev.kontor.users.internal.organization;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.login.PasswordHasher;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A login someone creates for another person with a password (U3, C1): a member added as
 * a new login, the first owner of an account. One check for both, naming every invalid
 * field at once so a form can show them together.
 */
public final class NewLogins {

    static final int MAX_DISPLAY_NAME = 200;
    private static final Set<String> LANGUAGES = Set.of("en", "de");

    private NewLogins() {
    }

    /**
     * The login checked, with its password hashed (which takes a while: done only for
     * valid input, and best before any row is locked).
     *
     * @param prefix put before every field name, e.g. {@code new_login.}; may be empty
     * @param language {@code en} or {@code de}, the caller's default already applied
     * @throws ValidationException naming, in this order, the username, email,
     *         display_name, language and password when invalid
     */
    public static Validated valid(String prefix, String username, String email, String displayName, String language,
            String password, int passwordMinLength) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        String validUsername = TextFields.collect(errors, () -> Logins.validUsername(prefix + "username", username));
        String validEmail = TextFields.collect(errors, () -> Logins.validEmail(prefix + "email", email));
        String validName = TextFields.collect(errors,
                () -> TextFields.name(prefix + "display_name", displayName, MAX_DISPLAY_NAME));
        if (language == null || !LANGUAGES.contains(language)) {
            errors.add(new ValidationException.FieldError(prefix + "language", "en or de"));
        }
        char[] validPassword = TextFields.collect(errors,
                () -> Logins.validPassword(prefix + "password", password, passwordMinLength));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String hash = PasswordHasher.DEFAULT.hash(validPassword);
        Arrays.fill(validPassword, '\0');
        return new Validated(new Logins.NewLogin(validUsername, validEmail, validName, language), hash);
    }

    /**
     * Stores the login.
     *
     * @return its id
     * @throws ValidationException on {@code <prefix>username} when the name is taken
     */
    public static String create(Connection connection, String prefix, Validated login) throws SQLException {
        try {
            return Logins.create(connection, login.login(), login.passwordHash()).id();
        } catch (ValidationException invalid) {
            throw new ValidationException(invalid.errors().stream()
                    .map(error -> new ValidationException.FieldError(prefix + error.field(), error.message())).toList());
        }
    }

    /** A checked new login with its password already hashed. */
    public record Validated(Logins.NewLogin login, String passwordHash) {

        @Override
        public String toString() {
            return "Validated[" + login.username() + "]"; // never the hash
        }
    }
}
