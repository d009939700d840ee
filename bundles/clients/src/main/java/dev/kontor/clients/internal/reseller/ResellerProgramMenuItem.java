package dev.kontor.clients.internal.reseller;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.clients.internal.ClientsPermissions;
import org.osgi.service.component.annotations.Component;

/**
 * An organization's owner applies to become a reseller and answers resellers' requests to
 * take over its account (C9). Only owners hold the permission.
 */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "clients.reseller-program", label = "menu.reseller_program", icon = "award", section = "clients",
        order = 500, permission = ClientsPermissions.APPLY, page = "resellers.html#program")
public class ResellerProgramMenuItem implements MenuItem {
}
