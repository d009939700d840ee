package dev.kontor.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Requests the panel must refuse with a 4xx problem, drawn from a seeded {@link Random}
 * so that a failure can be replayed: broken and mistyped JSON, unknown fields, bodies
 * over the size limit, bad paging parameters, wrong content types and methods, unknown
 * paths, a missing CSRF token or session. None of them may store anything.
 */
final class MalformedRequests {

    /** Who sends: the operator's session with its CSRF token, the same without the token, or nobody logged in. */
    enum Sender { SESSION, SESSION_WITHOUT_CSRF, ANONYMOUS }

    /** One request; {@code body} null means none, {@code chunked} sends it without a Content-Length. */
    record Request(String kind, Sender sender, String method, String path, String contentType, byte[] body,
            boolean chunked) {

        String describe() {
            String shown = body == null ? "(no body)" : body.length > 200
                    ? new String(body, 0, 200, StandardCharsets.UTF_8) + "... (" + body.length + " bytes)"
                    : new String(body, StandardCharsets.UTF_8);
            return "[" + kind + "] " + method + " " + path + " as " + sender + ", Content-Type: " + contentType
                    + (chunked ? ", chunked" : "") + ", body: " + shown;
        }
    }

    /**
     * An endpoint that reads a JSON object {@code {"<field>": <value><rest>}}. With its own
     * value the body is well-formed: the login and the organization switch are refused
     * even then (a wrong password, an organization the operator is not in), the greetings
     * only go out with something else wrong.
     */
    private record JsonEndpoint(String method, String path, String field, String value, String rest) {
        String wellFormed() {
            return with(value);
        }

        /** The body with another JSON text as the field's value. */
        String with(String json) {
            return "{\"" + field + "\":" + json + rest + "}";
        }
    }

