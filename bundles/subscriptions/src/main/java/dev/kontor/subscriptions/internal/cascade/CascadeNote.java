package dev.kontor.subscriptions.internal.cascade;

import dev.kontor.api.security.Caller;

/** The internal note of a cascade hold and of its lifting: what happened to the parent, who did it, and why. */
final class CascadeNote {

    private CascadeNote() {
    }

    static String of(String what, Caller caller, String reason) {
        String by = caller == null ? "" : " by " + caller.username() + " (" + caller.userId() + ")";
        return what + by + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
