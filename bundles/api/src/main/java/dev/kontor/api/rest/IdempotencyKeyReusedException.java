package dev.kontor.api.rest;

/**
 * An {@code Idempotency-Key} came back with a different request than the first time.
 * The panel answers 422 problem+json of type {@code /problems/idempotency-key-reused}.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used for a different request; use a new key for a new request.");
    }
}
