package dev.kontor.users.internal.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Sets of ids stored in one column, separated by spaces (permissions, products, scopes). */
public final class Words {

    private Words() {
    }

    public static List<String> of(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.stream(column.trim().split("\\s+")).toList();
    }

    /** The column value: sorted, without duplicates. */
    public static String join(Collection<String> ids) {
        return String.join(" ", new TreeSet<>(ids));
    }
}
