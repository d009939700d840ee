package ${package};

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The permissions this module adds, listed by the panel while the bundle is active; their
 * labels are {@code permission.<id>} in i18n/. Owners and administrators hold both, the
 * built-in "reports access" role only {@link #VIEW}; custom roles get what they are granted.
 */
@Component(service = PermissionSet.class)
@PermissionSetProperties(permissions = {ModulePermissions.VIEW, ModulePermissions.EDIT},
        permissions_reports = {ModulePermissions.VIEW})
public class ModulePermissions implements PermissionSet {

    /** See the notes and the menu item. */
    public static final String VIEW = "${moduleId}.view";
    /** Add notes. */
    public static final String EDIT = "${moduleId}.edit";
}