    private static final List<JsonEndpoint> JSON_ENDPOINTS = List.of(
            // A wrong password and an organization the operator is not in: even a well-formed body changes nothing.
            new JsonEndpoint("POST", "/api/v1/session", "username", "\"admin\"", ",\"password\":\"not-the-password\""),
            new JsonEndpoint("PUT", "/api/v1/session/organization", "organization_id", "\"no-such-organization\"", ""),
            new JsonEndpoint("POST", "/api/v1/hello", "name", "\"Malformed\"", ""),
            new JsonEndpoint("POST", "/api/v1/hello/greetings/bulk", "names", "[\"Malformed\"]", ""));
    private static final List<String> PAGED = List.of("/api/v1/hello/greetings", "/api/v1/audit?q=hello.greet");
    /** What each address serves (HEAD and OPTIONS come with GET and with every resource). */
    private static final Map<String, Set<String>> METHODS = Map.of(
            "/api/v1/session", Set.of("GET", "POST", "DELETE"),
            "/api/v1/session/organization", Set.of("PUT"),
            "/api/v1/hello", Set.of("GET", "POST"),
            "/api/v1/hello/greetings", Set.of("GET"),
            "/api/v1/hello/greetings/bulk", Set.of("POST"),
            "/api/v1/audit", Set.of("GET"),
            "/api/v1/modules", Set.of("GET"));
    private static final List<String> PROTECTED_GETS = List.of("/api/v1/hello", "/api/v1/hello/greetings",
            "/api/v1/audit", "/api/v1/modules", "/api/v1/session");
    private static final List<String> ANY_METHOD = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "PROPFIND");
    private static final List<String> WRONG_VALUES = List.of("42", "-1.5e300", "true", "false", "null", "[]", "{}",
            "{\"name\":\"Malformed\"}", "[null]", "[42]", "[[\"Malformed\"]]", "[{}]", "\"\"");
    private static final List<String> LONE_VALUES = List.of("42", "\"Malformed\"", "true", "null", "[]",
            "[\"Malformed\"]", "\"\"", "3.14", "-0", "[{}]");
    private static final List<String> BAD_LIMITS = List.of("0", "-1", "501", "2147483648", "99999999999999999999",
            "abc", "1.5", "1e2", "0x10", "NaN", "--5", "5;", "%");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "text/html", "application/jsonx", "image/png");

    private final Random random;
    private final int maxBodyBytes;
    private final List<Supplier<Request>> kinds = List.of(this::brokenJson, this::wrongType, this::unknownField,
            this::oversized, this::badPaging, this::wrongContentType, this::unsupportedMethod, this::unknownPath,
            this::withoutCsrfToken, this::withoutSession);

    MalformedRequests(long seed, int maxBodyBytes) {
        this.random = new Random(seed);
        this.maxBodyBytes = maxBodyBytes;
    }

    List<Request> take(int count) {
        return Stream.generate(() -> pick(kinds).get()).limit(count).toList();
    }

    private Request brokenJson() {
        JsonEndpoint endpoint = pick(JSON_ENDPOINTS);
        String wellFormed = endpoint.wellFormed();
        return switch (random.nextInt(5)) {
            case 0 -> json("truncated JSON", endpoint, wellFormed.substring(0, 1 + random.nextInt(wellFormed.length() - 1)));
            case 1 -> json("random bytes", endpoint, randomBytes(1 + random.nextInt(300)));
            case 2 -> json("deep nesting", endpoint, deepNesting(1_001 + random.nextInt(20_000)));
            case 3 -> json("lone value", endpoint, pick(LONE_VALUES));
            default -> json("trailing garbage", endpoint, wellFormed + pick(List.of("}", "]", "x", ",", "{}", "\"")));
        };
    }

    private Request wrongType() {
        JsonEndpoint endpoint = pick(JSON_ENDPOINTS);
        return json("wrong type", endpoint, random.nextInt(4) == 0 ? pick(LONE_VALUES) : endpoint.with(pick(WRONG_VALUES)));
    }

    private Request unknownField() {
        JsonEndpoint endpoint = pick(JSON_ENDPOINTS);
        String extra = "\"" + randomWord() + "\":" + pick(WRONG_VALUES);
        String wellFormed = endpoint.wellFormed();
        return json("unknown field", endpoint, random.nextBoolean()
                ? "{" + extra + "," + wellFormed.substring(1)
                : wellFormed.substring(0, wellFormed.length() - 1) + "," + extra + "}");
    }

    /** A well-formed bulk body of names just over the limit, with a Content-Length or chunked. */
    private Request oversized() {
        JsonEndpoint endpoint = pick(JSON_ENDPOINTS);
        int size = maxBodyBytes + 1 + random.nextInt(maxBodyBytes);
        StringBuilder names = new StringBuilder("\"x\"");
        while (names.length() < size) {
            names.append(",\"").append(randomWord()).append('"');
        }
        boolean chunked = random.nextBoolean();
        return new Request(chunked ? "oversized, chunked" : "oversized", Sender.SESSION, endpoint.method(),
                endpoint.path(), "application/json", endpoint.with("[" + names + "]").getBytes(StandardCharsets.UTF_8), chunked);
    }

    private Request badPaging() {
        String path = pick(PAGED);
        String parameter = switch (random.nextInt(3)) {
            case 0 -> "limit=" + encode(badLimit());
            case 1 -> "cursor=" + encode(badCursor());
            default -> "limit=" + encode(badLimit()) + "&cursor=" + encode(badCursor());
        };
        return new Request("bad paging", Sender.SESSION, "GET", path + (path.contains("?") ? "&" : "?") + parameter,
                null, null, false);
    }

    private Request wrongContentType() {
        JsonEndpoint endpoint = pick(JSON_ENDPOINTS);
        String type = random.nextInt(WRONG_CONTENT_TYPES.size() + 1) == 0 ? null : pick(WRONG_CONTENT_TYPES);
        return new Request("wrong content type", Sender.SESSION, endpoint.method(), endpoint.path(), type,
                endpoint.wellFormed().getBytes(StandardCharsets.UTF_8), false);
    }

    private Request unsupportedMethod() {
        String path = pick(List.copyOf(METHODS.keySet()));
        List<String> unsupported = ANY_METHOD.stream().filter(method -> !METHODS.get(path).contains(method)).toList();
        return new Request("unsupported method", Sender.SESSION, pick(unsupported), path, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), false);
    }

    private Request unknownPath() {
        String path = pick(List.of("/api/v1/", "/api/v1/hello/", "/api/v1/hello/greetings/", "/api/v2/", "/api/",
                "/api/v1/modules/", "/api/v1/audit/")) + randomWord();
        return new Request("unknown path", Sender.SESSION, pick(ANY_METHOD), path, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), false);
    }

    private Request withoutCsrfToken() {
        // Logging out without the token must fail as well; the session would be gone otherwise.
        JsonEndpoint endpoint = pick(JSON_ENDPOINTS.subList(1, JSON_ENDPOINTS.size()));
        boolean logout = random.nextInt(4) == 0;
        return logout
                ? new Request("no CSRF token", Sender.SESSION_WITHOUT_CSRF, "DELETE", "/api/v1/session", null, null, false)
                : new Request("no CSRF token", Sender.SESSION_WITHOUT_CSRF, endpoint.method(), endpoint.path(),
                        "application/json", endpoint.wellFormed().getBytes(StandardCharsets.UTF_8), false);
    }

    private Request withoutSession() {
        if (random.nextBoolean()) {
            return new Request("no session", Sender.ANONYMOUS, "GET", pick(PROTECTED_GETS), null, null, false);
        }
        JsonEndpoint endpoint = pick(JSON_ENDPOINTS.subList(1, JSON_ENDPOINTS.size()));
        return new Request("no session", Sender.ANONYMOUS, endpoint.method(), endpoint.path(), "application/json",
                endpoint.wellFormed().getBytes(StandardCharsets.UTF_8), false);
    }

    private Request json(String kind, JsonEndpoint endpoint, String body) {
        return json(kind, endpoint, body.getBytes(StandardCharsets.UTF_8));
    }

    private Request json(String kind, JsonEndpoint endpoint, byte[] body) {
        return new Request(kind, Sender.SESSION, endpoint.method(), endpoint.path(), "application/json", body, false);
    }

    private String badLimit() {
        return switch (random.nextInt(3)) {
            case 0 -> Long.toString(-random.nextLong(1, Long.MAX_VALUE));
            case 1 -> Long.toString(random.nextLong(501, Long.MAX_VALUE));
            default -> pick(BAD_LIMITS);
        };
    }

    /** Anything but {@code "c1:<sort key>"} in base64url of at most 512 characters. */
    private String badCursor() {
        return switch (random.nextInt(4)) {
            case 0 -> Base64.getUrlEncoder().encodeToString(("x" + new String(randomBytes(1 + random.nextInt(40)),
                    StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            case 1 -> "!!" + randomWord() + "==";
            case 2 -> Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + "z".repeat(600)).getBytes(StandardCharsets.UTF_8));
            default -> new String(randomBytes(1 + random.nextInt(40)), StandardCharsets.ISO_8859_1);
        };
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private String deepNesting(int depth) {
        return random.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"name\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth + 1);
    }

    private String randomWord() {
        return "x" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
