package dev.kontor.users.internal.trail;

import dev.kontor.api.security.Caller;
import java.util.Locale;

/**
 * Who an audit entry names as its author, in the organization whose trail holds it,
 * where no request of the REST layer made a caller for that: a link's holder who is not
 * logged in, a machine client at the token endpoint, or a caller acting on another
 * organization. It holds no permission: it only names who acted, where, from where.
 *
 * @param userId the login or client, or null when a link's holder has no login (yet)
 * @param sourceAddress where the request came from; null outside a request
 * @param operator whether the author is one of the operator's staff
 */
public record Author(String userId, String username, String organizationId, Locale locale, String sourceAddress,
        boolean operator) implements Caller {

    /** Someone who is not operator staff: a link's holder or a machine client. */
    public Author(String userId, String username, String organizationId, Locale locale, String sourceAddress) {
        this(userId, username, organizationId, locale, sourceAddress, false);
    }

    /** The caller as the trail of another organization shows them: everything as it is but the organization. */
    public static Author of(Caller caller, String organizationId) {
        return new Author(caller.userId(), caller.username(), organizationId, caller.locale(), caller.sourceAddress(),
                caller.isOperator());
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean has(String permission) {
        return false; // the author of an entry, never asked for permissions
    }

    @Override
    public boolean isOperator() {
        return operator;
    }
}
