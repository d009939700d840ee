package dev.kontor.api.rest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * A sort key of a {@link KeysetOrder}: the name a {@code sort} parameter gives it, the
 * column the list is ordered by (an index should end in (column, id)), and how a row's
 * value is written into a cursor and read back as a statement parameter.
 *
 * <pre>
 * SortKey.text("name", "name_key", client -&gt; TextInput.searchKey(client.name()))
 * SortKey.instant("created_at", "created_at", Client::createdAt)
 * SortKey.date("due_at", "due_on", Invoice::dueOn)
 * </pre>
 *
 * @param <T> the rows of the list
 * @since 1.2
 */
public final class SortKey<T> {

    private final String name;
    private final String column;
    private final Function<T, String> valueOf;
    private final Function<String, Object> parameterOf;

    private SortKey(String name, String column, Function<T, String> valueOf, Function<String, Object> parameterOf) {
        this.name = name;
        this.column = column;
        this.valueOf = valueOf;
        this.parameterOf = parameterOf;
    }

    /**
     * A key of text, compared as the database compares the column (a lower-cased column
     * for orders by name).
     *
     * @param column a column name of the list's table; it goes into the SQL, so never client input
     */
    public static <T> SortKey<T> text(String name, String column, Function<T, String> value) {
        return new SortKey<>(name, column, value, text -> text);
    }

    /** A key of a point in time, a {@code TIMESTAMP} column; its statement parameter is a {@link Timestamp}. */
    public static <T> SortKey<T> instant(String name, String column, Function<T, Instant> value) {
        return new SortKey<>(name, column, row -> value.apply(row).toString(), text -> Timestamp.from(Instant.parse(text)));
    }

    /** A key of a day, a {@code DATE} column; its statement parameter is a {@link Date}. */
    public static <T> SortKey<T> date(String name, String column, Function<T, LocalDate> value) {
        return new SortKey<>(name, column, row -> value.apply(row).toString(), text -> Date.valueOf(LocalDate.parse(text)));
    }

    /** The name of the key in the {@code sort} parameter. */
    public String name() {
        return name;
    }

    /** The column the list is ordered by. */
    public String column() {
        return column;
    }

    String valueOf(T row) {
        return valueOf.apply(row);
    }

    /** @throws java.time.format.DateTimeParseException when the text is not a value of this key */
    Object parameterOf(String text) {
        return parameterOf.apply(text);
    }
}
