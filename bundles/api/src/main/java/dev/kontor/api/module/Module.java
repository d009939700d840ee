package dev.kontor.api.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Header;

/**
 * Marks a bundle as a Kontor module: put it on one package-info of the bundle. The
 * build writes the {@code Kontor-Module} manifest header from it; the host lists the
 * bundle on the operator's modules page, serves its {@code web/} folder under
 * {@code /modules/<id>/} and resolves its label keys from {@code i18n/messages*.properties}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Header(name = ModuleLayout.HEADER, value = "${#value}")
public @interface Module {

    /** The module id: lower case, also the prefix of its permissions and menu ids. */
    String value();
}
