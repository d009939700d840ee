package dev.kontor.api.users;

/**
 * An account as other modules see it.
 *
 * @param organizationId the organization's id
 * @param name the organization's name
 * @param ownerUserId the first owner's login id, as created by {@link Accounts#open}
 * @param suspended whether {@link Accounts#suspend} is in force
 */
public record Account(String organizationId, String name, String ownerUserId, boolean suspended) {
}
