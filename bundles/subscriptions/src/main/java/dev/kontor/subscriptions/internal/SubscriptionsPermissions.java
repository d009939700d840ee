package dev.kontor.subscriptions.internal;

import dev.kontor.api.security.PermissionSet;
import dev.kontor.api.security.PermissionSetProperties;
import org.osgi.service.component.annotations.Component;

/**
 * The permissions of the subscriptions module; labels are {@code permission.<id>} in i18n/.
 *
 * <p>Which subscriptions a holder reaches is {@code SubscriptionScope}'s rule (the
 * operator's staff all, a reseller's staff its clients', a client's users their own);
 * these say what they may do there:
 * <ul>
 * <li>{@code view}: read subscriptions and their holds. Every built-in role holds it, so
 * a client's users see their own subscriptions (S3).</li>
 * <li>{@code manage}, {@code suspend}: staff work (create, edit, terminate; place and lift
 * operator and reseller holds): the operator's organization and resellers only.</li>
 * <li>{@code legal}: abuse holds, the operator's legal matter alone.</li>
 * <li>{@code renew}: renewal and auto-renewal (S5), a billing matter, so the billing role
 * holds it besides owners and administrators, a client's as well as the operator's.</li>
 * <li>{@code self_suspend}: a client suspending its own subscription (a hold of reason
 * {@code customer}) stops its services, so only the client's owner holds it.</li>
 * <li>{@code invoices}: creating invoices, recording payments, cancelling (S4): staff
 * only (the operator's organization and resellers).</li>
 * <li>{@code billing}: reading invoices, for staff and for a client's own users: the
 * billing role holds it (and so owners and administrators), basic and reports access do
 * not, so that only who handles money sees what is owed.</li>
 * </ul>
 */
@Component(service = PermissionSet.class)
@PermissionSetProperties(
        permissions = {SubscriptionsPermissions.VIEW, SubscriptionsPermissions.MANAGE, SubscriptionsPermissions.SUSPEND,
            SubscriptionsPermissions.LEGAL, SubscriptionsPermissions.RENEW, SubscriptionsPermissions.SELF_SUSPEND,
            SubscriptionsPermissions.INVOICES, SubscriptionsPermissions.BILLING},
        permissions_basic = {SubscriptionsPermissions.VIEW},
        permissions_billing = {SubscriptionsPermissions.VIEW, SubscriptionsPermissions.RENEW,
            SubscriptionsPermissions.INVOICES, SubscriptionsPermissions.BILLING},
        permissions_reports = {SubscriptionsPermissions.VIEW},
        permissions_ownerOnly = {SubscriptionsPermissions.SELF_SUSPEND},
        permissions_operatorOnly = {SubscriptionsPermissions.MANAGE, SubscriptionsPermissions.SUSPEND,
            SubscriptionsPermissions.LEGAL, SubscriptionsPermissions.INVOICES},
        permissions_reseller = {SubscriptionsPermissions.MANAGE, SubscriptionsPermissions.SUSPEND,
            SubscriptionsPermissions.INVOICES})
public class SubscriptionsPermissions implements PermissionSet {

    /** See subscriptions and their holds (S1, S2, S3). */
    public static final String VIEW = "subscriptions.view";
    /** Create subscriptions, edit their plan, services, term and price, terminate them (S1, S6). */
    public static final String MANAGE = "subscriptions.manage";
    /** Place and lift holds of the reasons operator, reseller, non_payment, expired and customer (S2). */
    public static final String SUSPEND = "subscriptions.suspend";
    /** Place and lift abuse holds (S2). */
    public static final String LEGAL = "subscriptions.legal";
    /** Renew subscriptions and switch auto-renewal on or off (S5). */
    public static final String RENEW = "subscriptions.renew";
    /** As a client: suspend one's own subscription and lift that again (a hold of reason customer, S2). */
    public static final String SELF_SUSPEND = "subscriptions.self_suspend";
    /** Create invoices, record their payment, cancel them (S4): staff work. */
    public static final String INVOICES = "subscriptions.invoices";
    /** See invoices: the staff's of the clients they manage, a client's users their own (S4). */
    public static final String BILLING = "subscriptions.billing";
}
