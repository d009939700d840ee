package dev.kontor.users.internal.menu;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.users.internal.UsersPermissions;
import org.osgi.service.component.annotations.Component;

/** The caller's organizations, profile, e-mail address, API tokens and OAuth clients. */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "users.organization", label = "menu.users.organization", icon = "building",
        section = MenuSection.ACCOUNT, order = 500,
        permission = UsersPermissions.PROFILE, page = "organization.html")
public class OrganizationMenuItem implements MenuItem {
}
