package dev.kontor.users.internal.organization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statement behind a list of this module: a selection, the conditions a request
 * brings (a search pattern, the position of a cursor) with text parameters, an order and
 * a limit. Values are always parameters, never part of the SQL.
 */
public final class ListQuery {

    private final StringBuilder sql;
    private final List<String> values = new ArrayList<>();

    /** @param select {@code SELECT ... WHERE} and its first condition, whose parameters {@code values} fill */
    public ListQuery(String select, String... values) {
        this.sql = new StringBuilder(select);
        this.values.addAll(List.of(values));
    }

    /** Adds {@code AND condition}, its parameters filled by {@code values} in order. */
    public ListQuery and(String condition, String... values) {
        sql.append(" AND ").append(condition);
        this.values.addAll(List.of(values));
        return this;
    }

    /** Adds {@code AND condition} when there is a value, which fills every parameter of it; else nothing. */
    public ListQuery andIfGiven(String condition, String value) {
        if (value != null) {
            int parameters = (int) condition.chars().filter(c -> c == '?').count();
            and(condition, Collections.nCopies(parameters, value).toArray(String[]::new));
        }
        return this;
    }

    /** The rows in this order, at most {@code limit}, each as the reader makes it. */
    public <T> List<T> rows(Connection connection, String orderBy, int limit, RowReader<T> reader) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql + " ORDER BY " + orderBy + " LIMIT " + limit)) {
            for (int i = 0; i < values.size(); i++) {
                select.setString(i + 1, values.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        }
    }

    /** Makes one item of the list from the current row. */
    @FunctionalInterface
    public interface RowReader<T> {

        T read(ResultSet row) throws SQLException;
    }
}
