package dev.kontor.users.internal.login;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code users_login} table: one row per person who can log in. */
public final class Logins {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,99}");
    /** A local part, then a domain of at least two non-empty labels; which characters may appear is {@link #addressCharacter}. */
    private static final Pattern EMAIL = Pattern.compile("[^@]{1,64}@[^@.]+(\\.[^@.]+)+");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, username, email, display_name, language, password_hash, version";

    private Logins() {
    }

    public static Optional<Login> byUsername(Connection connection, String username) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM users_login WHERE username_key = ?", key(username));
    }

    public static Optional<Login> byId(Connection connection, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM users_login WHERE id = ?", id);
    }

    /**
     * Creates a login.
     *
     * @throws ValidationException when a field is invalid or the username is taken
     */
    public static Login create(Connection connection, NewLogin login, String passwordHash) throws SQLException {
        if (byUsername(connection, login.username()).isPresent()) {
            throw new ValidationException("username", "is taken");
        }
        Login created = new Login(Ids.newId("usr"), login.username(), login.email(), login.displayName(), login.language(),
                passwordHash, 0);
        insert(connection, created);
        return created;
    }

    /** The operator login {@code admin} and its ownership of the operator's organization, from the first start (U1). */
    public static void ensureOperatorAdmin(Connection connection) throws SQLException {
        if (byId(connection, IdentityProvider.OPERATOR_ADMIN_ID).isEmpty()) {
            // No password of its own: the host's built-in login keeps checking the first one until it is changed.
            insert(connection, new Login(IdentityProvider.OPERATOR_ADMIN_ID, "admin", null, "Operator", "en", null, 0));
            try (PreparedStatement member = connection.prepareStatement("INSERT INTO users_membership "
                    + "(organization_id, user_id, role_id, joined_at) VALUES (?, ?, 'owner', ?)")) {
                member.setString(1, IdentityProvider.OPERATOR_ORGANIZATION_ID);
                member.setString(2, IdentityProvider.OPERATOR_ADMIN_ID);
                member.setTimestamp(3, Timestamp.from(Instant.now()));
                member.executeUpdate();
            }
        }
    }

    /**
     * Renames a login; a change of case alone is a rename too.
     *
     * @throws ValidationException on {@code username} when another login has the name
     */
    public static void setUsername(Connection connection, String id, String username) throws SQLException {
        if (byUsername(connection, username).filter(other -> !other.id().equals(id)).isPresent()) {
            throw new ValidationException("username", "is taken");
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users_login SET username = ?, username_key = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, username);
            update.setString(2, key(username));
            update.setString(3, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw takenOr(e);
        }
    }

    public static void setPasswordHash(Connection connection, String id, String hash) throws SQLException {
        update(connection, "UPDATE users_login SET password_hash = ?, version = version + 1 WHERE id = ?", hash, id);
    }

    public static void setEmail(Connection connection, String id, String email) throws SQLException {
        update(connection, "UPDATE users_login SET email = ?, version = version + 1 WHERE id = ?", email, id);
    }

    /** A valid username, stripped; else a validation error on {@code field}. */
    public static String validUsername(String field, String username) {
        String value = username == null ? "" : username.strip();
        if (!USERNAME.matcher(value).matches()) {
            throw new ValidationException(field, "3 to 100 letters, digits or . _ @ + -, starting with a letter or digit");
        }
        return value;
    }

    /**
     * A plausible e-mail address, stripped; else a validation error on {@code field}. The
     * one rule for every address this module stores or mails to: no control characters
     * (PostgreSQL refuses a NUL in a parameter, the mail bundle refuses any), no white
     * space, no invisible formatting characters and no broken surrogate pairs.
     */
    public static String validEmail(String field, String email) {
        String value = email == null ? "" : email.strip();
        if (value.length() > 254 || !EMAIL.matcher(value).matches() || !value.codePoints().allMatch(Logins::addressCharacter)) {
            throw new ValidationException(field, "a valid e-mail address");
        }
        return value;
    }

    /** A password long enough, and not absurdly long (hashing cost grows with it). */
    public static char[] validPassword(String field, String password, int minLength) {
        if (password == null || password.length() < minLength || password.length() > 200) {
            throw new ValidationException(field, "between " + minLength + " and 200 characters");
        }
        return password.toCharArray();
    }

    private static boolean addressCharacter(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                && type != Character.FORMAT && type != Character.SURROGATE;
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static void insert(Connection connection, Login login) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_login (id, username, username_key, "
                + "email, display_name, language, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, login.id());
            insert.setString(2, login.username());
            insert.setString(3, key(login.username()));
            insert.setString(4, login.email());
            insert.setString(5, login.displayName());
            insert.setString(6, login.language());
            insert.setString(7, login.passwordHash());
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw takenOr(e);
        }
    }

    /** The name was taken by a concurrent change after it was checked, or some other failure. */
    private static SQLException takenOr(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw new ValidationException("username", "is taken"); // lost a race for the same name
        }
        return e;
    }

    private static void update(Connection connection, String sql, String value, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    private static Optional<Login> one(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Login(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getLong(7))) : Optional.empty();
            }
        }
    }

    /** A login as stored; {@code passwordHash} never leaves the module. */
    public record Login(String id, String username, String email, String displayName, String language, String passwordHash,
            long version) {

        @Override
        public String toString() {
            return "Login[" + id + ", " + username + "]"; // never the hash
        }
    }

    /** What a new login needs besides its password. */
    public record NewLogin(String username, String email, String displayName, String language) {
    }
}
