package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;

/**
 * Who may place and who may lift a hold of each reason through the API (S2). The rule
 * of the whole module sits here and nowhere else:
 *
 * <table>
 * <caption>place and lift by reason</caption>
 * <tr><th>reason</th><th>placed by</th><th>lifted by</th></tr>
 * <tr><td>abuse</td><td colspan="2">the operator's staff holding {@code subscriptions.legal}</td></tr>
 * <tr><td>operator</td><td colspan="2">the operator's staff holding {@code subscriptions.suspend}</td></tr>
 * <tr><td>reseller</td><td>the client's reseller's staff holding {@code subscriptions.suspend}</td>
 * <td>the same, or the operator's staff holding it</td></tr>
 * <tr><td>non_payment</td><td>staff holding {@code subscriptions.suspend} (an outside fact), else the invoice run</td>
 * <td>only the system, when the invoice is paid or cancelled (S4)</td></tr>
 * <tr><td>expired</td><td>staff holding {@code subscriptions.suspend}, else the renewal run</td>
 * <td>only the system, when the subscription is renewed (S5)</td></tr>
 * <tr><td>customer</td><td colspan="2">the client's own users holding {@code subscriptions.self_suspend}, or staff
 * holding {@code subscriptions.suspend}</td></tr>
 * <tr><td>cascade_client, cascade_reseller</td><td>only the system, when the client or reseller is suspended</td>
 * <td>only the system, when that suspension ends</td></tr>
 * </table>
 *
 * "Staff" is the operator's or the client's reseller's (see {@link Reach}).
 */
public final class LiftPolicy {

    private LiftPolicy() {
    }

    /** Whether the caller, reaching the subscription so, may place a hold of the reason. */
    static boolean mayPlace(HoldReason reason, Caller caller, Reach reach) {
        return switch (reason) {
            case ABUSE -> reach == Reach.OPERATOR && caller.has(SubscriptionsPermissions.LEGAL);
            case OPERATOR -> reach == Reach.OPERATOR && caller.has(SubscriptionsPermissions.SUSPEND);
            case RESELLER -> reach == Reach.RESELLER && caller.has(SubscriptionsPermissions.SUSPEND);
            case NON_PAYMENT, EXPIRED -> staffSuspending(caller, reach);
            case CUSTOMER -> ownClient(caller, reach) || staffSuspending(caller, reach);
            case CASCADE_CLIENT, CASCADE_RESELLER -> false;
        };
    }

    /** Whether the caller, reaching the subscription so, may lift a hold of the reason. */
    public static boolean mayLift(HoldReason reason, Caller caller, Reach reach) {
        return switch (reason) {
            case ABUSE -> reach == Reach.OPERATOR && caller.has(SubscriptionsPermissions.LEGAL);
            case OPERATOR -> reach == Reach.OPERATOR && caller.has(SubscriptionsPermissions.SUSPEND);
            case RESELLER -> staffSuspending(caller, reach);
            case CUSTOMER -> ownClient(caller, reach) || staffSuspending(caller, reach);
            case NON_PAYMENT, EXPIRED, CASCADE_CLIENT, CASCADE_RESELLER -> false;
        };
    }

    /** The 403 for a lift the policy refuses, saying what lifts such a hold instead. */
    static ProblemException liftRefused(HoldReason reason) {
        String how = switch (reason) {
            case ABUSE -> "Only the operator's staff with the permission " + SubscriptionsPermissions.LEGAL
                    + " lift an abuse hold.";
            case OPERATOR -> "Only the operator's staff lift an operator hold.";
            case RESELLER -> "Only the client's reseller's staff or the operator's staff lift a reseller hold.";
            case CUSTOMER -> "Only the client's own users with the permission " + SubscriptionsPermissions.SELF_SUSPEND
                    + " or the staff managing the client lift the client's own hold.";
            case NON_PAYMENT -> "A non-payment hold is lifted when the invoice is paid or cancelled.";
            case EXPIRED -> "An expired hold is lifted when the subscription is renewed.";
            case CASCADE_CLIENT -> "This hold is lifted when the client's suspension ends.";
            case CASCADE_RESELLER -> "This hold is lifted when the reseller's suspension ends.";
        };
        return new ProblemException(403, "hold-lift-not-allowed", "A hold of reason " + reason.wire()
                + " cannot be lifted by you. " + how);
    }

    /** The 403 for placing a hold the policy refuses. */
    static ProblemException placeRefused(HoldReason reason) {
        return new ProblemException(403, "hold-place-not-allowed", "You may not place a hold of reason " + reason.wire()
                + " on this subscription.");
    }

    private static boolean staffSuspending(Caller caller, Reach reach) {
        return reach.staff() && caller.has(SubscriptionsPermissions.SUSPEND);
    }

    private static boolean ownClient(Caller caller, Reach reach) {
        return reach == Reach.CLIENT && caller.has(SubscriptionsPermissions.SELF_SUSPEND);
    }
}
