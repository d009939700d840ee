package dev.kontor.clients.internal.partner;

import dev.kontor.api.rest.TextInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The statements of partner access; callers bring the transaction. */
final class PartnerStore {

    /** Only these columns of a client are ever read here: never the description (C2). */
    private static final String CLIENT = "SELECT id, organization_id, name, email, language FROM clients_client WHERE ";
    private static final String REQUEST = "SELECT id, client_id, partner_organization_id, partner_name, scope, recipient, "
            + "sender_email, message, state, created_at, expires_at, answered_at, products, grant_id, partner_language "
            + "FROM clients_access_request WHERE ";
    private static final String GRANT = "SELECT g.grant_id, g.client_id, g.partner_organization_id, g.request_id, "
            + "g.copy_address, g.email_copy, g.created_at, r.partner_language FROM clients_partner_grant g "
            + "JOIN clients_access_request r ON r.id = g.request_id WHERE ";

    private PartnerStore() {
    }

    // Clients ---------------------------------------------------------------------------

    /** The client; empty also for a value that cannot be an id, which names nothing. */
    static Optional<ClientFacts> client(Connection connection, String id) throws SQLException {
        return TextInput.plausibleId(id) ? clientWhere(connection, "id = ?", id) : Optional.empty();
    }

    static Optional<ClientFacts> clientOfOrganization(Connection connection, String organizationId) throws SQLException {
        return clientWhere(connection, "organization_id = ?", organizationId);
    }

