package dev.kontor.users.internal.organization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Statements with string parameters only, which most of this package's are. */
final class Sql {

    private Sql() {
    }

    static int count(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, values); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    static int execute(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
