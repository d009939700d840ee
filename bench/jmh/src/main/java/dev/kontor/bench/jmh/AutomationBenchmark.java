package dev.kontor.bench.jmh;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.audit.internal.AuditLogService;
import dev.kontor.clients.internal.client.ClientDirectoryService;
import dev.kontor.clients.internal.client.Clients;
import dev.kontor.mail.internal.ModuleMailers;
import dev.kontor.mail.internal.Outbox;
import dev.kontor.storage.internal.TestDatabase;
import dev.kontor.subscriptions.internal.billing.AutomationReport;
import dev.kontor.subscriptions.internal.billing.AutomationRun;
import dev.kontor.subscriptions.internal.billing.BillingMails;
import dev.kontor.subscriptions.internal.billing.BillingSettings;
import dev.kontor.subscriptions.internal.subscription.SubscriptionScope;
import dev.kontor.subscriptions.internal.subscription.Subscriptions;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import dev.kontor.users.internal.account.UsersAccounts;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The billing run (S4, S5) over 100,000 subscriptions of 20,000 clients, as the
 * subscriptions module's scheduled run does it, each step in its own transaction with
 * its hold or termination, mails (to the client's member, through the real outbox) and
 * audit entry. 5% of the subscriptions have an overdue invoice, a fifth each at the
 * suspension notice, the suspension, the termination notice and the termination, and a
 * fifth still in its grace period (4,000 steps due); 1% renew automatically within 14
 * days (1,000 renewal invoices); 0.5% expired without renewal (500 expired holds).
 *
 * <p>{@code situation=due}: a run with all of that due. {@code situation=quiet}: the run
 * right after, with nothing left to do: what every run costs on a day without news.
 * Before each measured run, everything the previous one wrote is undone (not measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class AutomationBenchmark {

    static final int CLIENTS = 20_000;
    static final int SUBSCRIPTIONS_PER_CLIENT = 5;
    /** Every 20th subscription has an overdue invoice (5%). */
    static final int OVERDUE_EVERY = 20;
    /** Every 100th renews automatically within 14 days (1%). */
    static final int AUTO_RENEW_EVERY = 100;
    /** Every 200th expired without renewal (0.5%). */
    static final int EXPIRED_EVERY = 200;

    @Param({"H2", "POSTGRESQL"})
    public DatabaseKind kind;

    @Param({"due", "quiet"})
    public String situation;

    private TestDatabase database;
    private AutomationRun run;
    private Instant populatedAt;

    @Setup
    public void setUp() {
        database = BenchMigrations.database(kind, "users", "audit", "mail", "clients", "subscriptions");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        database.runInTransaction(connection -> populate(connection, today));
        populatedAt = Instant.now();
        Clock clock = Clock.systemUTC();
        AuditLogService audit = new AuditLogService(database);
        // The client directory reads its tables only.
        UsersAccounts accounts = new UsersAccounts(database, audit, null, null, 10, clock);
        ClientDirectoryService directory = new ClientDirectoryService(database, accounts);
        Subscriptions subscriptions = new Subscriptions(database, audit, directory, new SubscriptionScope(directory), clock);
        BillingMails mails = new BillingMails(ModuleMailers.of(new Outbox(database), "subscriptions"), directory);
        run = new AutomationRun(database, new SystemHolds(database, clock), subscriptions, mails, directory, audit,
                BillingSettings.DEFAULTS, clock);
    }

    /** Undoes what the last run wrote; for the quiet run, runs once so that nothing is left. */
    @Setup(Level.Iteration)
    public void undoLastRun() {
        database.runInTransaction(connection -> {
            execute(connection, "DELETE FROM subscriptions_invoice_step WHERE done_at >= ?", Timestamp.from(populatedAt));
            for (String sql : List.of("DELETE FROM subscriptions_invoice WHERE purpose = 'renewal'",
                    "DELETE FROM subscriptions_hold", "DELETE FROM subscriptions_history", "DELETE FROM mail_outbox",
                    "DELETE FROM audit_entry", "DELETE FROM subscriptions_provisioning",
                    "UPDATE subscriptions_subscription SET state = 'active', shown_hold_id = NULL, terminated_at = NULL "
                            + "WHERE state <> 'active' OR terminated_at IS NOT NULL")) {
                execute(connection, sql);
            }
        });
        if (situation.equals("quiet")) {
            expect(run.run(), 4_000);
        }
    }

    @Benchmark
    public AutomationReport billingRun() {
        return expect(run.run(), situation.equals("due") ? 4_000 : 0);
    }

    private static AutomationReport expect(AutomationReport report, int steps) {
        int taken = report.suspensionNotices() + report.suspensions() + report.terminationNotices() + report.terminations();
        int renewals = report.renewalInvoices() + report.expired();
        if (report.failed() > 0 || taken != steps || renewals != (steps == 0 ? 0 : 1_500)) {
            throw new IllegalStateException("Unexpected run: " + report);
        }
        return report;
    }

    /** Clients with their accounts (see {@link BenchClients}), subscriptions, invoices and earlier steps. */
    private static void populate(Connection connection, LocalDate today) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement subscription = connection.prepareStatement("INSERT INTO subscriptions_subscription (id, "
                        + "client_id, plan, plan_key, starts_on, expires_on, price_minor, price_currency, auto_renew, state, "
                        + "created_at, updated_at) VALUES (?, ?, 'Webhosting M', 'webhosting m', ?, ?, 990, 'EUR', ?, "
                        + "'active', ?, ?)");
                PreparedStatement invoice = connection.prepareStatement("INSERT INTO subscriptions_invoice (id, "
                        + "subscription_id, client_id, purpose, amount_minor, currency, due_on, state, created_at, created_by) "
                        + "VALUES (?, ?, ?, 'manual', 990, 'EUR', ?, 'open', ?, 'operator-admin')");
                PreparedStatement step = connection.prepareStatement(
                        "INSERT INTO subscriptions_invoice_step (invoice_id, step, done_at) VALUES (?, ?, ?)")) {
            BenchClients.write(connection, CLIENTS, now, (i, clientId) -> {
                for (int s = 0; s < SUBSCRIPTIONS_PER_CLIENT; s++) {
                    int number = i * SUBSCRIPTIONS_PER_CLIENT + s;
                    String id = String.format("sub_bench_%06d_%d", i, s);
                    LocalDate expiresOn = today.plusDays(100 + number % 365);
                    boolean autoRenew = number % AUTO_RENEW_EVERY == 7;
                    if (autoRenew) {
                        expiresOn = today.plusDays(number / AUTO_RENEW_EVERY % 15);
                    } else if (number % EXPIRED_EVERY == 13) {
                        expiresOn = today.minusDays(1 + number / EXPIRED_EVERY % 30);
                    }
                    subscription.setString(1, id);
                    subscription.setString(2, clientId);
                    subscription.setDate(3, Date.valueOf(expiresOn.plusDays(1).minusYears(1)));
                    subscription.setDate(4, Date.valueOf(expiresOn));
                    subscription.setBoolean(5, autoRenew);
                    subscription.setTimestamp(6, now);
                    subscription.setTimestamp(7, now);
                    subscription.addBatch();
                    if (number % OVERDUE_EVERY == 0) {
                        overdue(invoice, step, "inv_bench_" + number, id, clientId, number / OVERDUE_EVERY % 5, today, now);
                    }
                }
            }, subscription, invoice, step);
        }
        execute(connection, "ANALYZE"); // statistics as a database that has been in use has them
    }

    /**
     * An overdue invoice at one phase of the default periods (grace 14, termination 30,
     * notice 3): 0 notice due, 1 suspension due, 2 termination notice due, 3 termination
     * due, 4 in its grace period, with the steps before done.
     */
    private static void overdue(PreparedStatement invoice, PreparedStatement step, String id, String subscriptionId,
            String clientId, int phase, LocalDate today, Timestamp now) throws SQLException {
        int[] dueDaysAgo = {12, 15, 42, 45, 5};
        String[][] done = {{}, {"suspension_notice"}, {"suspension_notice", "suspension"},
            {"suspension_notice", "suspension", "termination_notice"}, {}};
        invoice.setString(1, id);
        invoice.setString(2, subscriptionId);
        invoice.setString(3, clientId);
        invoice.setDate(4, Date.valueOf(today.minusDays(dueDaysAgo[phase])));
        invoice.setTimestamp(5, now);
        invoice.addBatch();
        Timestamp earlier = Timestamp.from(today.minusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC));
        for (String name : done[phase]) {
            step.setString(1, id);
            step.setString(2, name);
            step.setTimestamp(3, earlier);
            step.addBatch();
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }
}
