package dev.kontor.clients.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The permissions of the clients module; labels are {@code permission.<id>} in i18n/.
 *
 * <p>They are the permissions of the staff who manage clients: today the operator's
 * staff, so every one is reserved for the operator's organization and no role of a
 * customer's organization holds it, not even a client's owner. Resellers (C9) will hold
 * them in their own organization; what a holder reaches is decided by
 * {@link dev.kontor.clients.internal.client.ClientScope}, which already limits anyone
 * outside the operator's organization to the clients of its own organization as reseller.
 * A client's own users need none of them to read their own client, and never see the
 * internal description (C2).
 *
 * <p>Built-in roles of the operator's organization: owner and administrator hold all;
 * billing, reports access and basic access may look at the client list.
 */
@Component(service = PermissionSet.class)
@PermissionSetProperties(
        permissions = {ClientsPermissions.VIEW, ClientsPermissions.MANAGE, ClientsPermissions.SUSPEND,
            ClientsPermissions.REMOVE, ClientsPermissions.INTERNAL},
        permissions_basic = {ClientsPermissions.VIEW},
        permissions_billing = {ClientsPermissions.VIEW},
        permissions_reports = {ClientsPermissions.VIEW},
        permissions_operatorOnly = {ClientsPermissions.VIEW, ClientsPermissions.MANAGE, ClientsPermissions.SUSPEND,
            ClientsPermissions.REMOVE, ClientsPermissions.INTERNAL})
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
}
