package dev.kontor.storage.internal;

import dev.kontor.api.security.Caller;
import java.util.Locale;

/**
 * A caller for tests of bundles that record who did what (audit, idempotency): a
 * member holding every permission, calling from a documentation address.
 */
public record TestCaller(String userId, String organizationId) implements Caller {

    public static final String SOURCE_ADDRESS = "203.0.113.7";

    @Override
    public String getName() {
        return userId;
    }

    @Override
    public String username() {
        return "user-" + userId;
    }

    @Override
    public Locale locale() {
        return Locale.ENGLISH;
    }

    @Override
    public String sourceAddress() {
        return SOURCE_ADDRESS;
    }

    @Override
    public boolean has(String permission) {
        return true;
    }

    @Override
    public boolean isOperator() {
        return false;
    }
}
