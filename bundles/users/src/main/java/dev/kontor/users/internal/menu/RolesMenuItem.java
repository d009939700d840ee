package dev.kontor.users.internal.menu;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.users.internal.UsersPermissions;
import org.osgi.service.component.annotations.Component;

/** Built-in and custom roles with their permissions (U8); members may see them, managers change them. */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "users.roles", label = "menu.users.roles", icon = "shield",
        section = MenuSection.ACCOUNT, order = 200,
        permission = UsersPermissions.MEMBERS_VIEW, page = "roles.html")
public class RolesMenuItem implements MenuItem {
}
