package dev.kontor.users.internal.organization;

import java.util.List;

/** The request bodies of the members resource (JSON in snake_case). */
public final class MemberRequests {

    private MemberRequests() {
    }

    /**
     * Adds a member (U3): an existing login by {@code username}, or a new login for an
     * external person ({@code newLogin}); exactly one of the two.
     */
    public record Add(String username, NewLogin newLogin, String role, List<String> products, ContactChoice contact) {
    }

    /** A new login created for an external person; {@code language} defaults to the caller's. */
    public record NewLogin(String username, String email, String displayName, String password, String language) {

        @Override
        public String toString() {
            return "NewLogin[" + username + "]"; // never the password
        }
    }

    /** Contact preferences; a missing one stays as it is (false for a new member). */
    public record ContactChoice(Boolean technical, Boolean billing, Boolean news) {

        Contact over(Contact current) {
            return new Contact(technical == null ? current.technical() : technical,
                    billing == null ? current.billing() : billing, news == null ? current.news() : news);
        }
    }

    /** Changes a member (U5); a missing field stays as it is. */
    public record Change(String role, List<String> products, ContactChoice contact) {
    }

    /** Removes several members at once (U4). */
    public record BulkRemove(List<String> userIds) {
    }

    /** Who was removed, in the order asked. */
    public record BulkRemoved(List<String> removed) {
    }
}
