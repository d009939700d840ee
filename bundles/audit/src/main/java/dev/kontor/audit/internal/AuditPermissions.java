package dev.kontor.audit.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/** Reading the audit trail is a permission of its own. */
@Component(service = PermissionSet.class)
@PermissionSetProperties(permissions = {AuditPermissions.VIEW}, permissions_reports = {AuditPermissions.VIEW})
public class AuditPermissions implements PermissionSet {

    /** Read the audit trail of one's own organization (operators: of every organization). */
    public static final String VIEW = "audit.view";
}
