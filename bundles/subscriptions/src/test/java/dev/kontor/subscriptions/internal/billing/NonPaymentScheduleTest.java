package dev.kontor.subscriptions.internal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The days of the non-payment steps (S4) for any periods and any days the run misses:
 * the steps come in order, none before the invoice is overdue, the suspension not before
 * the grace period ended, the termination not before the further period ended, and each
 * step at least the notice period after its notice.
 */
class NonPaymentScheduleTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 10);

    @Property(tries = 300)
    void stepsComeInOrderAfterTheirPeriodsAndNotices_S4(@ForAll @IntRange(min = 0, max = 40) int grace,
            @ForAll @IntRange(min = 0, max = 60) int termination, @ForAll @IntRange(min = 0, max = 10) int notice,
            @ForAll @Size(max = 120) List<@IntRange(min = 1, max = 9) Integer> gaps) {
        NonPaymentSchedule schedule = new NonPaymentSchedule(new BillingSettings(grace, termination, notice, 1));
        Map<NonPaymentStep, LocalDate> done = new EnumMap<>(NonPaymentStep.class);
        LocalDate day = DUE.minusDays(3);
        for (int gap : gaps) {
            Optional<NonPaymentStep> next;
            while ((next = schedule.next(DUE, done, day)).isPresent()) { // a run takes every step due
                done.put(next.get(), day);
            }
            day = day.plusDays(gap);
        }
        List<NonPaymentStep> order = List.of(NonPaymentStep.values());
        for (NonPaymentStep step : done.keySet()) {
            for (NonPaymentStep earlier : order.subList(0, order.indexOf(step))) {
                assertTrue(done.containsKey(earlier) && !done.get(earlier).isAfter(done.get(step)), step + " after " + earlier);
            }
            assertTrue(done.get(step).isAfter(DUE), "only overdue invoices take steps");
        }
        check(done, NonPaymentStep.SUSPENSION, NonPaymentStep.SUSPENSION_NOTICE, DUE.plusDays(grace + 1L), notice);
        check(done, NonPaymentStep.TERMINATION, NonPaymentStep.TERMINATION_NOTICE, DUE.plusDays(grace + 1L + termination),
                notice);
    }

    @Property(tries = 50)
    void aRunEveryDayTakesEachStepOnItsScheduledDay_S4(@ForAll @IntRange(min = 4, max = 40) int grace,
            @ForAll @IntRange(min = 4, max = 60) int termination, @ForAll @IntRange(min = 0, max = 3) int notice) {
        NonPaymentSchedule schedule = new NonPaymentSchedule(new BillingSettings(grace, termination, notice, 1));
        Map<NonPaymentStep, LocalDate> done = new EnumMap<>(NonPaymentStep.class);
        for (LocalDate day = DUE; day.isBefore(DUE.plusDays(200)); day = day.plusDays(1)) {
            Optional<NonPaymentStep> next;
            while ((next = schedule.next(DUE, done, day)).isPresent()) {
                done.put(next.get(), day);
            }
        }
        LocalDate suspension = DUE.plusDays(grace + 1L);
        assertEquals(Map.of(NonPaymentStep.SUSPENSION_NOTICE, suspension.minusDays(notice), NonPaymentStep.SUSPENSION,
                suspension, NonPaymentStep.TERMINATION_NOTICE, suspension.plusDays(termination - (long) notice),
                NonPaymentStep.TERMINATION, suspension.plusDays(termination)), done);
    }

    private static void check(Map<NonPaymentStep, LocalDate> done, NonPaymentStep step, NonPaymentStep itsNotice,
            LocalDate scheduled, int notice) {
        if (!done.containsKey(step)) {
            return;
        }
        assertFalse(done.get(step).isBefore(scheduled), step + " before its day");
        assertFalse(done.get(step).isBefore(done.get(itsNotice).plusDays(notice)), step + " sooner than the notice period");
    }
}
