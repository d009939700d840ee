package dev.kontor.host.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Real time on a small pool of daemon threads. A repetition runs at a fixed rate and,
 * as the executor guarantees, never twice at once; a late run delays the next rather
 * than overlapping it.
 */
final class PoolTimer implements JobTimer, AutoCloseable {

    private static final int THREADS = 2;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Clock clock;
    private final ScheduledThreadPoolExecutor pool;

    PoolTimer(Clock clock) {
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "kontor-jobs-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // A cancelled job leaves the queue at once rather than at its next due time.
        pool.setRemoveOnCancelPolicy(true);
        // Started with the host, not with the first job: no module's arrival adds a thread that outlives it.
        pool.prestartAllCoreThreads();
    }

    @Override
    public Handle every(Duration interval, Consumer<Instant> due) {
        Instant first = clock.instant().plus(interval);
        AtomicLong runs = new AtomicLong();
        long millis = interval.toMillis();
        ScheduledFuture<?> future = pool.scheduleAtFixedRate(
                () -> due.accept(first.plus(interval.multipliedBy(runs.getAndIncrement()))), millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(true);
    }

    /** Stops every repetition and waits briefly for runs under way, which are interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
