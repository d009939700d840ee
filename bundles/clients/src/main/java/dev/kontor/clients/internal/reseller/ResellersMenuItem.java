package dev.kontor.clients.internal.reseller;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.clients.internal.ClientsPermissions;
import org.osgi.service.component.annotations.Component;

/** The operator's side of resellers: applications to review, resellers to suspend or activate (C9). */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "clients.resellers", label = "menu.resellers", icon = "store", section = "clients", order = 400,
        permission = ClientsPermissions.RESELLERS, page = "resellers.html#operator")
public class ResellersMenuItem implements MenuItem {
}
