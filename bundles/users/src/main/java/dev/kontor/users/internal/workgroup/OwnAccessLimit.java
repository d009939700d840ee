package dev.kontor.users.internal.workgroup;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.users.internal.access.DeclaredPermissions;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Nobody hands out more than they hold (U2): whoever may manage members or workgroups
 * still cannot give a role, product or group a permission they lack themselves, or
 * else managing members would be a way to any permission.
 */
public final class OwnAccessLimit {

    private OwnAccessLimit() {
    }

    /** @throws ProblemException 403 {@code exceeds-own-access} naming what the caller lacks */
    public static void require(Caller caller, Collection<String> given) {
        TreeSet<String> lacking = new TreeSet<>();
        for (String permission : given) {
            if (!caller.has(permission)) {
                lacking.add(permission);
            }
        }
        if (!lacking.isEmpty()) {
            throw new ProblemException(403, "exceeds-own-access",
                    "This would give permissions you do not hold yourself: " + String.join(", ", lacking) + ".");
        }
    }

    /** What access to the products gives in an organization of the kind. */
    public static Set<String> ofProducts(Collection<String> products, DeclaredPermissions.Catalog catalog,
            boolean operatorOrganization) {
        Set<String> permissions = new HashSet<>();
        for (String product : products) {
            permissions.addAll(catalog.ofProduct(product, operatorOrganization));
        }
        return permissions;
    }
}
