package dev.kontor.api.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Header;

/**
 * Declares what removing the module does with its data; put it next to {@link Module}.
 * The build writes the {@value ModuleLayout#REMOVAL_HEADER} header; a module without it
 * is treated as {@link RemovalPolicy#KEEP}.
 *
 * @since 1.1
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Header(name = ModuleLayout.REMOVAL_HEADER, value = "${#value}")
public @interface DataOnRemoval {

    RemovalPolicy value();
}
