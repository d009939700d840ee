package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.TextInput;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements on {@code clients_reseller}; callers bring the transaction. A
 * reseller's client count is counted on the clients' reseller index, never stored.
 */
public final class ResellerStore {

    private static final String COLUMNS = "r.organization_id, r.state, r.suspension_reason, r.since, "
            + "(SELECT COUNT(*) FROM clients_client c WHERE c.reseller_id = r.organization_id) AS clients";

    private ResellerStore() {
    }

    /** Whether the organization is a reseller that is not suspended: one a client may be given to (C9). */
    public static boolean active(Connection connection, String organizationId) throws SQLException {
        return TextInput.plausibleId(organizationId) && find(connection, organizationId).filter(r -> !r.suspended()).isPresent();
    }

    /** The organization ids of every suspended reseller. */
    public static List<String> suspendedIds(Connection connection) throws SQLException {
        return Sql.list(connection, "SELECT organization_id FROM clients_reseller WHERE state = ? ORDER BY organization_id",
                row -> row.getString(1), List.of(Reseller.SUSPENDED));
    }

    /** A new, active reseller: what approving its application writes besides the users module's mark. */
    public static void insert(Connection connection, String organizationId, Instant since, String applicationId)
            throws SQLException {
        Sql.update(connection, "INSERT INTO clients_reseller (organization_id, state, suspension_reason, since, application_id) "
                + "VALUES (?, ?, NULL, ?, ?)", organizationId, Reseller.ACTIVE, Sql.time(since), applicationId);
    }

    static Optional<Reseller> find(Connection connection, String organizationId) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM clients_reseller r WHERE r.organization_id = ?",
                ResellerStore::read, organizationId);
    }

    /** The reseller, locked until the transaction ends: its state changes one at a time. */
    static Optional<Reseller> lock(Connection connection, String organizationId) throws SQLException {
        Optional<String> locked = Sql.one(connection,
                "SELECT organization_id FROM clients_reseller WHERE organization_id = ? FOR UPDATE", row -> row.getString(1),
                organizationId);
        return locked.isEmpty() ? Optional.empty() : find(connection, organizationId);
    }

    static void setState(Connection connection, String organizationId, String state, String reason) throws SQLException {
        Sql.update(connection, "UPDATE clients_reseller SET state = ?, suspension_reason = ? WHERE organization_id = ?", state,
                reason, organizationId);
    }

    static void delete(Connection connection, String organizationId) throws SQLException {
        Sql.update(connection, "DELETE FROM clients_reseller WHERE organization_id = ?", organizationId);
    }

    /** A page of resellers in the order they were approved in (organization ids sort by creation time). */
    static Page<Reseller> page(Connection connection, String state, PageRequest page) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (state != null) {
            where.append(" AND r.state = ?");
            parameters.add(state);
        }
        where.append(Sql.after(page, "r.organization_id > ?", parameters));
        return page.toPage(Sql.list(connection, "SELECT " + COLUMNS + " FROM clients_reseller r" + where
                + " ORDER BY r.organization_id LIMIT " + (page.limit() + 1), ResellerStore::read, parameters), Reseller::id);
    }

    private static Reseller read(ResultSet row) throws SQLException {
        return new Reseller(row.getString("organization_id"), null, row.getString("state"), row.getString("suspension_reason"),
                Sql.instant(row, "since"), row.getLong("clients"));
    }
}
