package dev.kontor.storage.internal;

import dev.kontor.api.storage.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs a module's pending migrations on a private in-memory copy of the H2 database before
 * they touch the real one. H2 commits every DDL statement at once, and with it whatever
 * the transaction did before, so a rollback cannot undo a migration that failed halfway:
 * a failure has to be found before the real run. The copy has the whole schema and the
 * rows of the tables the migrations name, as long as those tables are small; foreign keys
 * are not checked in the copy, since the rows they point to are mostly not copied.
 */
final class H2Rehearsal {

    /** A named table with more rows than this is copied without them: the copy must stay cheap. */
    static final int MAX_COPIED_ROWS = 10_000;

    private H2Rehearsal() {
    }

    /**
     * Applies the migrations to a copy of what {@code live} sees, which it leaves untouched.
     *
     * @throws MigrationException naming the first migration that failed on the copy, or why no copy could be made
     */
    static void rehearse(Connection live, String module, List<Migration> pending) {
        try (Connection copy = JdbcUrls.dataSource(DatabaseKind.H2, JdbcUrls.privateH2(), "", "").getConnection()) {
            try (Statement statement = copy.createStatement()) {
                statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                for (String sql : script(live, "SCRIPT NODATA NOSETTINGS")) {
                    statement.execute(sql);
                }
                for (String table : smallNamedTables(live, pending)) {
                    for (String sql : script(live, "SCRIPT NOSETTINGS TABLE " + quoted(table))) {
                        if (sql.startsWith("INSERT INTO")) {
                            statement.execute(sql);
                        }
                    }
                }
            }
            for (Migration migration : pending) {
                migration.applyTo(copy, module);
            }
        } catch (SQLException e) {
            throw new MigrationException("Module " + module + ": the migrations could not be tried on a copy of the database first, "
                    + "so none was applied: " + e.getMessage(), e);
        }
    }

    /** The statements H2 writes to recreate the database, without its comments. */
    private static List<String> script(Connection live, String command) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = live.createStatement(); ResultSet rows = statement.executeQuery(command)) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (!sql.startsWith("--")) {
                    statements.add(sql);
                }
            }
        }
        return statements;
    }

    /** The tables of the database the migrations mention by name and whose rows are few enough to copy. */
    private static List<String> smallNamedTables(Connection live, List<Migration> pending) throws SQLException {
        String text = String.join("\n", pending.stream().flatMap(migration -> migration.statements().stream()).toList())
                .toLowerCase(Locale.ROOT);
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = live.prepareStatement("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (Pattern.compile("\\b" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "\\b").matcher(text).find()
                        && rowCount(live, table) <= MAX_COPIED_ROWS) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static long rowCount(Connection live, String table) throws SQLException {
        try (Statement statement = live.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + quoted(table))) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
