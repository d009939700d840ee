package dev.kontor.examples.hello.internal;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import org.osgi.service.component.annotations.Component;

/** The module's entry in the panel menu; it opens web/index.html. */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "hello.main", label = "menu.hello", icon = "smile", section = "examples", order = 500,
        permission = HelloPermissions.VIEW, page = "index.html")
public class HelloMenuItem implements MenuItem {
}
