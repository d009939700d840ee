package dev.kontor.e2e;

import static dev.kontor.e2e.PanelSession.assertProblem;
import static dev.kontor.e2e.PanelSession.json;
import static dev.kontor.e2e.RunningPanel.ADMIN;
import static dev.kontor.e2e.RunningPanel.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Past the configured rate a source address gets 429 with Retry-After, and login
 * attempts are limited per username. Each test sends from a loopback address of its own
 * (see {@link LoopbackHttp}), so that it starts with a full allowance.
 */
class RateLimitIT {

    private static final String PASSWORD = "e2e-RateLimit-Passw0rd";
    private static final int REQUESTS_PER_MINUTE = 20;
    private static final int LOGINS_PER_MINUTE_PER_USERNAME = 5;

    private static RunningPanel panel;

    @BeforeAll
    static void start() {
        panel = RunningPanel.fresh("rate-limit", PASSWORD)
                .config(RunningPanel.LIMITS, Map.of("requests.per.minute.per.address", REQUESTS_PER_MINUTE,
                        "login.attempts.per.minute.per.username", LOGINS_PER_MINUTE_PER_USERNAME))
                .start();
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void requestsPastThePerAddressLimitAreRefusedWith429AndRetryAfter() throws IOException {
        LoopbackHttp client = new LoopbackHttp(panel, "127.0.0.2");
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_MINUTE; i++) {
            HttpResponse<String> answer = client.get("/api/v1/health");
            assertStatus(200, answer);
            assertEquals(REQUESTS_PER_MINUTE, header(answer, "RateLimit-Limit"), answer.headers().toString());
            remaining.add(header(answer, "RateLimit-Remaining"));
        }
        for (int i = 1; i < remaining.size(); i++) {
            assertTrue(remaining.get(i) < remaining.get(i - 1), "RateLimit-Remaining does not decrease: " + remaining);
        }

        HttpResponse<String> refused = client.get("/api/v1/health");

        assertProblem(429, refused);
        assertTrue(header(refused, "Retry-After") >= 1, refused.headers().toString());
        assertEquals(0, header(refused, "RateLimit-Remaining"), refused.headers().toString());
    }

    @Test
    void loginAttemptsPastThePerUsernameLimitAreRefusedEvenWithTheRightPassword() throws IOException {
        LoopbackHttp client = new LoopbackHttp(panel, "127.0.0.3");
        for (int i = 0; i < LOGINS_PER_MINUTE_PER_USERNAME; i++) {
            assertProblem(401, login(client, ADMIN, PASSWORD + "-wrong-" + i));
        }

        HttpResponse<String> refused = login(client, ADMIN, PASSWORD);

        assertProblem(429, refused);
        assertEquals("/problems/login-rate-limited", json(refused).path("type").asText(), refused.body());
        assertTrue(header(refused, "Retry-After") >= 1, refused.headers().toString());
        // Counted per username: another one from the same address is still checked, and refused as usual.
        assertProblem(401, login(client, "someone-else", PASSWORD));
    }

    private static HttpResponse<String> login(LoopbackHttp client, String username, String password) throws IOException {
        return client.postJson("/api/v1/session", PanelSession.loginBody(username, password));
    }

    private static int header(HttpResponse<String> answer, String name) {
        return Integer.parseInt(answer.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("no " + name + " header: " + answer.headers())));
    }
}
