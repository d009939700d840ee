package dev.kontor.host.internal.security;

/**
 * What a resource method demands of its caller: nothing, a login, or a login holding a
 * permission.
 */
record AccessPolicy(boolean loginRequired, String permission) {

    static final AccessPolicy PUBLIC = new AccessPolicy(false, null);
    static final AccessPolicy LOGIN = new AccessPolicy(true, null);

    static AccessPolicy permission(String permission) {
        return new AccessPolicy(true, permission);
    }
}
