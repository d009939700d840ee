package dev.kontor.api.menu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The typed service properties of a {@link MenuItem}. Put it on the DS component
 * that provides the item:
 *
 * <pre>
 * &#64;Component(service = MenuItem.class)
 * &#64;MenuItemProperties(id = "hello.main", label = "menu.hello", permission = "hello.view", page = "index.html", order = 500)
 * public class HelloMenuItem implements MenuItem {}
 * </pre>
 *
 * Each element becomes a service property named {@code kontor.menu.<element>}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MenuItemProperties {

    /** Prefix of every service property this annotation produces. */
    String PREFIX_ = "kontor.menu.";

    /** Unique id, namespaced by module: {@code clients.list}. Ties in order are broken by id. */
    String id();

    /** Key of the label in the module bundle's {@code i18n/messages*.properties}. */
    String label();

    /** Name of the icon (a name from the panel's icon set, e.g. {@code users}). */
    String icon() default "puzzle";

    /** Menu section the item is listed under. */
    String section() default "modules";

    /** Position in its section; use gapped numbers (100, 200, ...). */
    int order() default 1000;

    /** Permission the caller needs to see the item; it must be declared by the module. */
    String permission();

    /** Page the item opens, relative to the module's {@code web/} folder. */
    String page() default "index.html";
}
