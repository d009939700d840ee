package dev.kontor.subscriptions.internal.billing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When each step of the non-payment run (S4) is due, as one function of the invoice's
 * due date, the steps done (with the day each was done) and today. With due date D,
 * grace G, termination period T and notice N:
 * <ul>
 * <li>the suspension is due on D + G + 1 (the first day after the grace period) and the
 * termination T days later;</li>
 * <li>each notice is due N days before its step, but never before the invoice is
 * overdue (D + 1);</li>
 * <li>a step comes only after its notice, and never sooner than N days after the day the
 * notice went out: a run that missed days (the panel was down) notifies first and acts
 * N days later, so that the client always has the notice period.</li>
 * </ul>
 */
record NonPaymentSchedule(BillingSettings settings) {

    /** The step due today, if any: at most one, the first not done yet. */
    Optional<NonPaymentStep> next(LocalDate dueOn, Map<NonPaymentStep, LocalDate> done, LocalDate today) {
        if (!today.isAfter(dueOn)) {
            return Optional.empty();
        }
        LocalDate suspension = suspensionOn(dueOn);
        LocalDate termination = suspension.plusDays(settings.terminationDays());
        if (!done.containsKey(NonPaymentStep.SUSPENSION_NOTICE)) {
            return when(NonPaymentStep.SUSPENSION_NOTICE, today, suspension.minusDays(settings.noticeDays()));
        }
        if (!done.containsKey(NonPaymentStep.SUSPENSION)) {
            return when(NonPaymentStep.SUSPENSION, today, later(suspension, done.get(NonPaymentStep.SUSPENSION_NOTICE)));
        }
        if (!done.containsKey(NonPaymentStep.TERMINATION_NOTICE)) {
            return when(NonPaymentStep.TERMINATION_NOTICE, today, termination.minusDays(settings.noticeDays()));
        }
        if (!done.containsKey(NonPaymentStep.TERMINATION)) {
            return when(NonPaymentStep.TERMINATION, today, later(termination, done.get(NonPaymentStep.TERMINATION_NOTICE)));
        }
        return Optional.empty();
    }

    /** The first day of the suspension of an invoice due on that day, if it stays unpaid. */
    LocalDate suspensionOn(LocalDate dueOn) {
        return dueOn.plusDays(settings.graceDays() + 1L);
    }

    /** The first day of the termination, if it stays unpaid and the run notified in time. */
    LocalDate terminationOn(LocalDate dueOn) {
        return suspensionOn(dueOn).plusDays(settings.terminationDays());
    }

    /** The earliest day a step may come after its notice went out on that day. */
    private LocalDate later(LocalDate scheduled, LocalDate noticeDay) {
        LocalDate earliest = noticeDay.plusDays(settings.noticeDays());
        return earliest.isAfter(scheduled) ? earliest : scheduled;
    }

    private static Optional<NonPaymentStep> when(NonPaymentStep step, LocalDate today, LocalDate dueDay) {
        return today.isBefore(dueDay) ? Optional.empty() : Optional.of(step);
    }
}
