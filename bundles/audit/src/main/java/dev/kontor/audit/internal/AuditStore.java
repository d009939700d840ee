package dev.kontor.audit.internal;

import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads and appends {@code audit_entry} rows; there is deliberately no update or delete. */
final class AuditStore {

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_name, organization_id, action, target, "
            + "source_address, outcome, detail";

    private final Database database;

    AuditStore(Database database) {
        this.database = database;
    }

    void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        database.runInTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry entry : entries) {
                    insert.setString(1, entry.id());
                    insert.setTimestamp(2, Timestamp.from(entry.at()));
                    insert.setString(3, clip(entry.actorId(), 100));
                    insert.setString(4, clip(entry.actorName(), 200));
                    insert.setString(5, clip(entry.organizationId(), 100));
                    insert.setString(6, clip(entry.action(), 100));
                    insert.setString(7, clip(entry.target(), 300));
                    insert.setString(8, clip(entry.sourceAddress(), 64));
                    insert.setString(9, entry.outcome().name());
                    insert.setString(10, clip(entry.detail(), 2000));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * A page of entries, newest first.
     *
     * @param organizationId only this organization's entries; null for all (operators)
     * @param actionPrefix only actions starting with this; null for all
     */
    Page<AuditEntry> page(String organizationId, String actionPrefix, PageRequest request) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (organizationId != null) {
            sql.append(" AND organization_id = ?");
            parameters.add(organizationId);
        }
        if (actionPrefix != null) {
            sql.append(" AND action LIKE ? ESCAPE '!'");
            parameters.add(actionPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (request.after() != null) {
            sql.append(" AND id < ?");
            parameters.add(request.after());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(request.limit() + 1);
        List<AuditEntry> rows = database.inTransaction(connection -> query(connection, sql.toString(), parameters));
        return request.toPage(rows, AuditEntry::id);
    }

    private static List<AuditEntry> query(Connection connection, String sql, List<String> parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            AuditOutcome.valueOf(rows.getString(9)), rows.getString(10)));
                }
            }
            return entries;
        }
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
