package dev.kontor.users.internal.workgroup;

import java.util.List;

/**
 * A workgroup as the API shows it (U7): members with access to chosen products, and
 * an optional lead among them. {@code version} is also its ETag.
 */
public record Workgroup(String id, String name, List<String> products, List<Member> members, String leadUserId,
        long version) {

    public Workgroup {
        products = List.copyOf(products);
        members = List.copyOf(members);
    }

    public List<String> memberIds() {
        return members.stream().map(Member::userId).toList();
    }

    /** One member of a group. */
    public record Member(String userId, String username) {
    }
}
