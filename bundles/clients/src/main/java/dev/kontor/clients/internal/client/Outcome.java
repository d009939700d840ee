package dev.kontor.clients.internal.client;

/** What a change of one client's state came to. */
public enum Outcome {
    /** The client changed. */
    DONE,
    /** The client was in that state already; nothing happened. */
    UNCHANGED
}
