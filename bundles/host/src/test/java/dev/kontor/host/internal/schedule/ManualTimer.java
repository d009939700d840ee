package dev.kontor.host.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link JobTimer} driven by the test: time passes when the test says so. */
final class ManualTimer implements JobTimer {

    private final List<Repetition> repetitions = new CopyOnWriteArrayList<>();
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public Handle every(Duration interval, Consumer<Instant> due) {
        Repetition repetition = new Repetition(interval, due, now.plus(interval));
        repetitions.add(repetition);
        return () -> repetitions.remove(repetition);
    }

    /** Lets time pass, on the caller's thread: every due run is made in order. */
    void advance(Duration duration) {
        Instant until = now.plus(duration);
        for (Repetition repetition : new ArrayList<>(repetitions)) {
            while (repetitions.contains(repetition) && !repetition.next.isAfter(until)) {
                Instant due = repetition.next;
                repetition.next = due.plus(repetition.interval);
                repetition.due.accept(due);
            }
        }
        now = until;
    }

    /** Makes every repetition due at once, on the caller's thread, whatever time it is: for runs that meet. */
    void fireAll(Instant due) {
        repetitions.forEach(repetition -> repetition.due.accept(due));
    }

    /** Repetitions not cancelled. */
    int active() {
        return repetitions.size();
    }

    private static final class Repetition {
        private final Duration interval;
        private final Consumer<Instant> due;
        private Instant next;

        private Repetition(Duration interval, Consumer<Instant> due, Instant next) {
            this.interval = interval;
            this.due = due;
            this.next = next;
        }
    }
}
