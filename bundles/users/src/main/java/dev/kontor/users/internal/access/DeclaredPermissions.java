package dev.kontor.users.internal.access;

import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.security.PermissionSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Every permission the installed modules declare through {@link PermissionSet}
 * services, with the built-in roles that hold each. The current state is an immutable
 * {@link Catalog}, swapped whole when a module comes or goes, so readers never lock.
 */
@Component(service = DeclaredPermissions.class)
public class DeclaredPermissions {

    /** What declarations of bundles without a {@code Kontor-Module} header count as. */
    public static final String PLATFORM = "panel";

    private final Map<Long, Declaration> declarations = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Catalog catalog = Catalog.of(List.of());

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPermissionSet(ServiceReference<PermissionSet> reference) {
        Declaration declaration = Declaration.of(reference);
        if (declaration != null) {
            declarations.put((Long) reference.getProperty(Constants.SERVICE_ID), declaration);
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

    /** Replaces the declarations, for tests and benchmarks that run without a framework. */
    public void declare(Collection<Declaration> all) {
        declarations.clear();
        long id = 0;
        for (Declaration declaration : all) {
            declarations.put(id++, declaration);
        }
        changed();
    }

    /** Called whenever the declared permissions change: roles mean something else now. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Catalog catalog() {
        return catalog;
    }

    private synchronized void changed() {
        catalog = Catalog.of(List.copyOf(declarations.values()));
        listeners.forEach(Runnable::run);
    }

    /**
     * What one {@link PermissionSet} service declares.
     *
     * @param module the declaring module's id (its {@code Kontor-Module} header), or
     *        {@code panel} for the platform's own bundles
     */
    public record Declaration(String module, Set<String> permissions, Set<String> basic, Set<String> billing,
            Set<String> reports, Set<String> ownerOnly, Set<String> operatorOnly, Set<String> reseller) {

        public Declaration {
            permissions = Set.copyOf(permissions);
            basic = Set.copyOf(basic);
            billing = Set.copyOf(billing);
            reports = Set.copyOf(reports);
            ownerOnly = Set.copyOf(ownerOnly);
            operatorOnly = Set.copyOf(operatorOnly);
            reseller = Set.copyOf(reseller);
        }

        /** A declaration with nothing for resellers beyond what customers hold. */
        public Declaration(String module, Set<String> permissions, Set<String> basic, Set<String> billing,
                Set<String> reports, Set<String> ownerOnly, Set<String> operatorOnly) {
            this(module, permissions, basic, billing, reports, ownerOnly, operatorOnly, Set.of());
        }

        static Declaration of(ServiceReference<?> reference) {
            Bundle bundle = reference.getBundle();
            if (bundle == null) {
                return null; // unregistered meanwhile
            }
            String module = bundle.getHeaders("").get(ModuleLayout.HEADER);
            return new Declaration(module == null ? PLATFORM : module.trim(), strings(reference, "kontor.permissions"),
                    strings(reference, "kontor.permissions.basic"), strings(reference, "kontor.permissions.billing"),
                    strings(reference, "kontor.permissions.reports"), strings(reference, "kontor.permissions.ownerOnly"),
                    strings(reference, "kontor.permissions.operatorOnly"), strings(reference, "kontor.permissions.reseller"));
        }

        private static Set<String> strings(ServiceReference<?> reference, String property) {
            Object value = reference.getProperty(property);
            Set<String> result = new HashSet<>();
            if (value instanceof String[] array) {
                result.addAll(List.of(array));
            } else if (value instanceof String single && !single.isBlank()) {
                result.add(single);
            } else if (value instanceof Collection<?> collection) {
                collection.forEach(item -> result.add(String.valueOf(item)));
            }
            result.removeIf(String::isBlank);
            return result;
        }
    }

    /** The declared permissions at one moment, and what each built-in role holds of them in each kind of organization. */
    public record Catalog(Set<String> all, Map<String, Set<String>> byModule,
            Map<OrganizationKind, Map<BuiltInRole, Set<String>>> roles, Map<String, Set<String>> readOnlyByModule) {

        static Catalog of(List<Declaration> declarations) {
            Set<String> all = new TreeSet<>();
            Set<String> operatorOnly = new HashSet<>();
            Set<String> resellerToo = new HashSet<>();
            Set<String> ownerOnly = new HashSet<>();
            Map<BuiltInRole, Set<String>> listed = new java.util.EnumMap<>(BuiltInRole.class);
            for (BuiltInRole role : BuiltInRole.values()) {
                listed.put(role, new HashSet<>());
            }
            Map<String, Set<String>> byModule = new java.util.TreeMap<>();
            Map<String, Set<String>> readOnly = new java.util.TreeMap<>();
            for (Declaration declaration : declarations) {
                all.addAll(declaration.permissions());
                operatorOnly.addAll(declaration.operatorOnly());
                resellerToo.addAll(declaration.reseller());
                ownerOnly.addAll(declaration.ownerOnly());
                listed.get(BuiltInRole.BASIC).addAll(declaration.basic());
                listed.get(BuiltInRole.BILLING).addAll(declaration.billing());
                listed.get(BuiltInRole.REPORTS).addAll(declaration.reports());
                byModule.computeIfAbsent(declaration.module(), key -> new TreeSet<>()).addAll(declaration.permissions());
                readOnly.computeIfAbsent(declaration.module(), key -> new TreeSet<>()).addAll(declaration.reports());
            }
            listed.get(BuiltInRole.OWNER).addAll(all);
            listed.get(BuiltInRole.ADMINISTRATOR).addAll(all);
            listed.get(BuiltInRole.ADMINISTRATOR).removeAll(ownerOnly);
            // A reseller's organization holds, of what is reserved for the operator, only what is declared for resellers.
            Set<String> reservedForReseller = new HashSet<>(operatorOnly);
            reservedForReseller.removeAll(resellerToo);
            Map<OrganizationKind, Set<String>> reserved = Map.of(OrganizationKind.OPERATOR, Set.of(),
                    OrganizationKind.RESELLER, reservedForReseller, OrganizationKind.CUSTOMER, operatorOnly);
            Map<OrganizationKind, Map<BuiltInRole, Set<String>>> roles = new java.util.EnumMap<>(OrganizationKind.class);
            for (OrganizationKind kind : OrganizationKind.values()) {
                Map<BuiltInRole, Set<String>> held = new java.util.EnumMap<>(BuiltInRole.class);
                for (Map.Entry<BuiltInRole, Set<String>> role : listed.entrySet()) {
                    Set<String> permissions = new HashSet<>(role.getValue());
                    permissions.retainAll(all); // a role list may only name what its set declares
                    permissions.removeAll(reserved.get(kind));
                    held.put(role.getKey(), Set.copyOf(permissions));
                }
                roles.put(kind, Map.copyOf(held));
            }
            byModule.replaceAll((module, ids) -> Set.copyOf(ids));
            readOnly.replaceAll((module, ids) -> Set.copyOf(ids));
            return new Catalog(Set.copyOf(all), Map.copyOf(byModule), Map.copyOf(roles), Map.copyOf(readOnly));
        }

        /** What a built-in role holds in an organization of the given kind. */
        public Set<String> of(BuiltInRole role, OrganizationKind kind) {
            return roles.get(kind).get(role);
        }

        /** Permissions a product (a module id) gives, never any reserved for the operator or the owner. */
        public Set<String> ofProduct(String module, OrganizationKind kind) {
            Set<String> held = new HashSet<>(byModule.getOrDefault(module, Set.of()));
            held.retainAll(of(BuiltInRole.ADMINISTRATOR, kind));
            return held;
        }

        /** Permissions access to the products gives together. */
        public Set<String> ofProducts(Collection<String> modules, OrganizationKind kind) {
            Set<String> held = new HashSet<>();
            modules.forEach(module -> held.addAll(ofProduct(module, kind)));
            return held;
        }

        /** Whether no role of an organization of this kind may hold the declared permission. */
        public boolean reservedIn(String permission, OrganizationKind kind) {
            return declares(permission) && !of(BuiltInRole.OWNER, kind).contains(permission);
        }

        /** Whether some installed module declares the permission. */
        public boolean declares(String permission) {
            return all.contains(permission);
        }

        /** Modules (product ids) that declare permissions now; the platform's own are no product. */
        public Set<String> products() {
            Set<String> products = new TreeSet<>(byModule.keySet());
            products.remove(PLATFORM);
            return products;
        }

        /** Whether no role of a customer's organization may hold the permission. */
        public boolean operatorOnly(String permission) {
            return reservedIn(permission, OrganizationKind.CUSTOMER);
        }

        /** The read-only permissions of a module: what a support grant for it gives (U11). */
        public Set<String> readOnly(String module) {
            return readOnlyByModule.getOrDefault(module, Set.of());
        }

        public List<String> sorted() {
            return new ArrayList<>(new TreeSet<>(all));
        }
    }
}
