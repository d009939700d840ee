package dev.kontor.subscriptions.internal;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import org.osgi.service.component.annotations.Component;

/** The subscription list with holds and termination (S1, S2, S6), for staff and for clients' own users. */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "subscriptions.main", label = "menu.subscriptions", icon = "layers", section = "subscriptions",
        order = 200, permission = SubscriptionsPermissions.VIEW, page = "index.html")
public class SubscriptionsMenuItem implements MenuItem {
}
