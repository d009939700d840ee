package dev.kontor.clients.internal.partner;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.clients.internal.ClientsPermissions;

/**
 * Who is who in partner access, the one rule of this package:
 * <ul>
 * <li>the <b>client's side</b>: a caller acting in the client's organization with
 * {@code clients.access} (its owners; a partner acting in the client's organization
 * never holds it, being at most an administrator there);</li>
 * <li>the <b>partner</b>: the organization a caller acts in while holding
 * {@code clients.partner}, never the operator's, which reaches every client anyway;</li>
 * <li>the partner's <b>staff</b> for a client: the members its grant covers.</li>
 * </ul>
 */
final class Partners {

    private Partners() {
    }

    /**
     * The partner organization the caller acts for.
     *
     * @throws ProblemException 409 for the operator's staff, 403 without {@code clients.partner}
     */
    static String partnerOf(Caller caller) {
        if (!caller.has(ClientsPermissions.PARTNER)) {
            throw new ProblemException(403, "forbidden", "Acting as a partner needs the permission "
                    + ClientsPermissions.PARTNER + ".");
        }
        if (caller.isOperator()) {
            throw Refusals.operatorNotPartner();
        }
        return caller.organizationId();
    }

    /** Whether the caller manages its organization's partner access. */
    static boolean actsAsPartner(Caller caller) {
        return caller.has(ClientsPermissions.PARTNER) && !caller.isOperator();
    }

    /** Whether the caller answers and revokes for the client. */
    static boolean clientSide(Caller caller, ClientFacts client) {
        return caller.organizationId().equals(client.organizationId()) && caller.has(ClientsPermissions.ACCESS);
    }

    /** Whether the grant is to the caller's organization and the caller may see it: its managers, or staff it covers. */
    static boolean partnerSide(Caller caller, AccessGrant grant) {
        return grant.granteeOrganizationId().equals(caller.organizationId()) && (actsAsPartner(caller) || covers(grant, caller));
    }

    /** Whether the grant lets the caller act for the client (C10): all members, or the listed ones. */
    static boolean covers(AccessGrant grant, Caller caller) {
        return grant.granteeUserIds().isEmpty() || grant.granteeUserIds().contains(caller.userId());
    }

    /** The language of the caller's mails: German or English. */
    static String language(Caller caller) {
        return caller.locale() != null && "de".equals(caller.locale().getLanguage()) ? "de" : "en";
    }

    /** The page's cursor as an id of this module's lists; anything else is not a cursor of them. */
    static String cursor(PageRequest page) {
        if (page.after() != null && !TextInput.plausibleId(page.after())) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        return page.after();
    }
}
