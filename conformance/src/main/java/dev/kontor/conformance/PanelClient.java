package dev.kontor.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * The panel over HTTP as one browser sees it: its own cookie store and, once logged in,
 * the session's CSRF token on every request, so that what refuses a call is the access
 * check and never the missing token.
 */
record PanelClient(HttpClient http, URI base, String csrfToken) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** A client without a session. */
    static PanelClient anonymous(URI base) {
        return new PanelClient(newHttp(), base, "");
    }

    /** A logged-in client; fails naming the login when the panel refuses it. */
    static PanelClient logIn(URI base, String username, String password) {
        HttpClient http = newHttp();
        PanelClient loggingIn = new PanelClient(http, base, "");
        Answer answer = loggingIn.send("POST", "/api/v1/session",
                JSON.createObjectNode().put("username", username).put("password", password).toString());
        if (answer.status() != 200) {
            throw new IllegalStateException("The panel refused the login " + username + ": " + answer);
        }
        return new PanelClient(http, base, answer.json().path("csrf_token").asText(""));
    }

    private static HttpClient newHttp() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One request; a body, when given, is sent as JSON. A panel that is not listening answers status 0. */
    Answer send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (!csrfToken.isEmpty()) {
            request.header("X-CSRF-Token", csrfToken);
        }
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.net.ConnectException e) {
            return new Answer(0, e.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    /** A request that must succeed (200 or 201), answering its JSON. */
    JsonNode expectSuccess(String method, String path, String jsonBody) {
        Answer answer = send(method, path, jsonBody);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException(method + " " + path + " was expected to succeed: " + answer);
        }
        return answer.json();
    }

    /** The {@code id}s of the items of a list answer such as the menu or the permissions. */
    List<String> itemIds(String path) {
        List<String> ids = new ArrayList<>();
        expectSuccess("GET", path, null).path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** One HTTP answer. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }
}
