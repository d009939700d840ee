package dev.kontor.users.internal.workgroup;

import java.util.List;

/** The body of {@code POST .../workgroups}: several members at once, an optional lead among them (U7). */
public record NewWorkgroup(String name, List<String> products, List<String> memberIds, String leadUserId) {
}
