package dev.kontor.users.internal.invitation;

import dev.kontor.api.security.Caller;
import java.util.Locale;

/**
 * Whoever acts through a mailed link without being logged in, as the audit trail
 * names them: the login it concerns, or only the address the link was sent to.
 * It holds no permission.
 *
 * @param userId the login, or null when the link's holder has none (yet)
 */
record LinkCaller(String userId, String username, String organizationId, Locale locale, String sourceAddress)
        implements Caller {

    @Override
    public String getName() {
        return username;
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
