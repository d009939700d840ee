package dev.kontor.api.clients;

/**
 * A client account as other modules see it.
 *
 * @param id the client's id
 * @param organizationId the client's organization (its users' account)
 * @param name the person's or company's name
 * @param resellerId the reseller organization the client belongs to; null for the operator's own clients
 * @param suspended whether the client is suspended (C4)
 */
public record Client(String id, String organizationId, String name, String resellerId, boolean suspended) {
}
