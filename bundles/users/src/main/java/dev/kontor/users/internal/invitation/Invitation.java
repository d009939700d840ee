package dev.kontor.users.internal.invitation;

import java.time.Instant;
import java.util.List;

/**
 * An invitation as stored (U9). Its link's token is not part of it: only the token's
 * hash is stored, and the token itself exists only in the mail.
 *
 * @param storedState never {@link InvitationState#EXPIRED}; see {@link #state}
 */
public record Invitation(String id, String organizationId, String email, String roleId, List<String> products,
        List<String> workgroups, InvitationState storedState, String invitedBy, Instant createdAt, Instant expiresAt,
        long version) {

    public Invitation {
        products = List.copyOf(products);
        workgroups = List.copyOf(workgroups);
    }

    /** The state at the moment: a pending invitation past its end is expired. */
    public InvitationState state(Instant now) {
        return storedState == InvitationState.PENDING && !now.isBefore(expiresAt) ? InvitationState.EXPIRED : storedState;
    }

    public View view(Instant now) {
        return new View(id, email, roleId, products, workgroups, state(now).id(), expiresAt, invitedBy, createdAt);
    }

    /** An invitation as the API shows it to the organization's managers. */
    public record View(String id, String email, String role, List<String> products, List<String> workgroups, String state,
            Instant expiresAt, String invitedBy, Instant createdAt) {
    }
}
