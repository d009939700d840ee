package dev.kontor.users.internal.invitation;

import java.util.Locale;

/**
 * Where an invitation stands (U9). {@link #EXPIRED} is never stored: it is a pending
 * invitation read after its end, so it expires without any job running.
 */
public enum InvitationState {
    PENDING, ACCEPTED, DECLINED, REVOKED, EXPIRED;

    /** The state as stored and shown, e.g. {@code pending}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InvitationState ofStored(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
