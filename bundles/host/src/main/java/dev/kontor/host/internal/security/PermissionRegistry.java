package dev.kontor.host.internal.security;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.host.internal.i18n.Translations;
import dev.kontor.host.internal.module.ModuleRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Every permission the installed modules declare, while they declare it. */
@Component(service = PermissionRegistry.class)
public class PermissionRegistry {

    private final Map<Long, Declaration> declarations = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Translations translations;

    @Activate
    public PermissionRegistry(@Reference Translations translations) {
        this.translations = translations;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPermissionSet(ServiceReference<PermissionSet> reference) {
        Object ids = reference.getProperty("kontor.permissions");
        List<String> permissions = ids instanceof String[] array ? List.of(array)
                : ids instanceof String single ? List.of(single) : List.of();
        Bundle bundle = reference.getBundle();
        if (bundle != null) {
            declarations.put((Long) reference.getProperty(Constants.SERVICE_ID), new Declaration(bundle, permissions));
            changed();
        }
    }

    void updatedPermissionSet(ServiceReference<PermissionSet> reference) {
        addPermissionSet(reference);
    }

    void removePermissionSet(ServiceReference<PermissionSet> reference) {
        if (declarations.remove((Long) reference.getProperty(Constants.SERVICE_ID)) != null) {
            changed();
        }
    }

    /**
     * Tells the listener whenever declared permissions come or go: roles then hold other
     * permissions, so users may see other menu items than before.
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public List<DeclaredPermission> permissions(Locale locale) {
        List<DeclaredPermission> all = new ArrayList<>();
        declarations.values().forEach(declaration -> declaration.ids().forEach(id -> all.add(new DeclaredPermission(id,
                translations.label(declaration.bundle(), "permission." + id, locale),
                ModuleRegistry.moduleId(declaration.bundle()).orElse("panel")))));
        all.sort(Comparator.comparing(DeclaredPermission::id));
        return all;
    }

    /** A permission as listed by {@code GET /api/v1/permissions}. */
    public record DeclaredPermission(String id, String label, String module) {
    }

    private record Declaration(Bundle bundle, List<String> ids) {
    }
}
