package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.storage.Database;
import dev.kontor.subscriptions.internal.SubscriptionsConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records holds whose own expiry has passed as lapsed (S2): the hold is marked lifted
 * at its expiry by the system, the history says so, and the effective state follows.
 * One transaction per subscription, with its row locked, so two panel nodes sweeping at
 * once record each lapse once.
 */
@Component(service = HoldExpirySweep.class, immediate = true, configurationPid = SubscriptionsConfiguration.PID)
public class HoldExpirySweep {

    private static final Logger LOG = LoggerFactory.getLogger(HoldExpirySweep.class);
    private static final int BATCH = 200;

    private final Database database;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    @Activate
    public HoldExpirySweep(@Reference Database database, SubscriptionsConfiguration configuration) {
        this(database, Clock.systemUTC());
        long seconds = Math.max(1, configuration.hold_sweep_seconds());
        timer.scheduleWithFixedDelay(this::sweepLogged, seconds, seconds, TimeUnit.SECONDS);
    }

    /** A sweep that runs only when {@link #sweep} is called: for tests. */
    public HoldExpirySweep(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "kontor-subscriptions-hold-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    public void stop() {
        timer.shutdownNow();
    }

    /**
     * Records every lapse due now.
     *
     * @return how many holds were recorded as lapsed
     */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int lapsed = 0;
        while (true) {
            List<String> due = database.inTransaction(connection -> HoldStore.withLapsedHolds(connection, now, BATCH));
            int before = lapsed;
            for (String subscriptionId : due) {
                lapsed += database.inTransaction(connection -> {
                    if (SubscriptionStore.lock(connection, subscriptionId).map(StoredSubscription::terminated).orElse(true)) {
                        return 0;
                    }
                    List<Hold> holds = HoldStore.lapsed(connection, subscriptionId, now);
                    for (Hold hold : holds) {
                        HoldStore.lift(connection, hold.id(), hold.expiresAt(), Hold.SYSTEM, "expired");
                    }
                    if (!holds.isEmpty()) {
                        EffectiveState.recompute(connection, subscriptionId, now);
                        for (Hold hold : holds) {
                            History.append(connection, subscriptionId, HistoryEntry.LAPSED, hold, Hold.SYSTEM,
                                    "ended by itself at " + hold.expiresAt(), now);
                        }
                    }
                    return holds.size();
                });
            }
            if (due.size() < BATCH || lapsed == before) {
                return lapsed;
            }
        }
    }

    private void sweepLogged() {
        try {
            int lapsed = sweep();
            if (lapsed > 0) {
                LOG.info("Recorded {} lapsed subscription holds", lapsed);
            }
        } catch (RuntimeException e) {
            LOG.warn("The sweep of lapsed subscription holds failed; it runs again later", e);
        }
    }
}
