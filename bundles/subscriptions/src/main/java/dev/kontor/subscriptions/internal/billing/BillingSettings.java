package dev.kontor.subscriptions.internal.billing;

import dev.kontor.subscriptions.internal.SubscriptionsConfiguration;
import java.util.Locale;

/**
 * The settings of the billing run, from the module's configuration: the periods of
 * non-payment (S4) in days, the language of its mails, and how many steps it takes at
 * once. Out-of-range values are brought into range and an unknown language counts as
 * English: a typing error in the configuration must not stop the run.
 *
 * @param graceDays days after the due date before the suspension
 * @param terminationDays days after the suspension date before the termination
 * @param noticeDays days the client is notified before each of the two
 * @param language the language of the run's mails
 * @param workers how many steps (of different invoices or subscriptions) run at once, 1 to 8
 */
public record BillingSettings(int graceDays, int terminationDays, int noticeDays, Locale language, int workers) {

    /** The defaults: 14 days grace, 30 more to termination, notices 3 days ahead, English, 2 at once. */
    public static final BillingSettings DEFAULTS = new BillingSettings(14, 30, 3, Locale.ENGLISH, 2);

    public BillingSettings {
        graceDays = Math.max(0, graceDays);
        terminationDays = Math.max(0, terminationDays);
        noticeDays = Math.max(0, noticeDays);
        language = language == null || !"de".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        workers = Math.max(1, Math.min(8, workers));
    }

    static BillingSettings of(SubscriptionsConfiguration configuration) {
        String language = configuration.notice_language() == null ? "" : configuration.notice_language().strip();
        return new BillingSettings(configuration.grace_days(), configuration.termination_days(), configuration.notice_days(),
                Locale.forLanguageTag(language), configuration.automation_workers());
    }
}
