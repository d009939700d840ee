package dev.kontor.users.internal.menu;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.users.internal.UsersPermissions;
import org.osgi.service.component.annotations.Component;

/** Members of the current organization, invitations included (U3–U6, U9). */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "users.members", label = "menu.users.members", icon = "users",
        section = MenuSection.ACCOUNT, order = 100,
        permission = UsersPermissions.MEMBERS_VIEW, page = "members.html")
public class MembersMenuItem implements MenuItem {
}
