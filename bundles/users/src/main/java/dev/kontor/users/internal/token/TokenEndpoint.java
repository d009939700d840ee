package dev.kontor.users.internal.token;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /oauth2/token}, the client credentials grant of RFC 6749 (§4.4), apart
 * from the servlet that carries it: a form-encoded body of at most 8 KiB, the client
 * authenticated by HTTP Basic or by {@code client_id}/{@code client_secret} in the form
 * (§2.3.1, one of them), and answers that are never cached. Errors follow §5.2 and
 * are RFC 9457 problem documents at the same time.
 */
public final class TokenEndpoint {

    public static final String PATH = "/oauth2/token";
    static final int MAX_BYTES = 8 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";

    private final OAuthClients clients;

    public TokenEndpoint(OAuthClients clients) {
        this.clients = clients;
    }

    /** The answer to a request; a refusal is an answer too, never an exception. */
    public Answer handle(Request request) {
        try {
            return success(grant(request));
        } catch (OAuthError refused) {
            return error(refused);
        }
    }

    private OAuthClients.AccessToken grant(Request request) {
        if (!"POST".equals(request.method())) {
            throw new OAuthError(405, "invalid_request", "Use POST.");
        }
        if (request.contentLength() > MAX_BYTES) {
            throw tooLarge();
        }
        if (!isForm(request.contentType())) {
            throw OAuthError.invalidRequest("Send the parameters as " + FORM + ".");
        }
        Map<String, String> form = form(body(request.body()));
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw OAuthError.invalidRequest("grant_type is required.");
        }
        if (!"client_credentials".equals(grantType)) {
            throw new OAuthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }
        Credentials credentials = credentials(request.authorization(), form);
        try {
            return clients.issue(credentials.id(), credentials.secret(), form.get("scope"), request.sourceAddress());
        } catch (OAuthError refused) {
            throw credentials.basic() && refused.status() == 401 ? new BasicChallenge(refused) : refused;
        }
    }

    /** The client's credentials from exactly one of the two ways a client may send them (RFC 6749 §2.3). */
    private static Credentials credentials(String authorization, Map<String, String> form) {
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        boolean basic = authorization != null && authorization.strip().regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && (formId != null || formSecret != null)) {
            throw OAuthError.invalidRequest("Authenticate the client one way only: HTTP Basic or client_id and client_secret.");
        }
        if (basic) {
            return basic(authorization.strip().substring(6).strip());
        }
        if (formId == null || formSecret == null) {
            throw OAuthError.invalidClient("Authenticate the client with HTTP Basic or client_id and client_secret.");
        }
        return new Credentials(formId, formSecret, false);
    }

    /** HTTP Basic as RFC 6749 §2.3.1 has it: id and secret form-encoded, then joined by a colon, then Base64. */
    private static Credentials basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("no client id");
            }
            return new Credentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), true);
        } catch (IllegalArgumentException malformed) {
            throw new BasicChallenge(OAuthError.invalidClient("The Basic credentials are malformed."));
        }
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT).equals(FORM);
    }

    private static String body(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(); // no or a false Content-Length: counted while reading
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OAuthError.invalidRequest("The request body could not be read.");
        }
    }

    /**
     * The form's parameters. Each at most once (RFC 6749 §3.2); one without a value
     * counts as absent (§3.1).
     */
    static Map<String, String> form(String body) {
        Map<String, String> parameters = new HashMap<>();
        if (body.isBlank()) {
            return parameters;
        }
        for (String pair : body.strip().split("&")) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                throw OAuthError.invalidRequest("The form encoding is malformed.");
            }
            if (name.isEmpty()) {
                continue;
            }
            if (parameters.containsKey(name)) {
                throw OAuthError.invalidRequest("The parameter " + Json.printable(name) + " is repeated.");
            }
            parameters.put(name, value);
        }
        parameters.values().removeIf(String::isEmpty);
        return parameters;
    }

    private static OAuthError tooLarge() {
        return new OAuthError(413, "invalid_request", "The request is larger than " + MAX_BYTES + " bytes.");
    }

    private static Answer success(OAuthClients.AccessToken token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresIn());
        body.put("scope", token.scope());
        return new Answer(200, headers(), Json.object(body));
    }

    private static Answer error(OAuthError refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refused.error());
        body.put("error_description", refused.description());
        body.put("type", "/problems/" + refused.error().replace('_', '-'));
        body.put("title", title(refused.status()));
        body.put("status", refused.status());
        body.put("detail", refused.description());
        Map<String, String> headers = headers();
        if (refused instanceof BasicChallenge) {
            headers.put("WWW-Authenticate", "Basic realm=\"kontor\", charset=\"UTF-8\""); // RFC 6749 §5.2 for Basic clients
        }
        if (refused.status() == 405) {
            headers.put("Allow", "POST");
        }
        if (refused.status() == 413) {
            headers.put("Connection", "close"); // the rest of the body is not read
        }
        return new Answer(refused.status(), headers, Json.object(body));
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            default -> "Bad Request";
        };
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store"); // RFC 6749 §5.1
        headers.put("Pragma", "no-cache");
        return headers;
    }

    /**
     * What the servlet hands over.
     *
     * @param contentLength the declared length, -1 when unknown
     */
    public record Request(String method, String contentType, long contentLength, String authorization, InputStream body,
            String sourceAddress) {
    }

    /** Status, headers and the JSON body ({@code application/json}) of the answer. */
    public record Answer(int status, Map<String, String> headers, String json) {

        public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

        public Answer {
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Answer[" + status + "]"; // the body may hold a token
        }
    }

    private record Credentials(String id, String secret, boolean basic) {

        @Override
        public String toString() {
            return "Credentials[" + id + "]";
        }
    }

    /** invalid_client for a client that used HTTP Basic: the answer must carry a Basic challenge. */
    private static final class BasicChallenge extends OAuthError {

        private static final long serialVersionUID = 1L;

        BasicChallenge(OAuthError cause) {
            super(cause.status(), cause.error(), cause.description());
        }
    }
}
