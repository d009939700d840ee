package dev.kontor.users.internal;

import dev.kontor.api.security.Caller;
import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The permissions this module adds (U2, U8); labels are {@code permission.<id>} in
 * i18n/. Which built-in roles hold them is declared here too.
 */
@Component(service = PermissionSet.class)
@PermissionSetProperties(
        permissions = {UsersPermissions.MEMBERS_VIEW, UsersPermissions.MEMBERS_MANAGE, UsersPermissions.ROLES_MANAGE,
            UsersPermissions.ORGANIZATION_EDIT, UsersPermissions.WORKGROUPS_VIEW, UsersPermissions.WORKGROUPS_MANAGE,
            UsersPermissions.SUPPORT_VIEW, UsersPermissions.SUPPORT_MANAGE, UsersPermissions.CLIENTS_MANAGE,
            UsersPermissions.SUPPORT_USE, UsersPermissions.ORGANIZATIONS_ALL, UsersPermissions.PROFILE},
        permissions_basic = {UsersPermissions.MEMBERS_VIEW, UsersPermissions.WORKGROUPS_VIEW, UsersPermissions.PROFILE},
        permissions_billing = {UsersPermissions.MEMBERS_VIEW, UsersPermissions.PROFILE},
        permissions_reports = {UsersPermissions.MEMBERS_VIEW, UsersPermissions.WORKGROUPS_VIEW, UsersPermissions.SUPPORT_VIEW,
            UsersPermissions.PROFILE},
        permissions_ownerOnly = {UsersPermissions.SUPPORT_MANAGE},
        permissions_operatorOnly = {UsersPermissions.SUPPORT_USE, UsersPermissions.ORGANIZATIONS_ALL})
public class UsersPermissions implements PermissionSet {

    /** One's own profile, e-mail address and personal API tokens: every built-in role holds it. */
    public static final String PROFILE = "users.profile";
    /** See the organization's members. */
    public static final String MEMBERS_VIEW = "users.members.view";
    /** Add, invite and remove members, change their roles and product access (U2–U5). */
    public static final String MEMBERS_MANAGE = "users.members.manage";
    /** Create, change and delete the organization's custom roles (U8). */
    public static final String ROLES_MANAGE = "users.roles.manage";
    /** Change the organization's own data (U2). */
    public static final String ORGANIZATION_EDIT = "users.organization.edit";
    /** See workgroups (U7). */
    public static final String WORKGROUPS_VIEW = "users.workgroups.view";
    /** Create, change and delete workgroups (U7). */
    public static final String WORKGROUPS_MANAGE = "users.workgroups.manage";
    /** See the support grants and their audit trail (U11). */
    public static final String SUPPORT_VIEW = "users.support.view";
    /** Grant and revoke support access (U11). */
    public static final String SUPPORT_MANAGE = "users.support.manage";
    /** Create and revoke the organization's OAuth clients (U13). */
    public static final String CLIENTS_MANAGE = "users.clients.manage";
    /** Operator's staff: use support grants that organizations gave (U11). */
    public static final String SUPPORT_USE = "users.support.use";
    /** Operator's staff: see and administer every organization. */
    public static final String ORGANIZATIONS_ALL = "users.organizations.all";

    /** Whether the caller is operator staff administering every organization, not only the current one (U12). */
    public static boolean administersAll(Caller caller) {
        return caller.isOperator() && caller.has(ORGANIZATIONS_ALL);
    }
}
