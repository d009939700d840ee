package dev.kontor.storage.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a test compares to say "the database is exactly as it was": every table of the
 * default schema with its columns (type, nullability) and all its rows, on H2 and PostgreSQL alike.
 */
record DatabaseContent(List<String> columns, List<String> rows) {

    static DatabaseContent of(Transactions transactions) {
        return transactions.inTransaction(DatabaseContent::of);
    }

    private static DatabaseContent of(Connection connection) throws SQLException {
        List<String> columns = column(connection, "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                + " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
        List<String> rows = new ArrayList<>();
        for (String table : column(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " ORDER BY table_name")) {
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                while (row.next()) {
                    StringBuilder line = new StringBuilder(table);
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        line.append(' ').append(row.getString(i));
                    }
                    rows.add(line.toString());
                }
            }
        }
        rows.sort(null); // an order that does not depend on the table's columns
        return new DatabaseContent(columns, rows);
    }

    /** The column names of the tables, {@code table.column}. */
    List<String> columnNames() {
        return columns.stream().map(column -> column.substring(0, column.indexOf(' '))).toList();
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }
}
