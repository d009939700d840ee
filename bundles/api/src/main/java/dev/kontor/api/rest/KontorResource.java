package dev.kontor.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Registers a DS component as a REST resource of the panel. The resource is served
 * under {@code /api/} + its {@code @Path} (use {@code @Path("v1/<module>")}), only
 * while the panel's extension (JSON, access checks, problem+json errors) is present,
 * and comes and goes with its bundle.
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

    /** Name of the panel's extension, which every resource of the panel needs. */
    String PANEL_EXTENSION = "kontor.panel";

    /** Always true: marks the service as a resource for the whiteboard. */
    boolean resource() default true;

    /** Extensions the resource waits for; the default is the panel's own. */
    String[] extension_select() default {"(osgi.jakartars.name=" + PANEL_EXTENSION + ")"};
}
