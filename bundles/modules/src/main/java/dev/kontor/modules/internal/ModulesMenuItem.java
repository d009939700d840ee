package dev.kontor.modules.internal;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import org.osgi.service.component.annotations.Component;

/** The operator's page of every module: where it is on, what its latest upgrade changed, removal. */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "modules.main", label = "menu.modules", icon = "package", section = "panel", order = 900,
        permission = ModulesPermissions.VIEW, page = "index.html")
public class ModulesMenuItem implements MenuItem {
}
