package dev.kontor.host.internal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** When scheduled jobs are due: real time in the panel ({@link PoolTimer}), a hand-driven timer in tests. */
public interface JobTimer {

    /**
     * Calls {@code due} with the time each run was due, every interval, the first one
     * interval from now, until the returned handle is cancelled.
     */
    Handle every(Duration interval, Consumer<Instant> due);

    /** One repetition. */
    interface Handle {

        /** No further calls; a call under way is interrupted. */
        void cancel();
    }
}
