package dev.kontor.clients.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The permissions of the clients module; labels are {@code permission.<id>} in i18n/.
 *
 * <p>The staff permissions ({@code view}, {@code manage}, {@code suspend}, {@code remove},
 * {@code internal}) and {@code partner} belong to those who manage clients: the
 * operator's staff and, once the operator approved it (C9), a reseller's owner and
 * administrators. No other customer's role holds them. What a holder reaches is decided
 * by {@link dev.kontor.clients.internal.client.ClientScope}: a reseller only its own
 * clients. A client's own users need none of them to read their own client, and never
 * see the internal description (C2).
 *
 * <p>{@code access} (answering partners' requests, revoking their access) and
 * {@code apply} (applying to become a reseller) are decisions about the whole account:
 * only an organization's owner holds them. {@code resellers} (reviewing applications,
 * suspending resellers) stays with the operator.
 *
 * <p>Built-in roles of the operator's organization: owner and administrator hold all;
 * billing, reports access and basic access may look at the client list.
 */
@Component(service = PermissionSet.class)
@PermissionSetProperties(
        permissions = {ClientsPermissions.VIEW, ClientsPermissions.MANAGE, ClientsPermissions.SUSPEND,
            ClientsPermissions.REMOVE, ClientsPermissions.INTERNAL, ClientsPermissions.PARTNER, ClientsPermissions.ACCESS,
            ClientsPermissions.APPLY, ClientsPermissions.RESELLERS},
        permissions_basic = {ClientsPermissions.VIEW},
        permissions_billing = {ClientsPermissions.VIEW},
        permissions_reports = {ClientsPermissions.VIEW},
        permissions_ownerOnly = {ClientsPermissions.ACCESS, ClientsPermissions.APPLY},
        permissions_operatorOnly = {ClientsPermissions.VIEW, ClientsPermissions.MANAGE, ClientsPermissions.SUSPEND,
            ClientsPermissions.REMOVE, ClientsPermissions.INTERNAL, ClientsPermissions.PARTNER,
            ClientsPermissions.RESELLERS},
        permissions_reseller = {ClientsPermissions.VIEW, ClientsPermissions.MANAGE, ClientsPermissions.SUSPEND,
            ClientsPermissions.REMOVE, ClientsPermissions.INTERNAL, ClientsPermissions.PARTNER})
public class ClientsPermissions implements PermissionSet {

    /** See the client list and every client's page (C3, C5). */
    public static final String VIEW = "clients.view";
    /** Create clients and edit their contact data and login (C1, C5). */
    public static final String MANAGE = "clients.manage";
    /** Suspend and activate clients (C4). */
    public static final String SUSPEND = "clients.suspend";
    /** Remove clients with everything that hangs on them (C6). */
    public static final String REMOVE = "clients.remove";
    /** See and write the internal description of clients (C2). */
    public static final String INTERNAL = "clients.internal";
    /** Act as a partner: ask clients for access, open and disconnect them, assign staff (C7, C8, C10). */
    public static final String PARTNER = "clients.partner";
    /** As a client: answer partners' access requests and revoke their access (C7). */
    public static final String ACCESS = "clients.access";
    /** Apply for the organization to become a reseller (C9). */
    public static final String APPLY = "clients.apply";
    /** Review reseller applications, suspend and activate resellers, move clients between them (C9). */
    public static final String RESELLERS = "clients.resellers";
}
