package ${package};

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.menu.MenuItemProperties;
import org.osgi.service.component.annotations.Component;

/** The module's menu entry, shown to callers holding {@link ModulePermissions#VIEW}; it opens web/index.html. */
@Component(service = MenuItem.class)
@MenuItemProperties(id = "${moduleId}.main", label = "menu.main", icon = "puzzle", section = "modules", order = 1000,
        permission = ModulePermissions.VIEW, page = "index.html")
public class ModuleMenuItem implements MenuItem {
}
