package dev.kontor.examples.hello.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/** The permissions this module adds; their labels are {@code permission.<id>} in i18n/. */
@Component(service = PermissionSet.class)
@PermissionSetProperties(permissions = {HelloPermissions.VIEW, HelloPermissions.GREET},
        permissions_basic = {HelloPermissions.VIEW}, permissions_reports = {HelloPermissions.VIEW})
public class HelloPermissions implements PermissionSet {

    /** See the Hello page. */
    public static final String VIEW = "hello.view";
    /** Send greetings. */
    public static final String GREET = "hello.greet";
}
