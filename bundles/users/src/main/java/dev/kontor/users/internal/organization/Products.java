package dev.kontor.users.internal.organization;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.users.internal.access.DeclaredPermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Product access as members and workgroups get it: ids of installed modules that declare permissions. */
public final class Products {

    /** Stored space-separated in a column of this many characters. */
    static final int MAX_STORED = 4000;

    private Products() {
    }

    /**
     * The products, sorted and without duplicates.
     *
     * @throws ValidationException naming {@code field[i]} for an id no installed module has
     */
    public static List<String> valid(String field, List<String> products, DeclaredPermissions.Catalog catalog) {
        if (products == null) {
            throw new ValidationException(field, "a list of product ids is required");
        }
        Set<String> known = catalog.products();
        Set<String> valid = new TreeSet<>();
        for (int i = 0; i < products.size(); i++) {
            String product = products.get(i);
            if (product == null || !known.contains(product)) {
                throw new ValidationException(field + "[" + i + "]", "is not a product of an installed module");
            }
            valid.add(product);
        }
        if (String.join(" ", valid).length() > MAX_STORED) {
            throw new ValidationException(field, "too many products");
        }
        return List.copyOf(valid);
    }
}
