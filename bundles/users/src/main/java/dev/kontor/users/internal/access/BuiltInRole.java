package dev.kontor.users.internal.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles every organization has (U8). What each holds follows from what the
 * installed modules declare ({@link DeclaredPermissions}), so a module installed later
 * is covered without touching any role.
 */
public enum BuiltInRole {
    OWNER("owner"),
    ADMINISTRATOR("administrator"),
    BILLING("billing"),
    REPORTS("reports"),
    BASIC("basic");

    private final String id;

    BuiltInRole(String id) {
        this.id = id;
    }

    /** The role id as the API shows it, e.g. {@code basic}. */
    public String id() {
        return id;
    }

    public static Optional<BuiltInRole> of(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
