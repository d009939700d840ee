package dev.kontor.api.clients;

import dev.kontor.api.security.Caller;

/**
 * A change of one client.
 *
 * @param caller who made it, for the audit trail of what listeners do in turn
 * @param client the client, as it is after the change
 * @param reason why, as the operator gave it; may be null
 */
public record ClientEvent(Caller caller, Client client, String reason) {
}
