package dev.kontor.api.rest;

/**
 * A refusal the caller can understand and act on, answered as problem+json with type
 * {@code /problems/<type>}: for example 409 {@code last-owner} when the last owner of
 * an organization tries to leave it (U6). For invalid fields use
 * {@link ValidationException}; for a missing or foreign object, a 404.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;

    /**
     * @param status the HTTP status, 4xx
     * @param type a stable kebab-case name of the kind of refusal, e.g. {@code last-owner}
     * @param detail what happened and what to do instead, in the caller's terms
     */
    public ProblemException(int status, String type, String detail) {
        super(detail);
        if (status < 400 || status > 499 || type == null || !type.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A 4xx status and a kebab-case type are needed, got " + status + " " + type);
        }
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
