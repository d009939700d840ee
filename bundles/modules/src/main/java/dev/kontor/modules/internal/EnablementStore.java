package dev.kontor.modules.internal;

import dev.kontor.api.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The {@code modules_enablement} table; the panel's rule is stored with an empty scope_id. */
final class EnablementStore {

    private static final String PANEL_ID = "";

    private final Database database;

    EnablementStore(Database database) {
        this.database = database;
    }

    List<EnablementRule> all() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT module_id, scope, scope_id, enabled, "
                    + "changed_at, changed_by FROM modules_enablement ORDER BY module_id, scope, scope_id");
                    ResultSet rows = select.executeQuery()) {
                List<EnablementRule> rules = new ArrayList<>();
                while (rows.next()) {
                    String scopeId = rows.getString(3);
                    rules.add(new EnablementRule(rows.getString(1), Scope.valueOf(rows.getString(2).toUpperCase(java.util.Locale.ROOT)),
                            PANEL_ID.equals(scopeId) ? null : scopeId, rows.getBoolean(4), rows.getTimestamp(5).toInstant(),
                            rows.getString(6)));
                }
                return rules;
            }
        });
    }

    /** Writes the rule in the caller's transaction, replacing the one of the same module and scope. */
    void put(EnablementRule rule) {
        database.runInTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE modules_enablement SET enabled = ?, "
                    + "changed_at = ?, changed_by = ? WHERE module_id = ? AND scope = ? AND scope_id = ?")) {
                update.setBoolean(1, rule.enabled());
                update.setTimestamp(2, Timestamp.from(rule.changedAt()));
                update.setString(3, rule.changedBy());
                update.setString(4, rule.moduleId());
                update.setString(5, rule.scope().id());
                update.setString(6, idOf(rule.scopeId()));
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO modules_enablement "
                    + "(module_id, scope, scope_id, enabled, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, rule.moduleId());
                insert.setString(2, rule.scope().id());
                insert.setString(3, idOf(rule.scopeId()));
                insert.setBoolean(4, rule.enabled());
                insert.setTimestamp(5, Timestamp.from(rule.changedAt()));
                insert.setString(6, rule.changedBy());
                insert.executeUpdate();
            }
        });
    }

    /** Deletes one rule; answers whether there was one. */
    boolean delete(String moduleId, Scope scope, String scopeId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM modules_enablement WHERE module_id = ? AND scope = ? AND scope_id = ?")) {
                delete.setString(1, moduleId);
                delete.setString(2, scope.id());
                delete.setString(3, idOf(scopeId));
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static String idOf(String scopeId) {
        return scopeId == null ? PANEL_ID : scopeId;
    }
}
