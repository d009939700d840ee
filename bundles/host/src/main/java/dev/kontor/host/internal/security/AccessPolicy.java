package dev.kontor.host.internal.security;

/**
 * What a resource method demands of its caller: nothing, a login, or a login holding a
 * permission.
 */
public record AccessPolicy(boolean loginRequired, String permission) {

    public static final AccessPolicy PUBLIC = new AccessPolicy(false, null);
    public static final AccessPolicy LOGIN = new AccessPolicy(true, null);

    public static AccessPolicy permission(String permission) {
        return new AccessPolicy(true, permission);
    }
}
