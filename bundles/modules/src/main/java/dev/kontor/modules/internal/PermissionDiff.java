package dev.kontor.modules.internal;

import java.util.List;

/**
 * What the latest upgrade changed in a module's permissions: {@code from} is null before
 * the second version was seen. Added permissions reach the built-in roles as declared;
 * custom roles hold only the permissions granted to them explicitly, so they get none.
 */
public record PermissionDiff(String from, String to, List<String> added, List<String> removed) {
}
