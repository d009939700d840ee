package dev.kontor.host.internal.security;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/** The permissions of the panel itself. */
@Component(service = PermissionSet.class)
@PermissionSetProperties(permissions = {HostPermissions.MODULES}, permissions_operatorOnly = {HostPermissions.MODULES},
        permissions_reports = {HostPermissions.MODULES})
public class HostPermissions implements PermissionSet {

    /** See and manage the installed modules. */
    public static final String MODULES = "panel.modules";
}
