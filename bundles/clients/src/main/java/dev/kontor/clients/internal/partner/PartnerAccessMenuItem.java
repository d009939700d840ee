package dev.kontor.clients.internal.partner;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.clients.internal.ClientsPermissions;
import org.osgi.service.component.annotations.Component;

/** The client's side of partner access: answer requests, see and revoke grants (C7). Only owners hold the permission. */
@Component(service = MenuItem.class)
@MenuItemProperties(id = PartnerAccessMenuItem.ID, label = "menu.partner_access", icon = "key", section = "clients",
        order = 300, permission = ClientsPermissions.ACCESS, page = "partner.html#client")
public class PartnerAccessMenuItem implements MenuItem {

    static final String ID = "clients.partner-access";
}
