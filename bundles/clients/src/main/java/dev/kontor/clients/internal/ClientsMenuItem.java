package dev.kontor.clients.internal;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import org.osgi.service.component.annotations.Component;

/** The client list with search, creation, bulk suspension and removal (C1, C3, C4, C6). */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "clients.main", label = "menu.clients", icon = "briefcase", section = "clients", order = 100,
        permission = ClientsPermissions.VIEW, page = "index.html")
public class ClientsMenuItem implements MenuItem {
}
