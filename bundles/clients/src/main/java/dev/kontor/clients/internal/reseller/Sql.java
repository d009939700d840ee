package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC plumbing the stores of this package share: statements with parameters (never
 * values in the SQL), rows read by a function, and the newest-first keyset pages their
 * lists have (ids sort by creation time, so the id is the sort key).
 */
final class Sql {

    private Sql() {
    }

    /** Reads one row of a result. */
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, Row<T> reader, List<?> parameters) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet row = select.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (row.next()) {
                rows.add(reader.read(row));
            }
            return rows;
        }
    }

    static <T> Optional<T> one(Connection connection, String sql, Row<T> reader, Object... parameters) throws SQLException {
        return list(connection, sql, reader, List.of(parameters)).stream().findFirst();
    }

    /** Runs a change; a null parameter is SQL NULL. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = prepare(connection, sql, Arrays.asList(parameters))) {
            return update.executeUpdate();
        }
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        return one(connection, sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp time = row.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    /**
     * The condition (e.g. {@code id < ?}) and parameter of a page after the cursor's id;
     * the cursor is checked first, since a text no id can be would break a statement.
     */
    static String after(PageRequest page, String condition, List<Object> parameters) {
        if (page.after() == null) {
            return "";
        }
        if (!TextInput.plausibleId(page.after())) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        parameters.add(page.after());
        return " AND " + condition;
    }

    /** The ORDER BY and LIMIT of a newest-first page: one row more than asked, to know whether there is a next page. */
    static String newestFirst(PageRequest page, String idColumn) {
        return " ORDER BY " + idColumn + " DESC LIMIT " + (page.limit() + 1);
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else if (value instanceof Timestamp time) {
                    statement.setTimestamp(i + 1, time);
                } else if (value instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
