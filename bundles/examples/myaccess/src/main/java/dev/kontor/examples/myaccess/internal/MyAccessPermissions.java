package dev.kontor.examples.myaccess.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The module's only permission. Seeing what one may do oneself reveals nothing about
 * others, so every built-in role holds it; a custom role needs it granted.
 */
@Component(service = PermissionSet.class)
@PermissionSetProperties(permissions = MyAccessPermissions.VIEW, permissions_basic = MyAccessPermissions.VIEW,
        permissions_billing = MyAccessPermissions.VIEW, permissions_reports = MyAccessPermissions.VIEW)
public class MyAccessPermissions implements PermissionSet {

    /** See the "My access" page. */
    public static final String VIEW = "myaccess.view";
}
