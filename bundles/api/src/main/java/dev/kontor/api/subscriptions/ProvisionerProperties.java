package dev.kontor.api.subscriptions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The typed service properties of a {@link Provisioner}:
 *
 * <pre>
 * &#64;Component(service = Provisioner.class)
 * &#64;ProvisionerProperties(name = "acme.webserver")
 * public class WebServerProvisioner implements Provisioner { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ProvisionerProperties {

    /** Prefix of every service property this annotation produces. */
    String PREFIX_ = "kontor.provisioner.";

    /** Stable unique name, namespaced by its author: {@code acme.webserver} ({@code kontor.provisioner.name}). */
    String name();
}
