package dev.kontor.mail.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/** Reading the outbox is a permission of the operator's staff. */
@Component(service = PermissionSet.class)
@PermissionSetProperties(permissions = {MailPermissions.VIEW}, permissions_operatorOnly = {MailPermissions.VIEW},
        permissions_reports = {MailPermissions.VIEW})
public class MailPermissions implements PermissionSet {

    /** Read every mail of the outbox: sent, pending, failed and kept. */
    public static final String VIEW = "mail.view";
}
