package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A logged-in browser-like client: the session cookie in a cookie store, the CSRF token at hand. */
final class PanelSession {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final int LONG_REQUEST_SECONDS = 180;
    /** The largest page the lists serve. */
    private static final int MAX_PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningPanel panel;
    private final HttpClient client;
    private final String csrfToken;
    private final HttpResponse<String> loginAnswer;

    private PanelSession(RunningPanel panel, HttpClient client, HttpResponse<String> loginAnswer) {
        this.panel = panel;
        this.client = client;
        this.loginAnswer = loginAnswer;
        this.csrfToken = json(loginAnswer).path("csrf_token").asText("");
    }

    static PanelSession logIn(RunningPanel panel, String username, String password) throws IOException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> answer = postLogin(panel, client, username, password);
        assertStatus(200, answer);
        return new PanelSession(panel, client, answer);
    }

    static HttpResponse<String> postLogin(RunningPanel panel, HttpClient client, String username, String password)
            throws IOException {
        return RunningPanel.send(client, HttpRequest.newBuilder(panel.uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(loginBody(username, password))));
    }

    static String loginBody(String username, String password) {
        return JSON.createObjectNode().put("username", username).put("password", password).toString();
    }

    HttpResponse<String> loginAnswer() {
        return loginAnswer;
    }

    String csrfToken() {
        return csrfToken;
    }

    HttpResponse<String> get(String path) throws IOException {
        return RunningPanel.send(client, HttpRequest.newBuilder(panel.uri(path)).GET());
    }

    /** GET that must answer 200 with JSON. */
    JsonNode getJson(String path) throws IOException {
        HttpResponse<String> answer = get(path);
        assertStatus(200, answer);
        return json(answer);
    }

    /** An unsafe request as the shell sends it: cookie and X-CSRF-Token. */
    HttpResponse<String> send(String method, String path) throws IOException {
        return RunningPanel.send(client, HttpRequest.newBuilder(panel.uri(path)).header(CSRF_HEADER, csrfToken)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** A request of this session carrying the X-CSRF-Token; method, headers and body are the caller's. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(panel.uri(path)).header(CSRF_HEADER, csrfToken);
    }

    /** Sends with this session's cookie whatever the request carries. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        return RunningPanel.send(client, request);
    }

    /** The same, answered in the background; for requests that run long (timeout {@value #LONG_REQUEST_SECONDS} s). */
    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return client.sendAsync(request.timeout(Duration.ofSeconds(LONG_REQUEST_SECONDS)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An unsafe JSON request as the shell sends it. */
    HttpRequest.Builder jsonRequest(String method, String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    /** Every item of a paged list, following next_cursor; {@code path} has no query yet. */
    List<JsonNode> allItems(String path) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String query = "limit=" + MAX_PAGE + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = getJson(path + (path.contains("?") ? "&" : "?") + query);
            page.path("items").forEach(items::add);
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /** Waits until the example module serves this session, e.g. after the panel (re)started with it deployed. */
    void awaitHello() {
        Eventually.until("GET /api/v1/hello answers 200", Eventually.HOT_DEPLOY,
                () -> get("/api/v1/hello").statusCode() == 200);
    }

    /** The same request with the cookie only, as a cross-site form would send it. */
    HttpResponse<String> sendWithoutCsrfToken(String method, String path) throws IOException {
        return RunningPanel.send(client, HttpRequest.newBuilder(panel.uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Errors are application/problem+json carrying their status. */
    static void assertProblem(int status, HttpResponse<String> response) {
        assertStatus(status, response);
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), "Content-Type was " + type);
        assertEquals(status, json(response).path("status").asInt(), response.body());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
