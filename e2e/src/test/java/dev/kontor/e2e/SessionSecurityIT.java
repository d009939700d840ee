package dev.kontor.e2e;

import static dev.kontor.e2e.PanelSession.assertProblem;
import static dev.kontor.e2e.PanelSession.json;
import static dev.kontor.e2e.RunningPanel.ADMIN;
import static dev.kontor.e2e.RunningPanel.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login, session cookie and CSRF protection of one panel started with KONTOR_ADMIN_PASSWORD. */
class SessionSecurityIT {

    private static final String PASSWORD = "e2e-Operator-Passw0rd";
    /** 128 bits in unpadded base64url. */
    private static final String TOKEN_PATTERN = "[A-Za-z0-9_-]{22,}";

    private static RunningPanel panel;

    @BeforeAll
    static void start() {
        panel = RunningPanel.startFresh("session-security", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void operatorLogsInWithPasswordFromEnvironmentOnFirstStart() throws IOException {
        PanelSession session = panel.login(ADMIN, PASSWORD);

        assertEquals(ADMIN, session.getJson("/api/v1/session").path("user").path("username").asText());
        assertFalse(panel.stdout().contains(PASSWORD), "the given password must not be echoed");
    }

    @Test
    void loginSetsHttpOnlyStrictSessionCookieWithEnoughRandomnessAndCsrfToken() throws IOException {
        HttpResponse<String> first = panel.login(ADMIN, PASSWORD).loginAnswer();
        HttpResponse<String> second = panel.login(ADMIN, PASSWORD).loginAnswer();

        List<String> attributes = sessionCookie(first);
        String value = attributes.get(0).substring("KONTOR_SESSION=".length());
        assertTrue(value.matches(TOKEN_PATTERN), "session id too short or not base64url: " + value);
        assertTrue(attributes.contains("httponly"), "no HttpOnly: " + attributes);
        assertTrue(attributes.contains("samesite=strict"), "no SameSite=Strict: " + attributes);
        assertNotEquals(sessionCookie(second).get(0), attributes.get(0), "two logins got the same session id");
        assertTrue(json(first).path("csrf_token").asText().matches(TOKEN_PATTERN), first.body());
    }

    @Test
    void unsafeRequestWithCookieButWithoutCsrfTokenIsRefused() throws IOException {
        PanelSession session = panel.login(ADMIN, PASSWORD);

        assertProblem(403, session.sendWithoutCsrfToken("DELETE", "/api/v1/session"));
        assertStatus(200, session.get("/api/v1/session"));
        // The same logout with the token works, so the refusal above was about the token.
        assertStatus(204, session.send("DELETE", "/api/v1/session"));
        assertStatus(401, session.get("/api/v1/session"));
    }

    @Test
    void wrongPasswordIsRefusedWithProblemJson() throws IOException {
        HttpResponse<String> answer = panel.tryLogin(ADMIN, PASSWORD + "x");

        assertProblem(401, answer);
        assertTrue(answer.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("KONTOR_SESSION=")),
                "a failed login must not set a session cookie");
    }

    /** The KONTOR_SESSION Set-Cookie header: the name=value pair first, then the lower-cased attributes. */
    private static List<String> sessionCookie(HttpResponse<String> answer) {
        String header = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("KONTOR_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no KONTOR_SESSION cookie in " + answer.headers()));
        List<String> parts = Arrays.stream(header.split(";")).map(String::trim).toList();
        return Stream.concat(parts.stream().limit(1),
                parts.stream().skip(1).map(part -> part.toLowerCase(Locale.ROOT).replace(" ", ""))).toList();
    }
}
