package dev.kontor.users.internal.menu;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.users.internal.UsersPermissions;
import org.osgi.service.component.annotations.Component;

/** Support access grants and the trail of their use (U11). */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "users.support", label = "menu.users.support", icon = "lifebuoy",
        section = MenuSection.ACCOUNT, order = 400,
        permission = UsersPermissions.SUPPORT_VIEW, page = "support.html")
public class SupportMenuItem implements MenuItem {
}
