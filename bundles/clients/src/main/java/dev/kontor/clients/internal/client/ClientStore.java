package dev.kontor.clients.internal.client;

import dev.kontor.api.rest.TextInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The statements on {@code clients_client}; callers bring the transaction. */
public final class ClientStore {

    static final String COLUMNS = "id, organization_id, reseller_id, name, company, email, phone, address, language, "
            + "additional_info, description, state, suspension_reason, created_at, version";

    private ClientStore() {
    }

    static void insert(Connection connection, ClientDetails client) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO clients_client (" + COLUMNS
                + ", name_key, email_key, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Contact contact = client.contact();
            insert.setString(1, client.id());
            insert.setString(2, client.organizationId());
            insert.setString(3, client.resellerId());
            setContact(insert, 4, contact);
            insert.setString(12, client.state());
            insert.setString(13, client.suspensionReason());
            insert.setTimestamp(14, Timestamp.from(client.createdAt()));
            insert.setLong(15, client.version());
            setKeys(insert, 16, contact);
            insert.executeUpdate();
        }
        SearchTerms.write(connection, client.id(), SearchTerms.of(client.contact()));
    }

    public static Optional<ClientDetails> find(Connection connection, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM clients_client WHERE id = ?", id);
    }

    /** The client, locked until the transaction ends: changes of one client are served one after the other. */
    public static Optional<ClientDetails> lock(Connection connection, String id) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM clients_client WHERE id = ? FOR UPDATE", id);
    }

    /** The clients of the ids that exist, locked until the transaction ends, in id order (against deadlocks between bulks). */
    static List<ClientDetails> lockAll(Connection connection, Collection<String> ids) throws SQLException {
        return many(connection, "SELECT " + COLUMNS + " FROM clients_client WHERE id = ANY(?) ORDER BY id FOR UPDATE", ids);
    }

    /** The clients of the ids that exist, in id order. */
    static List<ClientDetails> findAll(Connection connection, Collection<String> ids) throws SQLException {
        return many(connection, "SELECT " + COLUMNS + " FROM clients_client WHERE id = ANY(?) ORDER BY id", ids);
    }

    public static Optional<ClientDetails> byOrganization(Connection connection, String organizationId) throws SQLException {
        return one(connection, "SELECT " + COLUMNS + " FROM clients_client WHERE organization_id = ?", organizationId);
    }

    /** Every client in the state, by id. */
    static List<ClientDetails> inState(Connection connection, String state) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM clients_client WHERE state = ? ORDER BY id")) {
            select.setString(1, state);
            return read(select);
        }
    }

    /**
     * Writes the contact data of the version read and moves the version on (also when
     * only the owner's login changed: that is a change of the client too, for its ETag);
     * false when another change came first.
     */
    static boolean update(Connection connection, String id, long version, Contact contact) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE clients_client SET name = ?, company = ?, "
                + "email = ?, phone = ?, address = ?, language = ?, additional_info = ?, description = ?, name_key = ?, "
                + "email_key = ?, search_text = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            setContact(update, 1, contact);
            setKeys(update, 9, contact);
            update.setString(12, id);
            update.setLong(13, version);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        SearchTerms.write(connection, id, SearchTerms.of(contact));
        return true;
    }

    /**
     * Gives clients without search words (written before there were any) theirs, in
     * batches; how many there were.
     */
    static int indexUnsearchable(Connection connection) throws SQLException {
        List<ClientDetails> missing;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM clients_client c "
                + "WHERE NOT EXISTS (SELECT 1 FROM clients_search_term t WHERE t.client_id = c.id)")) {
            missing = read(select);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE clients_client SET search_text = ? WHERE id = ?");
                PreparedStatement insert = connection.prepareStatement(SearchTerms.INSERT)) {
            int batched = 0;
            for (ClientDetails client : missing) {
                java.util.Set<String> terms = SearchTerms.of(client.contact());
                update.setString(1, SearchTerms.searchText(terms));
                update.setString(2, client.id());
                update.addBatch();
                SearchTerms.addAll(insert, client.id(), terms);
                if (++batched % 1000 == 0) {
                    update.executeBatch();
                    insert.executeBatch();
                }
            }
            update.executeBatch();
            insert.executeBatch();
        }
        return missing.size();
    }

    static void setStates(Connection connection, Collection<String> ids, String state, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE clients_client SET state = ?, "
                + "suspension_reason = ?, version = version + 1 WHERE id = ANY(?)")) {
            update.setString(1, state);
            update.setString(2, reason);
            update.setArray(3, connection.createArrayOf("VARCHAR", ids.toArray(new String[0])));
            update.executeUpdate();
        }
    }

    /** Every client of the reseller (C9), by id. */
    static List<ClientDetails> ofReseller(Connection connection, String resellerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM clients_client WHERE reseller_id = ? ORDER BY id")) {
            select.setString(1, resellerId);
            return read(select);
        }
    }

    /** Moves the client to the reseller, or to the operator's own with null (C9); a change of the client, for its ETag. */
    public static void setReseller(Connection connection, String id, String resellerId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE clients_client SET reseller_id = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, resellerId);
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    static void delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM clients_client WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    /** Reads the rows of a prepared selection of {@link #COLUMNS}. */
    static List<ClientDetails> read(PreparedStatement select) throws SQLException {
        List<ClientDetails> clients = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                clients.add(new ClientDetails(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11), row.getString(12), row.getString(13),
                        row.getTimestamp(14).toInstant(), row.getLong(15)));
            }
        }
        return clients;
    }

    private static List<ClientDetails> many(Connection connection, String sql, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("VARCHAR", ids.toArray(new String[0])));
            return read(select);
        }
    }

    private static Optional<ClientDetails> one(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            return read(select).stream().findFirst();
        }
    }

    /** The eight contact columns from {@code first} on, in the order of {@link #COLUMNS}. */
    private static void setContact(PreparedStatement statement, int first, Contact contact) throws SQLException {
        statement.setString(first, contact.name());
        statement.setString(first + 1, contact.company());
        statement.setString(first + 2, contact.email());
        statement.setString(first + 3, contact.phone());
        statement.setString(first + 4, contact.address());
        statement.setString(first + 5, contact.language());
        statement.setString(first + 6, contact.additionalInfo());
        statement.setString(first + 7, contact.description());
    }

    /** The sort and search keys from {@code first} on: name_key, email_key, search_text. */
    private static void setKeys(PreparedStatement statement, int first, Contact contact) throws SQLException {
        statement.setString(first, TextInput.searchKey(contact.name()));
        statement.setString(first + 1, TextInput.searchKey(contact.email()));
        statement.setString(first + 2, SearchTerms.searchText(SearchTerms.of(contact)));
    }
}
