package dev.kontor.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Typed service properties of a {@link PermissionSet}: service property
 * {@code kontor.permissions}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PermissionSetProperties {

    /** Prefix of every service property this annotation produces. */
    String PREFIX_ = "kontor.";

    /** Permission ids, each namespaced by the module: {@code hello.view}. */
    String[] permissions();
}
