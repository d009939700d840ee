package dev.kontor.examples.myaccess.internal;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Opens web/index.html. It joins the users module's "account" section, after its own
 * entries, since it is about the caller's account.
 */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "myaccess.main", label = "menu.myaccess", icon = "key", section = "account", order = 600,
        permission = MyAccessPermissions.VIEW, page = "index.html")
public class MyAccessMenuItem implements MenuItem {
}