    private static Optional<ClientFacts> clientWhere(Connection connection, String condition, String value)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CLIENT + condition)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new ClientFacts(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5))) : Optional.empty();
            }
        }
    }

    // Requests --------------------------------------------------------------------------

    /** What keeps a second open request of the partner to the client out. */
    static String openPair(String clientId, String partnerOrganizationId) {
        return clientId + " " + partnerOrganizationId;
    }

    /** Marks the partner's open request to the client expired if its time is up, so that it may ask again. */
    static void expireOpen(Connection connection, String clientId, String partnerOrganizationId, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE clients_access_request SET state = ?, "
                + "open_pair = NULL WHERE open_pair = ? AND expires_at <= ?")) {
            update.setString(1, AccessRequest.EXPIRED);
            update.setString(2, openPair(clientId, partnerOrganizationId));
            update.setTimestamp(3, Timestamp.from(now));
            update.executeUpdate();
        }
    }

    static Optional<AccessRequest> openRequest(Connection connection, String clientId, String partnerOrganizationId)
            throws SQLException {
        return oneRequest(connection, "open_pair = ?", openPair(clientId, partnerOrganizationId));
    }

    static void insertRequest(Connection connection, AccessRequest request, String requestedBy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO clients_access_request (id, client_id, "
                + "partner_organization_id, partner_name, partner_language, requested_by, scope, recipient, sender_email, "
                + "message, state, open_pair, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, request.id());
            insert.setString(2, request.clientId());
            insert.setString(3, request.partnerOrganizationId());
            insert.setString(4, request.partnerName());
            insert.setString(5, request.partnerLanguage());
            insert.setString(6, requestedBy);
            insert.setString(7, request.scope());
            insert.setString(8, request.email());
            insert.setString(9, request.senderEmail());
            insert.setString(10, request.message());
            insert.setString(11, AccessRequest.OPEN);
            insert.setString(12, openPair(request.clientId(), request.partnerOrganizationId()));
            insert.setTimestamp(13, Timestamp.from(request.createdAt()));
            insert.setTimestamp(14, Timestamp.from(request.expiresAt()));
            insert.executeUpdate();
        }
    }

    /** The request, locked until the transaction ends: two answers to it are served one after the other. */
    static Optional<AccessRequest> lockRequest(Connection connection, String id) throws SQLException {
        return TextInput.plausibleId(id) ? oneRequest(connection, "id = ? FOR UPDATE", id) : Optional.empty();
    }

    /** Records the answer; the request is no longer open. */
    static void answer(Connection connection, String id, String state, Instant at, String by, List<String> products,
            String grantId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE clients_access_request SET state = ?, "
                + "open_pair = NULL, answered_at = ?, answered_by = ?, products = ?, grant_id = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, by);
            update.setString(4, products.isEmpty() ? null : String.join(" ", products));
            update.setString(5, grantId);
            update.setString(6, id);
            update.executeUpdate();
        }
    }

    /** The client's requests, newest first, after the id of the last one of the previous page. */
    static List<AccessRequest> requestsOfClient(Connection connection, String clientId, String after, int limit)
            throws SQLException {
        return requests(connection, "client_id = ?", clientId, after, limit);
    }

    /** The partner's requests, newest first; to one client or, with {@code clientId} null, to any. */
    static List<AccessRequest> requestsOfPartner(Connection connection, String partnerOrganizationId, String clientId,
            String after, int limit) throws SQLException {
        if (clientId == null) {
            return requests(connection, "partner_organization_id = ?", partnerOrganizationId, after, limit);
        }
        return requests(connection, "partner_organization_id = ? AND client_id = ?", partnerOrganizationId, after, limit,
                clientId);
    }

    private static List<AccessRequest> requests(Connection connection, String condition, String value, String after,
            int limit, String... more) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(REQUEST + condition
                + (after == null ? "" : " AND id < ?") + " ORDER BY id DESC LIMIT ?")) {
            int index = 1;
            select.setString(index++, value);
            for (String extra : more) {
                select.setString(index++, extra);
            }
            if (after != null) {
                select.setString(index++, after);
            }
            select.setInt(index, limit);
            return readRequests(select);
        }
    }

    private static Optional<AccessRequest> oneRequest(Connection connection, String condition, String value)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(REQUEST + condition)) {
            select.setString(1, value);
            return readRequests(select).stream().findFirst();
        }
    }

    private static List<AccessRequest> readRequests(PreparedStatement select) throws SQLException {
        List<AccessRequest> requests = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String products = row.getString(13);
                requests.add(new AccessRequest(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        instant(row, 10), instant(row, 11), instant(row, 12),
                        products == null ? List.of() : Arrays.asList(products.split(" ")), row.getString(14),
                        row.getString(15)));
            }
        }
        return requests;
    }

    // Grants ----------------------------------------------------------------------------

    static void insertGrant(Connection connection, PartnerGrantRow grant) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO clients_partner_grant (grant_id, client_id, "
                + "partner_organization_id, request_id, copy_address, email_copy, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, grant.grantId());
            insert.setString(2, grant.clientId());
            insert.setString(3, grant.partnerOrganizationId());
            insert.setString(4, grant.requestId());
            insert.setString(5, grant.copyAddress());
            insert.setBoolean(6, grant.emailCopy());
            insert.setTimestamp(7, Timestamp.from(grant.createdAt()));
            insert.executeUpdate();
        }
    }

    static Optional<PartnerGrantRow> grant(Connection connection, String grantId) throws SQLException {
        return grants(connection, "g.grant_id = ?", grantId).stream().findFirst();
    }

    static List<PartnerGrantRow> grantsOfClient(Connection connection, String clientId) throws SQLException {
        return grants(connection, "g.client_id = ? ORDER BY g.grant_id", clientId);
    }

    /** The partner's rows by grant id, after the last one of the previous page; some may be of ended grants. */
    static List<PartnerGrantRow> grantsOfPartner(Connection connection, String partnerOrganizationId, String after,
            int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(GRANT + "g.partner_organization_id = ?"
                + (after == null ? "" : " AND g.grant_id > ?") + " ORDER BY g.grant_id LIMIT ?")) {
            select.setString(1, partnerOrganizationId);
            if (after != null) {
                select.setString(2, after);
            }
            select.setInt(after == null ? 2 : 3, limit);
            return readGrants(select);
        }
    }

    /** Every grant with copies on (C8), with its client's organization and contact address. */
    static List<CopyTarget> copyTargets(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT g.grant_id, c.organization_id, c.email_key, "
                + "g.copy_address FROM clients_partner_grant g JOIN clients_client c ON c.id = g.client_id "
                + "WHERE g.email_copy = ? ORDER BY g.grant_id")) {
            select.setBoolean(1, true);
            List<CopyTarget> targets = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    targets.add(new CopyTarget(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                }
            }
            return targets;
        }
    }

    static void setEmailCopy(Connection connection, String grantId, boolean enabled) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE clients_partner_grant SET email_copy = ? WHERE grant_id = ?")) {
            update.setBoolean(1, enabled);
            update.setString(2, grantId);
            update.executeUpdate();
        }
    }

    static void deleteGrant(Connection connection, String grantId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM clients_partner_grant WHERE grant_id = ?")) {
            delete.setString(1, grantId);
            delete.executeUpdate();
        }
    }

    /** The contact address of the client with the grant while copies are on for it, lower case. */
    static Optional<String> contactWithCopies(Connection connection, String grantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT c.email_key FROM clients_partner_grant g "
                + "JOIN clients_client c ON c.id = g.client_id WHERE g.grant_id = ? AND g.email_copy = ?")) {
            select.setString(1, grantId);
            select.setBoolean(2, true);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * A grant with copies on.
     *
     * @param contactKey the client's contact address, lower case
     * @param copyAddress who gets the copies
     */
    record CopyTarget(String grantId, String clientOrganizationId, String contactKey, String copyAddress) {
    }

    private static List<PartnerGrantRow> grants(Connection connection, String condition, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(GRANT + condition)) {
            select.setString(1, value);
            return readGrants(select);
        }
    }

    private static List<PartnerGrantRow> readGrants(PreparedStatement select) throws SQLException {
        List<PartnerGrantRow> grants = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                grants.add(new PartnerGrantRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getBoolean(6), instant(row, 7), row.getString(8)));
            }
        }
        return grants;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
