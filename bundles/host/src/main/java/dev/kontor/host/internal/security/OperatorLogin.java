package dev.kontor.host.internal.security;

import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in identity provider: the operator login {@code admin} alone, its password
 * hash kept in {@code <data>/host/operator.properties}. It answers whenever no other
 * {@link IdentityProvider} is registered, so the panel can always be administered.
 * {@link PanelSecurity} registers it as a service named {@link #BUILT_IN}, so that a
 * replacing provider can still check the operator's first password with it. It knows
 * no bearer tokens.
 */
final class OperatorLogin implements IdentityProvider {

    static final String USERNAME = "admin";
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    private static final Identity IDENTITY = new Identity(OPERATOR_ADMIN_ID, USERNAME, "Operator", OPERATOR_ORGANIZATION_ID,
            List.of(new Identity.OrganizationMembership(OPERATOR_ORGANIZATION_ID, "Operator")),
            Set.of(Identity.ALL_PERMISSIONS), true, "en");
    private static final Logger LOG = LoggerFactory.getLogger(OperatorLogin.class);

    /** Completes once the hash exists; on a first start it is computed off the start thread. */
    private final CompletableFuture<String> passwordHash;
    /** Where a generated password waits for the operator's first login, when there is one. */
    private final Path initialPasswordFile;

    private OperatorLogin(CompletableFuture<String> passwordHash, Path initialPasswordFile) {
        this.passwordHash = passwordHash;
        this.initialPasswordFile = initialPasswordFile;
    }

    /**
     * Loads the operator login, creating it on first start: the password comes from
     * {@code initialPassword} or, when that is blank, is generated and printed once.
     */
    static OperatorLogin loadOrCreate(Path dataFolder, String initialPassword) throws IOException {
        Path file = dataFolder.resolve("host").resolve("operator.properties");
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
            return new OperatorLogin(CompletableFuture.completedFuture(properties.getProperty("password")),
                    file.resolveSibling(INITIAL_PASSWORD_FILE));
        }
        String password = initialPassword == null || initialPassword.isBlank() ? Tokens.random().substring(0, 20) : initialPassword;
        Files.createDirectories(file.getParent());
        // Hashing takes a good part of a second by design; the panel starts serving meanwhile and a login waits for it.
        CompletableFuture<String> hash = CompletableFuture.supplyAsync(() -> store(file, PasswordHash.hash(password.toCharArray())));
        if (initialPassword == null || initialPassword.isBlank()) {
            // Printed once, to the console only, never to a log file. Where the console goes
            // nowhere (Karaf's bin/start), the owner-only file keeps it until the first login.
            Path passwordFile = file.resolveSibling(INITIAL_PASSWORD_FILE);
            writeOwnerOnly(passwordFile, password);
            System.out.println("Kontor: operator login created. Username: " + USERNAME + "  Password: " + password
                    + "  (also in " + passwordFile + " until the first login)");
        } else {
            LOG.info("Operator login {} created with the password from KONTOR_ADMIN_PASSWORD", USERNAME);
        }
        return new OperatorLogin(hash, file.resolveSibling(INITIAL_PASSWORD_FILE));
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, text + System.lineSeparator());
    }

    private static String store(Path file, String hash) {
        Properties properties = new Properties();
        properties.setProperty("username", USERNAME);
        properties.setProperty("password", hash);
        Path temporary = file.resolveSibling("operator.properties.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "Kontor operator login; delete this file to set a new password on the next start");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the operator login in " + file, e);
        }
        return hash;
    }

    @Override
    public Optional<Identity> authenticate(String username, char[] password) {
        if (USERNAME.equals(username) && PasswordHash.matches(password, passwordHash.join())) {
            forgetInitialPassword();
            return Optional.of(IDENTITY);
        }
        return Optional.empty();
    }

    /** The operator has logged in: the generated password need not lie around any longer. */
    private void forgetInitialPassword() {
        try {
            Files.deleteIfExists(initialPasswordFile);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", initialPasswordFile, e.getMessage());
        }
    }

    @Override
    public Optional<Identity> refresh(String userId, String organizationId) {
        return OPERATOR_ADMIN_ID.equals(userId) && OPERATOR_ORGANIZATION_ID.equals(organizationId)
                ? Optional.of(IDENTITY) : Optional.empty();
    }
}
