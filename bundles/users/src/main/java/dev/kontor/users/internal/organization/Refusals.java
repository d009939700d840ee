package dev.kontor.users.internal.organization;

import dev.kontor.api.rest.ProblemException;
import java.util.Collection;

/** The refusals of membership and role changes, each with its stable problem type. */
final class Refusals {

    private Refusals() {
    }

    /** U6: the organization would be left without an owner. */
    static ProblemException lastOwner() {
        return new ProblemException(409, "last-owner",
                "The last owner cannot be removed, demoted or leave. Appoint another owner first.");
    }

    /** U1: the login would belong to no organization. */
    static ProblemException lastOrganization() {
        return new ProblemException(409, "last-organization",
                "This is your only organization, and every login belongs to at least one. Join or create another first.");
    }

    static ProblemException alreadyMember() {
        return new ProblemException(409, "already-member", "This login is already a member of the organization.");
    }

    static ProblemException builtInRole() {
        return new ProblemException(409, "built-in-role",
                "Built-in roles cannot be changed or deleted. Create a custom role instead.");
    }

    static ProblemException roleInUse(int members, int invitations) {
        return new ProblemException(409, "role-in-use", members + " member(s) and " + invitations
                + " pending invitation(s) hold this role. Give them another role first.");
    }

    /** No one hands out, or takes away, more than they hold themselves. */
    static ProblemException exceedsOwnAccess(Collection<String> lacking) {
        return new ProblemException(403, "exceeds-own-access",
                "You can only give or take away permissions you hold yourself; you lack " + String.join(", ", lacking) + ".");
    }

    static ProblemException ownerRequired() {
        return new ProblemException(403, "owner-required", "Only an owner can appoint, invite, demote or remove an owner.");
    }

    /** The operator's login admin comes back at every start; deleting it would only look done. */
    static ProblemException builtInLogin() {
        return new ProblemException(409, "built-in-login",
                "The operator's built-in login admin cannot be deleted. Change its password instead.");
    }
}
