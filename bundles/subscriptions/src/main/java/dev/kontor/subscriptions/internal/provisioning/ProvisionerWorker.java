package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.storage.Database;
import dev.kontor.api.subscriptions.Provisioner;
import dev.kontor.api.subscriptions.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery to one provisioner, on a thread of its own, so that a provisioner that
 * hangs holds up only itself. Each round it registers the provisioner (once), then takes
 * the provisioner's due deliveries one by one until none is left, each in three steps:
 * a short transaction takes the row under a lease and reads the subscription as it is
 * now; the provisioner is called outside any transaction (a slow call blocks no change
 * of state); a second short transaction records the outcome. Then it waits for the bell
 * (a committed change) or the poll interval.
 */
final class ProvisionerWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionerWorker.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * After a provisioner's first registration, how long its rows are completed again, at
     * most once a poll interval: a change that read the provisioners just before this one
     * was known, and committed just after its rows were written, owes it nothing by itself.
     */
    static final Duration SETTLE = Duration.ofMinutes(10);
    /** How long a stopping worker may finish its call before it is interrupted. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final String name;
    private final String owner;
    private final Database database;
    private final ProvisionerServices services;
    private final Function<String, Optional<Subscription>> current;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Thread thread;
    private final Object bell = new Object();
    private final AtomicLong rounds = new AtomicLong();
    private boolean rung; // guarded by bell
    private volatile boolean running = true;

    /**
     * @param owner the delivery's id in leases, the same for all its workers
     * @param current the subscription as it is now, read in the caller's transaction
     */
    ProvisionerWorker(String name, String owner, Database database, ProvisionerServices services,
            Function<String, Optional<Subscription>> current, DeliverySettings settings, Clock clock) {
        this.name = name;
        this.owner = owner;
        this.database = database;
        this.services = services;
        this.current = current;
        this.settings = settings;
        this.clock = clock;
        this.thread = new Thread(this, "kontor-provisioning-" + name + "-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Starts a round now, or right after the one running. */
    void wake() {
        synchronized (bell) {
            rung = true;
            bell.notifyAll();
        }
    }

    /** Rounds completed so far. */
    long rounds() {
        return rounds.get();
    }

    /**
     * Ends the thread: a call to the provisioner in progress may finish within a grace
     * period, then the thread is interrupted.
     *
     * @return whether the thread ended within {@code wait}
     */
    boolean stop(Duration wait) {
        running = false;
        wake();
        try {
            thread.join(GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    @Override
    public void run() {
        boolean registered = false;
        Instant settleUntil = null;
        Instant nextBackfill = null;
        while (running) {
            try {
                Instant now = now();
                if (!registered) {
                    boolean first = database.inTransaction(connection -> ProvisioningLedger.register(connection, name, now));
                    registered = true;
                    settleUntil = first ? now.plus(SETTLE) : null;
                    nextBackfill = now.plus(settings.poll());
                } else if (settleUntil != null && now.isBefore(settleUntil) && !now.isBefore(nextBackfill)) {
                    database.inTransaction(connection -> ProvisioningLedger.backfill(connection, name, now));
                    nextBackfill = now.plus(settings.poll());
                }
                deliverDue();
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Delivery to provisioner {} stopped short; it goes on at the next round", name, e);
                }
            }
            rounds.incrementAndGet();
            awaitBell();
        }
    }

    private void deliverDue() {
        while (running) {
            Optional<Provisioner> provisioner = services.current(name);
            if (provisioner.isEmpty()) {
                return;
            }
            Instant now = now();
            Optional<Claim> claim = database.inTransaction(connection -> ProvisioningLedger.claim(connection, name, owner, now,
                    now.plus(settings.lease()), current));
            if (claim.isEmpty()) {
                return;
            }
            deliver(provisioner.get(), claim.get());
        }
    }

    private void deliver(Provisioner provisioner, Claim claim) {
        String error = null;
        try {
            provisioner.apply(claim.provisioning());
        } catch (Exception | LinkageError e) {
            // A provisioner's failure of any kind (also a class gone with its stopping bundle) is retried later.
            error = e.toString();
        }
        if (error != null && !running) {
            // Interrupted by the stop, most likely: not the provisioner's failure; another round or node takes it.
            Thread.interrupted(); // the flag must not reach the database's I/O
            database.runInTransaction(connection -> ProvisioningLedger.release(connection, claim, owner));
            return;
        }
        Instant now = now();
        String failure = error;
        boolean held = database.inTransaction(connection -> failure == null
                ? ProvisioningLedger.delivered(connection, claim, owner, now)
                : ProvisioningLedger.failed(connection, claim, owner, failure, settings, now));
        if (failure != null) {
            LOG.warn("Provisioner {} failed on subscription {} at revision {} (attempt {}): {}", name, claim.subscriptionId(),
                    claim.revision(), claim.attempts() + 1, failure);
        }
        if (!held) {
            LOG.info("Provisioner {}: the lease on subscription {} ran out during the call; another node delivers it again",
                    name, claim.subscriptionId());
        }
    }

    private void awaitBell() {
        synchronized (bell) {
            try {
                if (!rung && running) {
                    bell.wait(settings.poll().toMillis());
                }
            } catch (InterruptedException e) {
                // Only stop interrupts: the loop sees that it is no longer running.
                running = false;
            }
            rung = false;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
