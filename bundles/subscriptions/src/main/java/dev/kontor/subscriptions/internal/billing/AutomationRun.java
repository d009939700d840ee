package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientDirectory;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.StorageException;
import dev.kontor.subscriptions.internal.SubscriptionsConfiguration;
import dev.kontor.subscriptions.internal.subscription.AutoRenewal;
import dev.kontor.subscriptions.internal.subscription.Hold;
import dev.kontor.subscriptions.internal.subscription.HoldReason;
import dev.kontor.subscriptions.internal.subscription.StoredSubscription;
import dev.kontor.subscriptions.internal.subscription.Subscriptions;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import dev.kontor.subscriptions.internal.subscription.Terms;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The billing run (S4, S5), on a thread of its own every {@code automation_interval_seconds}
 * and on demand ({@code POST /api/v1/subscriptions/automation/run}):
 * <ol>
 * <li>auto-renewing subscriptions whose term ends within 14 days get the renewal invoice
 * of that term, due on its last day (the charge attempt); one without a price is renewed
 * at once;</li>
 * <li>subscriptions whose term ended without renewal get an {@code expired} hold;</li>
 * <li>each overdue invoice takes the non-payment steps now due ({@link NonPaymentSchedule}):
 * notice, suspension (a {@code non_payment} hold from the invoice), notice, termination.</li>
 * </ol>
 *
 * <p>Every step is one transaction with everything it does: the step's record, the hold or
 * termination, its mails and its audit entry. A crash leaves a step done with its mails
 * queued, or not done at all; the next run does what is left. Each step first locks its
 * invoice (or subscription) and checks again under the lock, and the steps table's key
 * refuses a second record, so two runs at once (on one node or on two) take each step once:
 * the second waits for the first's commit, then finds the step done. For the same reason a
 * run spreads its steps over {@code automation_workers} threads: each invoice's steps stay
 * on one, and different invoices are as independent as two nodes' runs.
 */
