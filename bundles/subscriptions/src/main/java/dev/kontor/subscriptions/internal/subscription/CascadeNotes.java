package dev.kontor.subscriptions.internal.subscription;

/** The notes the client is shown on a cascade hold: the reason without the operator's internals. */
public final class CascadeNotes {

    /** On a hold because the client's account is suspended. */
    public static final String CLIENT = "Your customer account is suspended.";
    /** On a hold because the client's reseller is suspended. */
    public static final String RESELLER = "The account of your provider is suspended.";

    private CascadeNotes() {
    }
}
