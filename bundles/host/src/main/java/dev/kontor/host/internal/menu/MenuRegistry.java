package dev.kontor.host.internal.menu;

import dev.kontor.api.menu.MenuItem;
import dev.kontor.api.module.ModuleFailures;
import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.security.Caller;
import dev.kontor.host.internal.i18n.Translations;
import dev.kontor.host.internal.module.ModuleRegistry;
import dev.kontor.host.internal.module.PanelGate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel menu: every registered {@link MenuItem} of an active module, keyed by its
 * service properties, in a fixed order (section, order, id), without the items of
 * modules switched off for the caller's organization. Listeners hear of every change so
 * open browsers can refresh their menu.
 */
@Component(service = MenuRegistry.class)
public class MenuRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MenuRegistry.class);
    private static final Comparator<Contribution> ORDER = Comparator.comparingInt(Contribution::order)
            .thenComparing(Contribution::id);

    private final Map<Long, Contribution> contributions = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ModuleFailures failures;
    private final Translations translations;
    private final PanelGate gate;

    @Activate
    public MenuRegistry(@Reference ModuleFailures failures, @Reference Translations translations, @Reference PanelGate gate) {
        this.failures = failures;
        this.translations = translations;
        this.gate = gate;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addMenuItem(ServiceReference<MenuItem> reference, MenuItem item) {
        Contribution.from(reference, item).ifPresentOrElse(contribution -> {
            contributions.put(serviceId(reference), contribution);
            changed();
        }, () -> LOG.warn("Menu item of bundle {} ignored: it needs kontor.menu.id, .label and .permission and a Kontor-Module header",
                reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName()));
    }

    void updatedMenuItem(ServiceReference<MenuItem> reference, MenuItem item) {
        contributions.remove(serviceId(reference));
        addMenuItem(reference, item);
    }

    void removeMenuItem(ServiceReference<MenuItem> reference, MenuItem item) {
        if (contributions.remove(serviceId(reference)) != null) {
            changed();
        }
    }

    /** Tells the listener of every change in what some user may see in the menu. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Signals a change that comes from elsewhere (a new identity provider, say). */
    public void changed() {
        listeners.forEach(listener -> {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("Menu change listener failed", e);
            }
        });
    }

    /**
     * The caller's menu: items of modules on for the caller's organization, whose
     * permission they hold and whose module says yes.
     */
    public List<MenuEntry> menuFor(Caller caller, Locale locale) {
        String language = Translations.languageOf(locale);
        List<Contribution> visible = new ArrayList<>();
        for (Contribution contribution : contributions.values()) {
            if (caller.has(contribution.permission()) && gate.isEnabled(contribution.module(), caller.organizationId())
                    && isVisible(contribution, caller)) {
                visible.add(contribution);
            }
        }
        visible.sort(ORDER);
        List<MenuEntry> entries = new ArrayList<>(visible.size());
        for (Contribution c : visible) {
            // Resolved once per item and language: a menu request makes no bundle calls.
            entries.add(c.entries().computeIfAbsent(language, l -> entry(c, locale)));
        }
        return entries;
    }

    private MenuEntry entry(Contribution c, Locale locale) {
        return new MenuEntry(c.id(), translations.label(c.bundle(), c.label(), locale), c.icon(), c.section(),
                sectionLabel(c, locale), c.order(), ModuleLayout.PAGES_PATH + c.module() + "/" + c.page(), c.module());
    }

    /** The section's name from the module's {@code section.<id>} key, else the id itself, capitalized. */
    private String sectionLabel(Contribution contribution, Locale locale) {
        String key = "section." + contribution.section();
        String label = translations.label(contribution.bundle(), key, locale);
        return key.equals(label) ? Character.toUpperCase(contribution.section().charAt(0)) + contribution.section().substring(1) : label;
    }

    private boolean isVisible(Contribution contribution, Caller caller) {
        try {
            return contribution.item().isVisible(caller);
        } catch (RuntimeException | LinkageError e) {
            // A module that throws here loses its item, not the whole menu.
            failures.report(contribution.bundle(), "Menu item " + contribution.id() + " threw: " + e);
            return false;
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private record Contribution(String id, String label, String icon, String section, int order, String permission,
            String page, String module, Bundle bundle, MenuItem item, Map<String, MenuEntry> entries) {

        static Optional<Contribution> from(ServiceReference<MenuItem> reference, MenuItem item) {
            Bundle bundle = reference.getBundle();
            String id = text(reference, "id", null);
            String label = text(reference, "label", null);
            String permission = text(reference, "permission", null);
            Optional<String> module = bundle == null ? Optional.empty() : ModuleRegistry.moduleId(bundle);
            if (id == null || label == null || permission == null || module.isEmpty()) {
                return Optional.empty();
            }
            Object order = reference.getProperty("kontor.menu.order");
            return Optional.of(new Contribution(id, label, text(reference, "icon", "puzzle"), text(reference, "section", "modules"),
                    order instanceof Number number ? number.intValue() : 1000, permission,
                    text(reference, "page", "index.html"), module.get(), bundle, item, new ConcurrentHashMap<>()));
        }

        private static String text(ServiceReference<?> reference, String name, String fallback) {
            Object value = reference.getProperty("kontor.menu." + name);
            return value instanceof String string && !string.isBlank() ? string : fallback;
        }
    }
}