@Designate(ocd = SubscriptionsConfiguration.class)
@Component(service = AutomationRun.class, immediate = true, configurationPid = SubscriptionsConfiguration.PID)
public class AutomationRun {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationRun.class);
    static final String THREAD = "kontor-subscriptions-billing";
    private static final int BATCH = 500;
    private static final long STOP_SECONDS = 30;

    private final Database database;
    private final SystemHolds holds;
    private final Subscriptions subscriptions;
    private final BillingMails mails;
    private final ClientDirectory clients;
    private final AuditLog audit;
    private final BillingSettings settings;
    private final NonPaymentSchedule schedule;
    private final Clock clock;
    /** The scheduled runs; null for a run that only runs when asked. */
    private final ScheduledExecutorService timer;
    /** The threads a run's steps are spread over; null when they run one after the other. */
    private final ExecutorService workers;
    /** Every thread the component started, to wait for at its end. */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Activate
    public AutomationRun(@Reference Database database, @Reference SystemHolds holds, @Reference Subscriptions subscriptions,
            @Reference BillingMails mails, @Reference ClientDirectory clients, @Reference AuditLog audit,
            SubscriptionsConfiguration configuration) {
        this(database, holds, subscriptions, mails, clients, audit, BillingSettings.of(configuration), Clock.systemUTC(), true);
        long seconds = Math.max(1, configuration.automation_interval_seconds());
        timer.scheduleWithFixedDelay(this::runLogged, Math.min(seconds, 60), seconds, TimeUnit.SECONDS);
    }

    /** A run that takes its steps only when {@link #run} is called (for tests, benchmarks); {@link #stop} ends its workers. */
    public AutomationRun(Database database, SystemHolds holds, Subscriptions subscriptions, BillingMails mails,
            ClientDirectory clients, AuditLog audit, BillingSettings settings, Clock clock) {
        this(database, holds, subscriptions, mails, clients, audit, settings, clock, false);
    }

    private AutomationRun(Database database, SystemHolds holds, Subscriptions subscriptions, BillingMails mails,
            ClientDirectory clients, AuditLog audit, BillingSettings settings, Clock clock, boolean scheduled) {
        this.database = database;
        this.holds = holds;
        this.subscriptions = subscriptions;
        this.mails = mails;
        this.clients = clients;
        this.audit = audit;
        this.settings = settings;
        this.schedule = new NonPaymentSchedule(settings);
        this.clock = clock;
        this.timer = scheduled ? Executors.newSingleThreadScheduledExecutor(threadsNamed(THREAD)) : null;
        this.workers = settings.workers() > 1
                ? Executors.newFixedThreadPool(settings.workers(), threadsNamed(THREAD + "-worker")) : null;
    }

    /**
     * Stops the timer and the workers, and waits for a run in progress to end after its
     * current steps and for every thread of the component to end.
     */
    @Deactivate
    public void stop() {
        stopping = true;
        for (ExecutorService pool : new ExecutorService[] {timer, workers}) {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        try {
            for (Thread thread : threads) {
                if (thread == Thread.currentThread()) {
                    continue;
                }
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (thread.isAlive()) {
                    LOG.warn("The billing run's thread {} did not stop within {} s", thread.getName(), STOP_SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes every step due today; a step that fails is counted, rolled back and left to the next run. */
    public AutomationReport run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        AutomationReport.Counts counts = new AutomationReport.Counts();
        charge(today, counts);
        expire(today, counts);
        collect(today, counts);
        return counts.report();
    }

    private void runLogged() {
        try {
            AutomationReport report = run();
            if (report.any()) {
                LOG.info("Billing run: {}", report);
            }
        } catch (RuntimeException e) {
            LOG.warn("The billing run failed; it runs again later", e);
        }
    }

    /** Renewal invoices 14 days before expiry (S5). */
    private void charge(LocalDate today, AutomationReport.Counts counts) {
        LocalDate horizon = today.plusDays(AutoRenewal.DAYS_BEFORE_EXPIRY);
        this.<RunScans.Candidate>inBatches((connection, after) -> RunScans.toCharge(connection, horizon, after, BATCH), candidate -> attempt(counts, "renewal of " + candidate.id(), () -> Optional.of(chargeOne(candidate.id(),
                        horizon))).ifPresent(charge -> {
                            if (charge == Charge.INVOICED) {
                                counts.invoiced();
                            } else if (charge == Charge.RENEWED) {
                                counts.renewed();
                            }
                        }));
    }

    /** What the charge of one subscription came to. */
    private enum Charge {
        NONE, INVOICED, RENEWED
    }

    private Charge chargeOne(String subscriptionId, LocalDate horizon) {
        Instant now = now();
        return database.inTransaction(connection -> {
            Optional<StoredSubscription> locked = Terms.lock(connection, subscriptionId).filter(found -> !found.terminated()
                    && found.autoRenew() && !found.expiresOn().isAfter(horizon));
            if (locked.isEmpty()) {
                return Charge.NONE;
            }
            StoredSubscription subscription = locked.get();
            Optional<Client> client = clients.find(subscription.clientId());
            if (subscription.price() == null || subscription.price().minorUnits() == 0) {
                LocalDate until = Terms.renew(connection, subscription, Hold.SYSTEM, "renewed automatically, nothing to charge",
                        now);
                audit.recordSystem(organizationOf(client), "subscriptions.subscription.renewed",
                        "subscription:" + subscription.id(), AuditOutcome.SUCCESS, "automatically until " + until);
                return Charge.RENEWED;
            }
            Optional<Invoice> invoice = Invoices.renewalIn(connection, subscription, subscription.expiresOn(), Hold.SYSTEM, now);
            if (invoice.isEmpty()) {
                return Charge.NONE;
            }
            if (client.isPresent()) {
                mails.send(client.get(), invoice.get(), subscription.plan(), BillingMails.RENEWAL_INVOICE,
                        Terms.renewedExpiry(subscription));
            }
            audit.recordSystem(organizationOf(client), "subscriptions.invoice.created", "invoice:" + invoice.get().id(),
                    AuditOutcome.SUCCESS, "number " + invoice.get().number() + ", renewal of subscription " + subscription.id()
                            + ", due " + invoice.get().dueOn());
            return Charge.INVOICED;
        });
    }

    /** {@code expired} holds on subscriptions whose term ended (S5). */
    private void expire(LocalDate today, AutomationReport.Counts counts) {
        this.<RunScans.Candidate>inBatches((connection, after) -> RunScans.toExpire(connection, today, after, BATCH), candidate -> attempt(counts, "expiry of " + candidate.id(), () -> database.inTransaction(connection ->
                        Terms.lock(connection, candidate.id())
                                .filter(found -> !found.terminated() && found.expiresOn().isBefore(today))
                                .flatMap(found -> holds.place(found.id(), HoldReason.EXPIRED, null, "The subscription expired on "
                                        + found.expiresOn() + ". Renew it to use it again.", "expired on " + found.expiresOn()
                                        + " without renewal (billing run)")))).ifPresent(hold -> counts.expired()));
    }

    /** The non-payment steps of overdue invoices (S4). */
    private void collect(LocalDate today, AutomationReport.Counts counts) {
        InvoiceScan scan = new InvoiceScan(today);
        this.<InvoiceScan.Overdue>inBatches((connection, after) -> scan.next(connection, after, BATCH), overdue -> {
            Invoice invoice = overdue.invoice();
            Map<NonPaymentStep, LocalDate> done = overdue.done();
            // One step after the other while more are due, each in its own transaction; the map follows what was
            // taken, so that no transaction is opened only to find nothing due.
            while (!stopping && schedule.next(invoice.dueOn(), done, today).isPresent()) {
                Optional<NonPaymentStep> taken = attempt(counts, "non-payment step of " + invoice.id(),
                        () -> step(invoice.id(), today));
                if (taken.isEmpty()) {
                    return;
                }
                counts.took(taken.get());
                done.put(taken.get(), today);
            }
        });
    }

    /**
     * Takes the step of the invoice due today, if any, with everything it does. The
     * invoice's lock serializes the steps of one invoice (and its payment); the holds and
     * the termination lock the subscription themselves, after it.
     *
     * @return the step taken; empty when none was due (any more)
     */
    private Optional<NonPaymentStep> step(String invoiceId, LocalDate today) {
        Instant now = now();
        return database.inTransaction(connection -> {
            Optional<Invoice> open = InvoiceStore.lock(connection, invoiceId).filter(found -> found.state() == InvoiceState.OPEN);
            Optional<StoredSubscription> subscription = open.isEmpty() ? Optional.empty()
                    : Terms.find(connection, open.get().subscriptionId()).filter(found -> !found.terminated());
            if (subscription.isEmpty()) {
                return Optional.empty();
            }
            Invoice invoice = open.get();
            Optional<NonPaymentStep> next = schedule.next(invoice.dueOn(), InvoiceScan.days(StepStore.of(connection, invoiceId)),
                    today);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            NonPaymentStep step = next.get();
            StepStore.insert(connection, invoiceId, step, now);
            String owed = "invoice " + invoice.id() + " (" + invoice.amount().amount() + " " + invoice.amount().currency()
                    + ", due " + invoice.dueOn() + ")";
            if (step == NonPaymentStep.SUSPENSION) {
                holds.place(invoice.subscriptionId(), HoldReason.NON_PAYMENT, invoice.id(), "Suspended for non-payment of "
                        + owed + ".", "non-payment: " + owed + " unpaid (billing run)");
            } else if (step == NonPaymentStep.TERMINATION) {
                subscriptions.terminateBySystem(invoice.subscriptionId(), "non-payment: " + owed + " unpaid (billing run)");
            }
            Optional<Client> client = clients.find(invoice.clientId());
            if (client.isPresent()) {
                mails.send(client.get(), invoice, subscription.get().plan(), step.template(), announced(step, invoice, today));
            }
            audit.recordSystem(organizationOf(client), "subscriptions.invoice." + step.wire(), "invoice:" + invoice.id(),
                    AuditOutcome.SUCCESS, "subscription " + invoice.subscriptionId() + ", " + owed);
            return next;
        });
    }

    /** The day a step's mail names: when the next step comes at the earliest (today for the termination itself). */
    private LocalDate announced(NonPaymentStep step, Invoice invoice, LocalDate today) {
        LocalDate earliest = today.plusDays(settings.noticeDays());
        LocalDate scheduled = switch (step) {
            case SUSPENSION_NOTICE -> schedule.suspensionOn(invoice.dueOn());
            case SUSPENSION, TERMINATION_NOTICE -> schedule.terminationOn(invoice.dueOn());
            case TERMINATION -> today;
        };
        return step == NonPaymentStep.TERMINATION || scheduled.isAfter(earliest) ? scheduled : earliest;
    }

    /** A scan of the candidates after a position (null: from the start), a batch at a time. */
    @FunctionalInterface
    private interface Scan<T> {
        List<T> next(Connection connection, T after) throws SQLException;
    }

    /**
     * Hands every candidate the scan finds to the work, a batch at a time; the batch's
     * candidates are spread over the workers (each candidate's steps stay on one), and
     * the next batch is read once this one is done.
     */
    private <T> void inBatches(Scan<T> scan, Consumer<T> work) {
        T after = null;
        while (!stopping) {
            T position = after;
            List<T> batch = database.inTransaction(connection -> scan.next(connection, position));
            if (workers == null) {
                batch.forEach(candidate -> {
                    if (!stopping) {
                        work.accept(candidate);
                    }
                });
            } else {
                awaitAll(batch.stream().<Future<?>>map(candidate -> workers.submit(() -> {
                    if (!stopping) {
                        work.accept(candidate);
                    }
                })).toList());
            }
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1);
        }
    }

    private void awaitAll(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                stopping = true;
                futures.forEach(pending -> pending.cancel(true));
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                LOG.warn("Billing run: a step failed outside its transaction", e.getCause());
            } catch (CancellationException e) {
                return; // the run is stopping
            }
        }
    }

    /**
     * Runs one step, counting a failure instead of letting it end the run; a step another
     * node took at the same moment (the steps' key refused ours) is no failure.
     *
     * @return what the step did; empty when it did nothing or failed
     */
    private <T> Optional<T> attempt(AutomationReport.Counts counts, String what, Supplier<Optional<T>> step) {
        try {
            return step.get();
        } catch (StorageException e) {
            if (!e.isUniqueViolation()) {
                counts.failed();
                LOG.warn("Billing run: the {} failed and was rolled back; the next run tries again", what, e);
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            counts.failed();
            LOG.warn("Billing run: the {} failed and was rolled back; the next run tries again", what, e);
            return Optional.empty();
        }
    }

    /** The organization whose audit trail shows a step: the client's (the operator's should the client be gone). */
    private static String organizationOf(Optional<Client> client) {
        return client.map(Client::organizationId).orElse(IdentityProvider.OPERATOR_ORGANIZATION_ID);
    }

    private ThreadFactory threadsNamed(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
