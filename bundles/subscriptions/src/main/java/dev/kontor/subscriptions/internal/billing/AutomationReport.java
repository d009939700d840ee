package dev.kontor.subscriptions.internal.billing;

/**
 * What one billing run did, counted per step.
 *
 * @param renewalInvoices renewal invoices made 14 days before expiry (S5)
 * @param renewed auto-renewing subscriptions without a price renewed at that point (nothing to charge)
 * @param expired subscriptions that got an {@code expired} hold (S5)
 * @param suspensionNotices clients notified of a coming suspension (S4)
 * @param suspensions non-payment holds placed
 * @param terminationNotices clients notified of a coming termination
 * @param terminations subscriptions terminated for non-payment
 * @param failed steps that failed and were rolled back; the next run tries them again
 */
public record AutomationReport(int renewalInvoices, int renewed, int expired, int suspensionNotices, int suspensions,
        int terminationNotices, int terminations, int failed) {

    /** The counts of a run as it goes, from the run's workers. */
    static final class Counts {
        private int renewalInvoices;
        private int renewed;
        private int expired;
        private int suspensionNotices;
        private int suspensions;
        private int terminationNotices;
        private int terminations;
        private int failed;

        synchronized void took(NonPaymentStep step) {
            switch (step) {
                case SUSPENSION_NOTICE -> suspensionNotices++;
                case SUSPENSION -> suspensions++;
                case TERMINATION_NOTICE -> terminationNotices++;
                case TERMINATION -> terminations++;
            }
        }

        synchronized void invoiced() {
            renewalInvoices++;
        }

        synchronized void renewed() {
            renewed++;
        }

        synchronized void expired() {
            expired++;
        }

        synchronized void failed() {
            failed++;
        }

        synchronized AutomationReport report() {
            return new AutomationReport(renewalInvoices, renewed, expired, suspensionNotices, suspensions, terminationNotices,
                    terminations, failed);
        }
    }

    /** Whether the run did anything (or failed at anything). */
    public boolean any() {
        return renewalInvoices + renewed + expired + suspensionNotices + suspensions + terminationNotices + terminations
                + failed > 0;
    }
}
