package dev.kontor.clients.internal.partner;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import dev.kontor.clients.internal.ClientsPermissions;
import org.osgi.service.component.annotations.Component;

/** The partner's side: request access, open or disconnect its clients, staff and e-mail copies (C7, C8, C10). */
@Component(service = MenuItem.class)
@MenuItemProperties(id = PartnerClientsMenuItem.ID, label = "menu.partner_clients", icon = "handshake", section = "clients",
        order = 200, permission = ClientsPermissions.PARTNER, page = "partner.html#partner")
public class PartnerClientsMenuItem implements MenuItem {

    static final String ID = "clients.partner-clients";
}
