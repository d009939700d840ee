package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The operator's view of provisioning (S3): the deliveries in a state (failing ones,
 * say) across all subscriptions, and a retry now of one subscription's owed deliveries.
 * Both are the operator's staff's work: provisioners run on the operator's machines.
 */
@Component(service = ProvisioningOverview.class)
public class ProvisioningOverview {

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public ProvisioningOverview(@Reference Database database, @Reference AuditLog audit) {
        this(database, audit, Clock.systemUTC());
    }

    public ProvisioningOverview(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The deliveries in the state (all when null), in (provisioner, subscription) order.
     *
     * @throws ValidationException naming {@code state} or {@code cursor}
     * @throws ProblemException 403 for anyone but the operator's staff holding {@code subscriptions.manage}
     */
    public Page<ProvisioningItem> list(Caller caller, String state, PageRequest page) {
        requireOperator(caller);
        DeliveryState filter = DeliveryState.ofWire(state).orElse(null);
        String[] after = page.after() == null ? null : cursor(page.after());
        List<ProvisioningRow> rows = database.inTransaction(connection -> ProvisioningLedger.page(connection, filter,
                after == null ? null : after[0], after == null ? null : after[1], page.limit() + 1));
        return page.toPage(rows.stream().map(ProvisioningItem::of).toList(),
                item -> item.provisioner() + " " + item.subscriptionId());
    }

    /**
     * Makes the subscription's owed deliveries due now, failing ones included, and wakes
     * the delivery once that committed. Delivered ones stay as they are. A subscription
     * removed with its client counts while its terminated snapshot is owed.
     *
     * @throws NotFoundException when there is no such subscription
     * @throws ProblemException 403 for anyone but the operator's staff holding {@code subscriptions.manage}
     */
    public ProvisioningRetry retry(Caller caller, String subscriptionId) {
        requireOperator(caller);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(connection -> {
            if (!exists(connection, subscriptionId)) {
                throw new NotFoundException();
            }
            int due = ProvisioningLedger.retryNow(connection, subscriptionId, now);
            audit.record(caller, "subscriptions.provisioning.retried", "subscription:" + subscriptionId, AuditOutcome.SUCCESS,
                    due + " deliveries due now");
            List<ProvisioningEntry> entries = ProvisioningLedger.of(connection, List.of(subscriptionId))
                    .getOrDefault(subscriptionId, List.of()).stream().map(row -> ProvisioningEntry.of(row, true)).toList();
            return new ProvisioningRetry(subscriptionId, due, entries);
        });
    }

    private static void requireOperator(Caller caller) {
        if (!caller.isOperator() || !caller.has(SubscriptionsPermissions.MANAGE)) {
            throw new ProblemException(403, "forbidden", "Provisioning is for the operator's staff holding the permission "
                    + SubscriptionsPermissions.MANAGE + ".");
        }
    }

    /** The position a cursor of this list names: provisioner and subscription id. */
    private static String[] cursor(String after) {
        String[] parts = after.split(" ", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        return parts;
    }

    private static boolean exists(Connection connection, String subscriptionId) throws SQLException {
        if (!TextInput.plausibleId(subscriptionId)) {
            return false;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM subscriptions_subscription WHERE id = ?")) {
            select.setString(1, subscriptionId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return true;
                }
            }
        }
        // A subscription removed with its client whose terminated snapshot is still owed (C6) can be retried too.
        return RemovedSubscriptions.exists(connection, subscriptionId);
    }
}
