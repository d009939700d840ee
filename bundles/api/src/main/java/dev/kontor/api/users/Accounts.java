package dev.kontor.api.users;

import dev.kontor.api.security.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts: organizations with their logins, as another module sees them. Every method
 * joins the caller's transaction when there is one ({@code Database.inTransaction}), so
 * a client created, suspended or removed by the clients module commits or rolls back
 * together with the account. Every change is audited with the caller.
 */
@ProviderType
public interface Accounts {

    /**
     * Opens an account: a new organization whose first login, created here, is its owner
     * (U1, C1).
     *
     * @throws dev.kontor.api.rest.ValidationException when the name or a field of the
     *         login is invalid, or the username is taken (field {@code username})
     */
    Account open(Caller caller, String organizationName, NewLogin owner);

    /** The account of an organization, or empty when there is none. */
    Optional<Account> find(String organizationId);

    /**
     * Suspends the organization: none of its members can act in it any more, their open
     * sessions and tokens in it stop working with their next request, and a login whose
     * organizations are all suspended cannot log in (C4). Suspending twice is harmless.
     */
    void suspend(Caller caller, String organizationId);

    /** Lifts {@link #suspend}; activating an active organization is harmless. */
    void activate(Caller caller, String organizationId);

    /**
     * {@link #suspend} for many organizations in a few statements, for bulk actions: all
     * or none (the caller's transaction), so one that is missing or the operator's fails
     * the whole call like {@link #suspend} fails for it.
     *
     * @since 1.2
     */
    void suspendAll(Caller caller, Collection<String> organizationIds);

    /**
     * {@link #activate} for many organizations, like {@link #suspendAll}.
     *
     * @since 1.2
     */
    void activateAll(Caller caller, Collection<String> organizationIds);

    /**
     * Removes the organization with its memberships, roles, workgroups, invitations,
     * grants and tokens; its logins that belong to no other organization go with it (C6).
     */
    void close(Caller caller, String organizationId);

    /**
     * Changes a member's login name and, when {@code password} is not null, password
     * (C5). The username stays unique across the panel.
     *
     * @throws dev.kontor.api.rest.ValidationException on an invalid or taken username
     *         or a too short password
     */
    void changeLogin(Caller caller, String organizationId, String userId, String username, String password);

    /**
     * Lets members of another organization act in this one (C7, C9, C10): with every
     * permission an administrator holds when {@code products} is empty, else with the
     * permissions of those products; all of the grantee's members, or only the listed
     * logins. The grantee's members switch into the organization with
     * {@code PUT /api/v1/session/organization}.
     */
    AccessGrant grant(Caller caller, AccessGrant.Request request);

    /** Ends a grant at once; unknown or ended grants are ignored. */
    void revoke(Caller caller, String grantId);

    /** The grants in force that the organization gave. */
    List<AccessGrant> grantsOf(String organizationId);

    /**
     * Changes which of the grantee's logins a grant in force covers (C10); an empty set
     * means all of the grantee's members. Unknown or ended grants are ignored.
     *
     * @throws dev.kontor.api.rest.ValidationException (field {@code user_ids}) when a
     *         listed login is not a member of the grantee organization
     * @since 1.1
     */
    void changeGrantees(Caller caller, String grantId, Set<String> granteeUserIds);

    /**
     * Makes the organization a reseller or ends that (C9): while it is one, its owner and
     * administrators hold the permissions modules declare for resellers
     * ({@code PermissionSetProperties.permissions_reseller}). Harmless when nothing changes.
     *
     * @since 1.1
     */
    void markReseller(Caller caller, String organizationId, boolean reseller);

    /**
     * The e-mail addresses of the organization's members, lower case, for checking that an
     * address belongs to an account (C7) and for copies of its mails (C8).
     *
     * @since 1.1
     */
    Set<String> memberAddresses(String organizationId);
}
