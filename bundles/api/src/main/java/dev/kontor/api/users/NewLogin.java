package dev.kontor.api.users;

/**
 * The first login of a new account.
 *
 * @param username unique across the panel
 * @param password in clear, hashed by the users module and never kept
 * @param email the login's address for mails
 * @param displayName the name shown for the login
 * @param language {@code en} or {@code de}; null for {@code en}
 */
public record NewLogin(String username, String password, String email, String displayName, String language) {

    @Override
    public String toString() {
        return "NewLogin[" + username + "]"; // never the password
    }
}
