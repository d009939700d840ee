package dev.kontor.users.internal.invitation;

import java.util.List;

/** The body of {@code POST .../invitations}: whom to invite, with which role, products and workgroups (U3, U7, U9). */
public record InvitationRequest(String email, String role, List<String> products, List<String> workgroups) {
}
