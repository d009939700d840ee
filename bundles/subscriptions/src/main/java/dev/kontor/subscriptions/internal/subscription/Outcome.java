package dev.kontor.subscriptions.internal.subscription;

/** What a change of one subscription came to. */
public enum Outcome {
    /** The subscription changed. */
    DONE,
    /** It was so already; nothing happened. */
    UNCHANGED
}
