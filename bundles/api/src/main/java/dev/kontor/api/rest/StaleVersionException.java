package dev.kontor.api.rest;

/**
 * The client changed an object that somebody else changed since the client read it.
 * The panel answers 412 problem+json of type {@code /problems/stale-version}; the client
 * reloads and decides again, so no change is overwritten silently.
 */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException() {
        super("This object was changed by somebody else since you loaded it. Reload it and try again.");
    }
}
