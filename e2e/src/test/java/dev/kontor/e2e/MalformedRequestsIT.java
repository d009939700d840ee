package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kontor.e2e.MalformedRequests.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends wrong, the panel answers with a 4xx problem document, never
 * with a 5xx, and stores nothing.
 */
class MalformedRequestsIT {

    private static final String PASSWORD = "e2e-Malformed-Passw0rd";
    private static final long SEED = 20_261_123L;
    private static final int REQUESTS = 1_000;
    /** Small, so that bodies over it are cheap to send. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final int SHOWN_VIOLATIONS = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningPanel panel;
    private static PanelSession operator;

    @BeforeAll
    static void start() throws IOException {
        // The rate limit would answer 429 in place of the checks under test.
        panel = RunningPanel.fresh("malformed-requests", PASSWORD).withHello()
                .config(RunningPanel.LIMITS, Map.of("requests.per.minute.per.address", 100_000,
                        "max.request.bytes", MAX_REQUEST_BYTES))
                .start();
        operator = panel.login(ADMIN, PASSWORD);
        operator.awaitHello();
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void malformedRequestsGetFourHundredsAsProblemJsonAndStoreNothing() throws IOException {
        List<Violation> violations = new ArrayList<>();
        for (Request request : new MalformedRequests(SEED, MAX_REQUEST_BYTES).take(REQUESTS)) {
            try {
                String violation = violation(answer(request));
                if (violation != null) {
                    violations.add(new Violation(request, violation));
                }
            } catch (IOException e) {
                violations.add(new Violation(request, "no answer: " + e.getMessage()));
            }
        }

        assertAll(() -> assertTrue(violations.isEmpty(), () -> summary(violations)),
                MalformedRequestsIT::assertHealthy,
                () -> assertEquals(List.of(), operator.allItems("/api/v1/hello/greetings").stream()
                        .map(greeting -> greeting.path("name").asText()).toList(), "greetings stored by malformed requests"));
    }

    /**
     * The answer, sent once more when the connection kept alive from an earlier request
     * turned out closed: Jetty closes it (without "Connection: close") after an answer
     * given without reading a body that had not fully arrived, and RFC 9112 (9.3.1)
     * leaves the retry to the client.
     */
    private static HttpResponse<String> answer(Request request) throws IOException {
        try {
            return send(request);
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException closedConnection) {
            return send(request);
        }
    }

    private static HttpResponse<String> send(Request request) throws IOException {
        HttpRequest.Builder builder = request.sender() == MalformedRequests.Sender.SESSION
                ? operator.request(request.path())
                : HttpRequest.newBuilder(panel.uri(request.path()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), body(request));
        return request.sender() == MalformedRequests.Sender.ANONYMOUS ? panel.send(builder) : operator.send(builder);
    }

    private static HttpRequest.BodyPublisher body(Request request) {
        if (request.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        // A publisher of unknown length makes the client send the body chunked, without a Content-Length.
        return request.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
    }

    /** What is wrong with the answer, or null: a 4xx problem+json whose status matches, with field errors on validation. */
    private static String violation(HttpResponse<String> answer) {
        String shown = answer.statusCode() + " " + answer.headers().firstValue("Content-Type").orElse("(no Content-Type)")
                + " " + abbreviate(answer.body());
        if (answer.statusCode() < 400 || answer.statusCode() > 499) {
            return "not a 4xx: " + shown;
        }
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not problem+json: " + shown;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            return "body is not JSON: " + shown;
        }
        if (!problem.path("type").isTextual() || !problem.path("title").isTextual()
                || problem.path("status").asInt() != answer.statusCode()) {
            return "no type, title and matching status: " + shown;
        }
        if ("/problems/validation".equals(problem.path("type").asText()) && !namesFields(problem.path("errors"))) {
            return "validation problem without errors naming fields: " + shown;
        }
        return null;
    }

    private static boolean namesFields(JsonNode errors) {
        return errors.isArray() && !errors.isEmpty()
                && StreamSupport.stream(errors.spliterator(), false).allMatch(error -> error.path("field").isTextual());
    }

    /** Up, every module still active (a 5xx would mark the module that threw as failed) and the session still valid. */
    private static void assertHealthy() throws IOException {
        JsonNode health = PanelSession.json(panel.get("/api/v1/health"));
        assertEquals("UP", health.path("status").asText(), health.toString());
        health.path("modules").forEach(module ->
                assertEquals("active", module.path("state").asText(), "module after the malformed requests: " + health));
        RunningPanel.assertStatus(200, operator.get("/api/v1/session"));
    }

    /** How many per kind, then the first few requests with their answers. */
    private static String summary(List<Violation> violations) {
        Map<String, Long> perKind = violations.stream()
                .collect(Collectors.groupingBy(violation -> violation.request().kind(), TreeMap::new, Collectors.counting()));
        return violations.size() + " of " + REQUESTS + " malformed requests (seed " + SEED + ") were not answered with "
                + "a 4xx problem. Per kind: " + perKind + ". The first " + Math.min(SHOWN_VIOLATIONS, violations.size())
                + ":\n" + violations.stream().limit(SHOWN_VIOLATIONS)
                        .map(violation -> violation.request().describe() + "\n    -> " + violation.problem())
                        .collect(Collectors.joining("\n"));
    }

    private record Violation(Request request, String problem) {
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
