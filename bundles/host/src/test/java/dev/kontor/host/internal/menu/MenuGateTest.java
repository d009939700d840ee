package dev.kontor.host.internal.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.host.internal.i18n.Translations;
import dev.kontor.host.internal.module.SwitchBoard;
import dev.kontor.host.internal.security.PanelCaller;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** The live menu leaves out the items of modules switched off for the caller's organization. */
class MenuGateTest {

    private final SwitchBoard switches = new SwitchBoard();
    private final MenuRegistry menu = new MenuRegistry((bundle, reason) -> {
        throw new AssertionError("no item fails here: " + reason);
    }, new Translations(framework(BundleContext.class, Map.of())), switches.bound());

    @Test
    void itemsOfAModuleOffForTheCallersOrganizationAreLeftOutOfItsMenuOnly() {
        menu.addMenuItem(item(1, "hello", "hello.greet"), new MenuItem() { });
        menu.addMenuItem(item(2, "reports", "reports.view"), new MenuItem() { });

        switches.offFor("hello", "org-a");

        assertEquals(List.of("reports.view"), itemIds(caller("org-a")));
        assertEquals(List.of("hello.greet", "reports.view"), itemIds(caller("org-b")));
        switches.onFor("hello", "org-a");
        assertEquals(List.of("hello.greet", "reports.view"), itemIds(caller("org-a")));
    }

    @Test
    void moduleOffForThePanelLeavesEveryMenu() {
        menu.addMenuItem(item(1, "hello", "hello.greet"), new MenuItem() { });

        switches.offForPanel("hello");

        assertEquals(List.of(), itemIds(caller("org-a")));
        assertEquals(List.of(), itemIds(caller("org-b")));
    }

    private List<String> itemIds(Caller caller) {
        return menu.menuFor(caller, Locale.ENGLISH).stream().map(MenuEntry::id).toList();
    }

    /** A menu item service of the module's bundle, as the registry sees it. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<MenuItem> item(long serviceId, String module, String id) {
        Hashtable<String, String> headers = new Hashtable<>(Map.of(ModuleLayout.HEADER, module));
        Bundle bundle = framework(Bundle.class, Map.of("getHeaders", headers, "getBundleId", serviceId + 100));
        Map<String, Object> properties = Map.of(Constants.SERVICE_ID, serviceId, "kontor.menu.id", id,
                "kontor.menu.label", "menu." + id, "kontor.menu.permission", "menu.view");
        return framework(ServiceReference.class, Map.of("getBundle", bundle, "getProperty", (Function<Object, Object>) properties::get));
    }

    /**
     * A framework object answering from the table by method name (a function there is
     * applied to the first argument), nothing otherwise: the registry reads, it never drives them.
     */
    @SuppressWarnings("unchecked")
    private static <T> T framework(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            Object answer = answers.get(method.getName());
            if (answer instanceof Function<?, ?> lookup) {
                return ((Function<Object, Object>) lookup).apply(arguments[0]);
            }
            if (answer != null) {
                return answer;
            }
            Class<?> returned = method.getReturnType();
            return returned == long.class ? 0L : returned == int.class ? 0 : returned == boolean.class ? false : null;
        }));
    }

    private static Caller caller(String organizationId) {
        return new PanelCaller(new Identity("u-" + organizationId, "member", "Member", organizationId, List.of(), Set.of("menu.view"),
                false, "en"), Locale.ENGLISH, null, null);
    }
}
