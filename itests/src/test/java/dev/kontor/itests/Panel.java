package dev.kontor.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;

/**
 * The panel over HTTP as one browser sees it: its own session cookie, and the CSRF token
 * of its last login for unsafe requests. Mostly the operator {@code admin}.
 */
final class Panel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private String csrfToken = "";

    private Panel(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** Waits until the panel answers, then logs in with the password the framework was started with. */
    static Panel loginAsAdmin(BundleContext context) {
        Panel panel = loggedOut(context);
        Reply reply = panel.logIn("admin", context.getProperty("kontor.admin.password"));
        assertEquals("login as admin: " + reply, 200, reply.status());
        return panel;
    }

    /** A browser without a session yet, once the panel answers. */
    static Panel loggedOut(BundleContext context) {
        URI base = URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        Panel panel = new Panel(http, base);
        Await.until("the panel to answer /api/v1/health", panel::healthStatus, status -> status == 200);
        return panel;
    }

    /** One login attempt; a successful one keeps its session cookie and CSRF token for the next requests. */
    Reply logIn(String username, String password) {
        ObjectNode login = JSON.createObjectNode().put("username", username).put("password", password);
        Reply reply = send(HttpRequest.newBuilder(base.resolve("api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(login.toString())));
        if (reply.status() == 200) {
            csrfToken = reply.json().path("csrf_token").asText();
        }
        return reply;
    }

    private int healthStatus() {
        try {
            return get("/api/v1/health").status();
        } catch (UncheckedIOException e) {
            return -1; // Jetty is not listening yet
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path.substring(1))).header("Accept-Language", "en").GET());
    }

    /** A JSON POST with the session's CSRF token, as the panel's own pages send it. */
    Reply post(String path, JsonNode body) {
        return sendJson("POST", path, body);
    }

    /** A JSON PATCH with the session's CSRF token, as the panel's own pages send it. */
    Reply patch(String path, JsonNode body) {
        return sendJson("PATCH", path, body);
    }

    private Reply sendJson(String method, String path, JsonNode body) {
        return send(HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .header("Accept-Language", "en")
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrfToken)
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The JSON of a path that must answer 200. */
    JsonNode json(String path) {
        Reply reply = get(path);
        assertEquals("GET " + path + ": " + reply, 200, reply.status());
        return reply.json();
    }

    /** The ids of {@code items} in a list answer such as the menu or the permissions. */
    List<String> itemIds(String path) {
        List<String> ids = new ArrayList<>();
        json(path).path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** The item with this id in a list answer. */
    Optional<JsonNode> item(String path, String id) {
        for (JsonNode item : json(path).path("items")) {
            if (id.equals(item.path("id").asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during a request", e);
        }
    }

    /** One HTTP answer. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + this, e);
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
