package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements on {@code clients_attach_request}; callers bring the transaction. Rows
 * are read with the client's name, organization and reseller as they are now (the client
 * may be gone), for deciding who may see the name.
 */
final class AttachRequestStore {

    private static final String COLUMNS = "a.id, a.client_id, a.client_organization_id, a.reseller_id, a.email, a.message, "
            + "a.state, a.created_at, a.answered_at, c.name AS client_name, c.reseller_id AS client_reseller_id";
    private static final String FROM = " FROM clients_attach_request a LEFT JOIN clients_client c ON c.id = a.client_id";

    private AttachRequestStore() {
    }

    /**
     * A stored request with what decides who sees the client's name.
     *
     * @param clientOrganizationId the organization the client had when asked
     * @param clientResellerId the client's reseller now; null for the operator's own or a client that is gone
     */
    record Stored(AttachRequest request, String clientOrganizationId, String clientResellerId) {
    }

    /** Stores a pending request; a second pending one of the same reseller for the client violates a unique constraint. */
    static void insert(Connection connection, AttachRequest request, String clientOrganizationId, String requestedBy)
            throws SQLException {
        Sql.update(connection, "INSERT INTO clients_attach_request (id, client_id, client_organization_id, reseller_id, "
                + "pending_client_id, email, message, state, requested_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.id(), request.clientId(), clientOrganizationId, request.resellerId(), request.clientId(),
                request.email(), request.message(), request.state(), requestedBy, Sql.time(request.createdAt()));
    }

    static boolean pendingExists(Connection connection, String clientId, String resellerId) throws SQLException {
        return Sql.count(connection, "SELECT COUNT(*) FROM clients_attach_request WHERE pending_client_id = ? "
                + "AND reseller_id = ?", clientId, resellerId) > 0;
    }

    static Optional<Stored> find(Connection connection, String id) throws SQLException {
        return Sql.one(connection, "SELECT " + COLUMNS + FROM + " WHERE a.id = ?", AttachRequestStore::read, id);
    }

    /** The request, locked until the transaction ends: one answer at a time. */
    static Optional<Stored> lock(Connection connection, String id) throws SQLException {
        Optional<String> locked = Sql.one(connection, "SELECT id FROM clients_attach_request WHERE id = ? FOR UPDATE",
                row -> row.getString(1), id);
        return locked.isEmpty() ? Optional.empty() : find(connection, id);
    }

    static void answer(Connection connection, String id, String state, String answeredBy, Instant at) throws SQLException {
        Sql.update(connection, "UPDATE clients_attach_request SET state = ?, pending_client_id = NULL, answered_by = ?, "
                + "answered_at = ? WHERE id = ?", state, answeredBy, Sql.time(at), id);
    }

    /** Withdraws the client's pending requests: it moved, so no reseller's request of it can be accepted any more. */
    static void withdrawPendingOfClient(Connection connection, String clientId) throws SQLException {
        Sql.update(connection, "UPDATE clients_attach_request SET state = ?, pending_client_id = NULL, answered_at = ? "
                + "WHERE pending_client_id = ?", AttachRequest.WITHDRAWN, Sql.time(Instant.now()), clientId);
    }

    /** Withdraws the reseller's pending requests: its reseller status ended. */
    static void withdrawPendingOfReseller(Connection connection, String resellerId) throws SQLException {
        Sql.update(connection, "UPDATE clients_attach_request SET state = ?, pending_client_id = NULL, answered_at = ? "
                + "WHERE reseller_id = ? AND state = ?", AttachRequest.WITHDRAWN, Sql.time(Instant.now()), resellerId,
                AttachRequest.PENDING);
    }

    /** Removes the requests of a client, or of a reseller, whose organization is gone. */
    static void deleteOf(Connection connection, String clientId, String resellerId) throws SQLException {
        Sql.update(connection, "DELETE FROM clients_attach_request WHERE client_id = ? OR reseller_id = ?", clientId,
                resellerId);
    }

    /**
     * A page of requests, newest first, in one state or all (null): every one when
     * {@code all}, else those of the reseller or to the client organization given (each
     * may be null).
     */
    static List<Stored> page(Connection connection, boolean all, String resellerId, String clientOrganizationId, String state,
            PageRequest page) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (!all) {
            where.append(" AND (a.reseller_id = ? OR a.client_organization_id = ?)");
            parameters.add(resellerId);
            parameters.add(clientOrganizationId);
        }
        if (state != null) {
            where.append(" AND a.state = ?");
            parameters.add(state);
        }
        where.append(Sql.after(page, "a.id < ?", parameters));
        return Sql.list(connection, "SELECT " + COLUMNS + FROM + where + Sql.newestFirst(page, "a.id"), AttachRequestStore::read,
                parameters);
    }

    private static Stored read(ResultSet row) throws SQLException {
        AttachRequest request = new AttachRequest(row.getString("id"), row.getString("client_id"), row.getString("client_name"),
                row.getString("reseller_id"), null, row.getString("email"), row.getString("message"), row.getString("state"),
                Sql.instant(row, "created_at"), Sql.instant(row, "answered_at"));
        return new Stored(request, row.getString("client_organization_id"), row.getString("client_reseller_id"));
    }
}
