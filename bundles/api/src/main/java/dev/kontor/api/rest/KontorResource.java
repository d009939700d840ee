package dev.kontor.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Registers a DS component as a REST resource of the panel. The resource is served
 * under {@code /api/} + its {@code @Path} (use {@code @Path("v1/<module>")}), only
 * while the panel's JSON and security extensions are present, and comes and goes with
 * its bundle.
 *
 * <pre>
 * &#64;Component(service = HelloResource.class)
 * &#64;KontorResource
 * &#64;Path("v1/hello")
 * public class HelloResource { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KontorResource {

    /** Prefix shared with the OSGi Jakarta RESTful Web Services whiteboard. */
    String PREFIX_ = "osgi.jakartars.";

    /** Name of the panel's JSON extension. */
    String JSON_EXTENSION = "kontor.json";

    /** Name of the panel's security extension. */
    String SECURITY_EXTENSION = "kontor.security";

    /** Always true: marks the service as a resource for the whiteboard. */
    boolean resource() default true;

    /** Extensions the resource waits for; the defaults are the panel's own. */
    String[] extension_select() default {
        "(osgi.jakartars.name=" + JSON_EXTENSION + ")",
        "(osgi.jakartars.name=" + SECURITY_EXTENSION + ")"
    };
}
