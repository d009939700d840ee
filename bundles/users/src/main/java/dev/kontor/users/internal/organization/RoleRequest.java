package dev.kontor.users.internal.organization;

import java.util.List;

/** Creates a custom role (both fields required) or changes one (a missing field stays as it is). */
public record RoleRequest(String name, List<String> permissions) {
}
