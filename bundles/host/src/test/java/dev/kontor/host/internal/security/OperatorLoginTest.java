package dev.kontor.host.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.security.Identity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorLoginTest {

    @TempDir
    Path data;

    @Test
    void firstStartUsesTheGivenPasswordAndStoresOnlyAHash() throws Exception {
        OperatorLogin login = OperatorLogin.loadOrCreate(data, "s3cret-from-env");
        assertTrue(login.authenticate("admin", "s3cret-from-env".toCharArray()).isPresent());
        assertFalse(login.authenticate("admin", "wrong".toCharArray()).isPresent());
        assertFalse(login.authenticate("root", "s3cret-from-env".toCharArray()).isPresent());
        String stored = Files.readString(data.resolve("host/operator.properties"));
        assertFalse(stored.contains("s3cret-from-env"), "the password itself is never written");
    }

    @Test
    void firstStartWithoutPasswordPrintsAGeneratedOneOnceAndLaterStartsKeepIt() throws Exception {
        // authenticate waits for the hash, which is computed and stored in the background
        String printed = captureStdout(() -> OperatorLogin.loadOrCreate(data, null).authenticate("admin", new char[0]));
        Matcher matcher = Pattern.compile("Password: (\\S+)").matcher(printed);
        assertTrue(matcher.find(), printed);
        String password = matcher.group(1);
        assertTrue(password.length() >= 16);
        Path kept = data.resolve("host").resolve(OperatorLogin.INITIAL_PASSWORD_FILE);
        assertEquals(password, Files.readString(kept).strip(), "kept for consoles nobody reads (Karaf's bin/start)");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));

        String printedAgain = captureStdout(() -> OperatorLogin.loadOrCreate(data, "ignored-now"));
        assertEquals("", printedAgain, "the password is printed on the first start only");
        OperatorLogin reloaded = OperatorLogin.loadOrCreate(data, "ignored-now");
        assertTrue(reloaded.authenticate("admin", password.toCharArray()).isPresent());
        assertFalse(Files.exists(kept), "deleted at the first successful login");
        assertFalse(reloaded.authenticate("admin", "ignored-now".toCharArray()).isPresent());
    }

    @Test
    void operatorHoldsEveryPermissionInTheOperatorOrganizationOnly() throws Exception {
        OperatorLogin login = OperatorLogin.loadOrCreate(data, "pw-123456");
        Identity identity = login.authenticate("admin", "pw-123456".toCharArray()).orElseThrow();
        assertTrue(identity.operator());
        assertTrue(identity.permissions().contains(Identity.ALL_PERMISSIONS));
        assertTrue(login.refresh(identity.userId(), identity.organizationId()).isPresent());
        assertTrue(login.refresh(identity.userId(), "someone-else").isEmpty());
        assertTrue(login.refresh("another-user", identity.organizationId()).isEmpty());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String captureStdout(Action action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
