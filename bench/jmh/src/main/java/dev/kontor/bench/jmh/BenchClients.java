package dev.kontor.bench.jmh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients as the clients and users modules keep them, written directly in batches:
 * creating tens of thousands through the modules would hash as many passwords. Client
 * {@code i} is {@code cl_bench_00000i}, "Kunde i", in its own organization
 * {@code org_bench_00000i}, owned by the login {@code kunde<i>} (German, active).
 */
final class BenchClients {

    private static final int BATCH = 500;

    /** What a benchmark writes for each client besides it: its subscriptions, say. */
    @FunctionalInterface
    interface PerClient {
        void add(int index, String clientId) throws SQLException;
    }

    private BenchClients() {
    }

    /**
     * Writes clients {@code 0 .. count-1}; the rows {@code perClient} adds to the
     * benchmark's own statements are executed in the same batches, after the clients'.
     */
    static void write(Connection connection, int count, Timestamp now, PerClient perClient, PreparedStatement... own)
            throws SQLException {
        try (PreparedStatement organization = connection.prepareStatement(
                "INSERT INTO users_organization (id, name, created_at) VALUES (?, ?, ?)");
                PreparedStatement login = connection.prepareStatement("INSERT INTO users_login (id, username, username_key, "
                        + "email, display_name, language, created_at) VALUES (?, ?, ?, ?, ?, 'de', ?)");
                PreparedStatement member = connection.prepareStatement("INSERT INTO users_membership (organization_id, "
                        + "user_id, role_id, joined_at) VALUES (?, ?, 'owner', ?)");
                PreparedStatement client = connection.prepareStatement("INSERT INTO clients_client (id, organization_id, "
                        + "name, email, language, state, created_at, name_key, email_key, search_text) "
                        + "VALUES (?, ?, ?, ?, 'de', 'active', ?, ?, ?, ?)")) {
            List<PreparedStatement> batches = new ArrayList<>(List.of(organization, login, member, client));
            batches.addAll(List.of(own));
            for (int i = 0; i < count; i++) {
                String organizationId = String.format("org_bench_%06d", i);
                String userId = String.format("usr_bench_%06d", i);
                String clientId = String.format("cl_bench_%06d", i);
                String name = "Kunde " + i;
                String email = "kunde" + i + "@example.com";
                organization.setString(1, organizationId);
                organization.setString(2, name);
                organization.setTimestamp(3, now);
                organization.addBatch();
                login.setString(1, userId);
                login.setString(2, "kunde" + i);
                login.setString(3, "kunde" + i);
                login.setString(4, email);
                login.setString(5, name);
                login.setTimestamp(6, now);
                login.addBatch();
                member.setString(1, organizationId);
                member.setString(2, userId);
                member.setTimestamp(3, now);
                member.addBatch();
                client.setString(1, clientId);
                client.setString(2, organizationId);
                client.setString(3, name);
                client.setString(4, email);
                client.setTimestamp(5, now);
                client.setString(6, "kunde " + i);
                client.setString(7, email);
                client.setString(8, " kunde " + i + " " + email);
                client.addBatch();
                perClient.add(i, clientId);
                if (i % BATCH == BATCH - 1 || i == count - 1) {
                    for (PreparedStatement batch : batches) {
                        batch.executeBatch();
                    }
                }
            }
        }
    }
}
