package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statements on {@code clients_reseller_application}; callers bring the transaction. */
final class ApplicationStore {

    private static final String COLUMNS = "id, organization_id, company, contact_name, email, phone, website, message, "
            + "language, state, created_at, answered_at, rejection_reason";

    private ApplicationStore() {
    }

    /** Stores a pending application; a second pending one of the organization violates a unique constraint. */
    static void insert(Connection connection, ResellerApplication application, String appliedBy) throws SQLException {
        Sql.update(connection, "INSERT INTO clients_reseller_application (" + COLUMNS
                + ", pending_organization_id, applied_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)",
                application.id(), application.organizationId(), application.company(), application.contactName(),
                application.email(), application.phone(), application.website(), application.message(), application.language(),
                application.state(), Sql.time(application.createdAt()), application.organizationId(), appliedBy);
    }

    /** The organization's pending application, if it has one. */
    static Optional<ResellerApplication> pendingOf(Connection connection, String organizationId) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM clients_reseller_application WHERE pending_organization_id = ?",
                ApplicationStore::read, organizationId);
    }

    static Optional<ResellerApplication> find(Connection connection, String id) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM clients_reseller_application WHERE id = ?",
                ApplicationStore::read, id);
    }

    /** The application, locked until the transaction ends: one answer at a time. */
    static Optional<ResellerApplication> lock(Connection connection, String id) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + " FROM clients_reseller_application WHERE id = ? FOR UPDATE",
                ApplicationStore::read, id);
    }

    /** Answers a pending application; it no longer counts as the organization's pending one. */
    static void answer(Connection connection, String id, String state, String answeredBy, Instant at, String reason)
            throws SQLException {
        Sql.update(connection, "UPDATE clients_reseller_application SET state = ?, pending_organization_id = NULL, "
                + "answered_by = ?, answered_at = ?, rejection_reason = ? WHERE id = ?", state, answeredBy, Sql.time(at),
                reason, id);
    }

    /**
     * A page of applications, newest first: of one organization, or of all when
     * {@code organizationId} is null; in one state, or all when {@code state} is null.
     */
    static Page<ResellerApplication> page(Connection connection, String organizationId, String state, PageRequest page)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (organizationId != null) {
            where.append(" AND organization_id = ?");
            parameters.add(organizationId);
        }
        if (state != null) {
            where.append(" AND state = ?");
            parameters.add(state);
        }
        where.append(Sql.after(page, "id < ?", parameters));
        return page.toPage(Sql.list(connection, "SELECT " + COLUMNS + " FROM clients_reseller_application" + where
                + Sql.newestFirst(page, "id"), ApplicationStore::read, parameters), ResellerApplication::id);
    }

    /** Removes the organization's applications: it is gone (its account was closed). */
    static void deleteOf(Connection connection, String organizationId) throws SQLException {
        Sql.update(connection, "DELETE FROM clients_reseller_application WHERE organization_id = ?", organizationId);
    }

    private static ResellerApplication read(ResultSet row) throws SQLException {
        return new ResellerApplication(row.getString("id"), row.getString("organization_id"), row.getString("company"),
                row.getString("contact_name"), row.getString("email"), row.getString("phone"), row.getString("website"),
                row.getString("message"), row.getString("language"), row.getString("state"), Sql.instant(row, "created_at"),
                Sql.instant(row, "answered_at"), row.getString("rejection_reason"));
    }
}
