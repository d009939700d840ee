package dev.kontor.users.internal.token;

import dev.kontor.api.security.Caller;
import java.util.Locale;

/**
 * An OAuth client as the author of an audit entry at the token endpoint, where no
 * request of the REST layer has made a caller yet. It holds no permission: it only
 * names who acted, in which organization, from where.
 */
record ClientCaller(String userId, String username, String organizationId, String sourceAddress) implements Caller {

    @Override
    public String getName() {
        return username;
    }

    @Override
    public Locale locale() {
        return Locale.ENGLISH;
    }

    @Override
    public boolean has(String permission) {
        return false;
    }

    @Override
    public boolean isOperator() {
        return false;
    }
}
