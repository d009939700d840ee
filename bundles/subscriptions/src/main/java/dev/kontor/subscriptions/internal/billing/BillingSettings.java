package dev.kontor.subscriptions.internal.billing;

import dev.kontor.subscriptions.internal.SubscriptionsConfiguration;

/**
 * The settings of the billing run, from the module's configuration: the periods of
 * non-payment (S4) in days and how many steps it takes at once. Out-of-range values are
 * brought into range: a typing error in the configuration must not stop the run.
 *
 * @param graceDays days after the due date before the suspension
 * @param terminationDays days after the suspension date before the termination
 * @param noticeDays days the client is notified before each of the two
 * @param workers how many steps (of different invoices or subscriptions) run at once, 1 to 8
 */
public record BillingSettings(int graceDays, int terminationDays, int noticeDays, int workers) {

    /** The defaults: 14 days grace, 30 more to termination, notices 3 days ahead, 2 at once. */
    public static final BillingSettings DEFAULTS = new BillingSettings(14, 30, 3, 2);

    public BillingSettings {
        graceDays = Math.max(0, graceDays);
        terminationDays = Math.max(0, terminationDays);
        noticeDays = Math.max(0, noticeDays);
        workers = Math.max(1, Math.min(8, workers));
    }

    static BillingSettings of(SubscriptionsConfiguration configuration) {
        return new BillingSettings(configuration.grace_days(), configuration.termination_days(), configuration.notice_days(),
                configuration.automation_workers());
    }
}
