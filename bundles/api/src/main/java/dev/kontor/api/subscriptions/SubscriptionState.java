package dev.kontor.api.subscriptions;

/** A subscription's effective state (S1): suspended while any hold is in force, terminated for good (S6). */
public enum SubscriptionState {
    ACTIVE, SUSPENDED, TERMINATED;

    /** The state as the API writes it: {@code active}, {@code suspended}, {@code terminated}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
