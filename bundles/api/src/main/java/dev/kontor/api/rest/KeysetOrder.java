package dev.kontor.api.rest;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * The order of a list paged by keyset: a {@link SortKey} that the {@code sort} parameter
 * names ({@code created_at}, or {@code -created_at} for descending), then the row id, so
 * that the page after a cursor is a range of an index on (column, id). The cursor
 * carries the order it was made for, the last row's sort key and its id; a cursor of
 * another list or order is refused.
 *
 * <pre>
 * static final List&lt;SortKey&lt;Invoice&gt;&gt; SORTS = List.of(            // the first one is the default
 *         SortKey.date("due_at", "due_on", Invoice::dueOn),
 *         SortKey.instant("created_at", "created_at", Invoice::createdAt));
 *
 * KeysetOrder&lt;Invoice&gt; order = KeysetOrder.of(sort, SORTS, Invoice::id);  // 400 naming "sort"
 * String sql = "SELECT ... WHERE client_id = ?" + (page.after() == null ? "" : " AND " + order.after())
 *         + " ORDER BY " + order.orderBy("client_id") + " LIMIT " + (page.limit() + 1);
 * // parameters: clientId, then order.afterParameters(page.after()) when there is a cursor
 * return page.toPage(rows, order::cursorOf);
 * </pre>
 *
 * @param <T> the rows of the list
 * @since 1.2
 */
public final class KeysetOrder<T> {

    private final SortKey<T> key;
    private final boolean descending;
    private final Function<T, String> id;

    private KeysetOrder(SortKey<T> key, boolean descending, Function<T, String> id) {
        this.key = key;
        this.descending = descending;
        this.id = id;
    }

    /**
     * The order a {@code sort} parameter asks for; by the first key, ascending, when there
     * is none.
     *
     * @param sort the parameter as sent, may be null
     * @param keys the keys a list can be sorted by, at least one
     * @param id the id of a row, the last column of every order
     * @throws ValidationException naming {@code sort} and the choices when it names no key
     */
    public static <T> KeysetOrder<T> of(String sort, List<SortKey<T>> keys, Function<T, String> id) {
        if (sort == null || sort.isBlank()) {
            return new KeysetOrder<>(keys.get(0), false, id);
        }
        String text = sort.strip();
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        for (SortKey<T> key : keys) {
            if (key.name().equals(name)) {
                return new KeysetOrder<>(key, descending, id);
            }
        }
        throw new ValidationException("sort", choices(keys));
    }

    public SortKey<T> key() {
        return key;
    }

    public boolean descending() {
        return descending;
    }

    /** The {@code sort} parameter naming this order, e.g. {@code -created_at}. */
    public String sort() {
        return (descending ? "-" : "") + key.name();
    }

    /**
     * The ORDER BY of this order, after the column a filter fixes whose index serves it:
     * equal in every row, it changes nothing, but H2 reads an index in order only when the
     * ORDER BY starts where the index does.
     *
     * @param leading that column, or null
     */
    public String orderBy(String leading) {
        String direction = descending ? " DESC" : "";
        return (leading == null ? "" : leading + direction + ", ") + key.column() + direction + ", id" + direction;
    }

    /**
     * The condition of the rows after a cursor's, with the three parameters of
     * {@link #afterParameters}: a range on the sort key that an index seeks to (on both
     * databases), narrowed to the rows after the cursor's id among equal keys.
     */
    public String after() {
        String column = key.column();
        return descending ? "(" + column + " <= ? AND (" + column + " < ? OR id < ?))"
                : "(" + column + " >= ? AND (" + column + " > ? OR id > ?))";
    }

    /**
     * The parameters of {@link #after()} for a cursor of this order.
     *
     * @param cursor the sort key of {@link PageRequest#after()}
     * @throws ValidationException naming {@code cursor} when it is not one of this list in this order
     */
    public List<Object> afterParameters(String cursor) {
        String[] parts = cursor.split("\n", -1);
        if (parts.length != 3 || !parts[0].equals(sort()) || !TextInput.plausibleId(parts[2])
                || parts[1].codePoints().anyMatch(Character::isISOControl)) {
            throw notACursor();
        }
        try {
            Object value = key.parameterOf(parts[1]);
            return List.of(value, value, parts[2]);
        } catch (DateTimeParseException e) {
            throw notACursor();
        }
    }

    /** The cursor after a row, for {@link PageRequest#toPage}. */
    public String cursorOf(T row) {
        return sort() + "\n" + key.valueOf(row) + "\n" + id.apply(row);
    }

    private static <T> String choices(List<SortKey<T>> keys) {
        List<String> names = keys.stream().map(SortKey::name).toList();
        String listed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return listed + ", with - in front for descending";
    }

    private static ValidationException notACursor() {
        return new ValidationException("cursor", "is not a cursor of this list in this order");
    }
}
