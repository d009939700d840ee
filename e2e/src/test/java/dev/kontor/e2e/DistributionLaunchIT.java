package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** bin/kontor as an operator meets it: first-start password, port choice, clean stop. */
class DistributionLaunchIT {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("Password: (\\S+)");

    @Test
    void firstStartWithoutAdminPasswordPrintsGeneratedOneOnceAndRestartKeepsIt() throws IOException {
        Path home = RunningPanel.freshHome("generated-password");
        String password;
        try (RunningPanel first = RunningPanel.in(home).start()) {
            Eventually.until("the generated password is printed", Duration.ofSeconds(10),
                    () -> PRINTED_PASSWORD.matcher(first.stdout()).find());
            List<String> printed = passwordsPrinted(first.stdout());
            assertEquals(1, printed.size(), first.stdout());
            password = printed.get(0);
            first.login(ADMIN, password);
        }

        try (RunningPanel second = RunningPanel.in(home).start()) {
            second.login(ADMIN, password);
            // The login worked, so the operator login is loaded: anything it prints is out by now.
            assertEquals(List.of(), passwordsPrinted(second.stdout()), second.stdout());
            assertFalse(second.stdout().contains(password), second.stdout());
        }
    }

    @Test
    void portOptionChoosesThePort() throws IOException {
        try (RunningPanel panel = RunningPanel.in(RunningPanel.freshHome("port-option")).start()) {
            assertServesOnItsPort(panel);
        }
    }

    @Test
    void portEnvironmentVariableChoosesThePort() throws IOException {
        try (RunningPanel panel = RunningPanel.in(RunningPanel.freshHome("port-env")).portFromEnvironment().start()) {
            assertServesOnItsPort(panel);
        }
    }

    @Test
    void sigtermStopsThePanelCleanly() {
        try (RunningPanel panel = RunningPanel.startFresh("sigterm", "e2e-Sigterm-Passw0rd")) {
            OptionalInt exit = panel.terminate();

            assertTrue(exit.isPresent(), "did not stop within " + RunningPanel.CLEAN_STOP.toSeconds()
                    + " s of SIGTERM and had to be killed\n" + panel.console());
            assertEquals(0, exit.getAsInt(), panel.console());
        }
    }

    /** Ready means health answered on the chosen port; the banner must name that port too. */
    private static void assertServesOnItsPort(RunningPanel panel) throws IOException {
        RunningPanel.assertStatus(200, panel.get("/api/v1/health"));
        assertTrue(panel.stdout().contains("Kontor is starting on http://127.0.0.1:" + panel.port() + "/"), panel.stdout());
    }

    private static List<String> passwordsPrinted(String stdout) {
        Matcher matcher = PRINTED_PASSWORD.matcher(stdout);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
