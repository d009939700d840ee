package dev.kontor.subscriptions.internal.subscription;

/** How a caller reaches a subscription: the relation of the caller's organization to the subscription's client. */
public enum Reach {
    /** The panel operator's staff. */
    OPERATOR,
    /** The staff of the reseller the client belongs to. */
    RESELLER,
    /** The client's own users (and partners acting in the client's organization). */
    CLIENT;

    /** Whether the caller manages the client: the operator's or its reseller's staff. */
    public boolean staff() {
        return this != CLIENT;
    }
}
