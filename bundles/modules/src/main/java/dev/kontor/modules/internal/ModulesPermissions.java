package dev.kontor.modules.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/** Module management belongs to the operator's staff only: it changes what every organization gets. */
@Component(service = PermissionSet.class)
@PermissionSetProperties(permissions = {ModulesPermissions.VIEW, ModulesPermissions.MANAGE},
        permissions_operatorOnly = {ModulesPermissions.VIEW, ModulesPermissions.MANAGE},
        permissions_reports = {ModulesPermissions.VIEW})
public class ModulesPermissions implements PermissionSet {

    /** See where modules are switched on, their releases, tables and exports. */
    public static final String VIEW = "modules.view";

    /** Switch modules on or off, remove and upload them. */
    public static final String MANAGE = "modules.manage";
}
