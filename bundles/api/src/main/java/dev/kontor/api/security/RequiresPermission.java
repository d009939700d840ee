package dev.kontor.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a REST resource method (or every method of a resource class) needs.
 * The host checks it before the method runs: 401 without a login, 403 without the
 * permission. Resource methods with neither this nor {@link PublicEndpoint} still need
 * a login.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

    /** A permission id declared by a module, e.g. {@code hello.greet}. */
    String value();
}
