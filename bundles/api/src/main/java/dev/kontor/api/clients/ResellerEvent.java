package dev.kontor.api.clients;

import dev.kontor.api.security.Caller;

/**
 * A change of one reseller.
 *
 * @param caller who made it
 * @param resellerId the reseller's organization id: what {@link Client#resellerId()} of its clients says
 * @param reason why, as the operator gave it; may be null
 */
public record ResellerEvent(Caller caller, String resellerId, String reason) {
}
