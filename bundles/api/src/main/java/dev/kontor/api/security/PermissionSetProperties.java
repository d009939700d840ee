package dev.kontor.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Typed service properties of a {@link PermissionSet}: service property
 * {@code kontor.permissions}, and which of those permissions the users module's
 * built-in roles hold (U8). The owner holds every permission; the administrator every
 * one except {@link #permissions_ownerOnly()}; billing, reports access and basic access
 * only the ones listed for them here. Custom roles are granted permissions explicitly.
 * Permissions listed in {@link #permissions_operatorOnly()} are held in the operator's
 * organization only, never in a customer's, whatever the role.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PermissionSetProperties {

    /** Prefix of every service property this annotation produces. */
    String PREFIX_ = "kontor.";

    /** Permission ids, each namespaced by the module: {@code hello.view}. */
    String[] permissions();

    /** Of {@link #permissions()}, those the built-in role "basic access" holds: {@code kontor.permissions.basic}. */
    String[] permissions_basic() default {};

    /** Of {@link #permissions()}, those the built-in role "billing" holds: {@code kontor.permissions.billing}. */
    String[] permissions_billing() default {};

    /**
     * Of {@link #permissions()}, those the built-in role "reports access" holds
     * ({@code kontor.permissions.reports}): permissions that only read. Operator
     * support staff with a support grant for this module get these too (U11).
     */
    String[] permissions_reports() default {};

    /**
     * Of {@link #permissions()}, those only an owner holds, not an administrator
     * ({@code kontor.permissions.ownerOnly}).
     */
    String[] permissions_ownerOnly() default {};

    /**
     * Of {@link #permissions()}, those that only make sense for the panel operator's
     * staff ({@code kontor.permissions.operatorOnly}): no role of a customer's
     * organization holds them, not even its owner.
     */
    String[] permissions_operatorOnly() default {};

    /**
     * Of {@link #permissions_operatorOnly()}, those a reseller's organization holds too
     * ({@code kontor.permissions.reseller}): its owner and administrators hold them once
     * the operator made the organization a reseller (C9), e.g. to manage clients. The
     * module that declares them keeps a reseller to its own share of the data.
     *
     * @since 1.2
     */
    String[] permissions_reseller() default {};
}
