package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.subscriptions.internal.subscription.Reach;
import dev.kontor.subscriptions.internal.subscription.SubscriptionView;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the subscription's JSON shows of its provisioning (S3), by how the caller reaches
 * it: the operator's staff see every provisioner's delivery with the last error; a
 * reseller's staff the same without the error (it describes the operator's machines);
 * the client's own users nothing (the field is left out): a failure is the operator's to
 * mend, and the client sees its subscription's state as it is.
 */
public final class ProvisioningEntries {

    private ProvisioningEntries() {
    }

    /**
     * The views with their provisioning entries, read in one statement.
     *
     * @param reachOfClient how the caller reaches the subscriptions of a client, by client id
     */
    public static List<SubscriptionView> attach(Connection connection, List<SubscriptionView> views,
            Function<String, Reach> reachOfClient) throws SQLException {
        List<String> shown = views.stream().filter(view -> reachOfClient.apply(view.clientId()).staff())
                .map(SubscriptionView::id).toList();
        Map<String, List<ProvisioningRow>> rows = ProvisioningLedger.of(connection, shown);
        return views.stream().map(view -> {
            Reach reach = reachOfClient.apply(view.clientId());
            if (!reach.staff()) {
                return view;
            }
            return view.withProvisioning(rows.getOrDefault(view.id(), List.of()).stream()
                    .map(row -> ProvisioningEntry.of(row, reach == Reach.OPERATOR)).toList());
        }).toList();
    }
}
