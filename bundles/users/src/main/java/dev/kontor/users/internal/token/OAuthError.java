package dev.kontor.users.internal.token;

/**
 * A refusal of the token endpoint, answered as RFC 6749 §5.2 error ({@code error},
 * {@code error_description}) that is an RFC 9457 problem document at the same time.
 *
 * @see TokenEndpoint
 */
public class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public OAuthError(int status, String error, String description) {
        super(description, null, false, false); // an answer, not a failure: no stack trace to fill
        this.status = status;
        this.error = error;
    }

    /** The client could not be authenticated: 401 (RFC 6749 §5.2). */
    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public int status() {
        return status;
    }

    /** The RFC 6749 error code, e.g. {@code invalid_client}. */
    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
