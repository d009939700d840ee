package dev.kontor.storage.internal;

/** A module's migrations could not be applied; the message is shown to the operator. */
final class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MigrationException(String message) {
        super(message);
    }

    MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
