package dev.kontor.users.internal.menu;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.users.internal.UsersPermissions;
import org.osgi.service.component.annotations.Component;

/** Workgroups with their members, products and lead (U7). */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "users.workgroups", label = "menu.users.workgroups", icon = "layers",
        section = MenuSection.ACCOUNT, order = 300,
        permission = UsersPermissions.WORKGROUPS_VIEW, page = "workgroups.html")
public class WorkgroupsMenuItem implements MenuItem {
}
