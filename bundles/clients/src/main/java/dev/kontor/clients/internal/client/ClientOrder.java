package dev.kontor.clients.internal.client;

import dev.kontor.api.rest.ValidationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * An order of the client list and its keyset: every order is (sort key, id), so the page
 * after a cursor starts where an index of the migration does (C3). The cursor carries
 * the order it was made for, the last row's sort key and id.
 */
record ClientOrder(Key key, boolean descending) {

    static final String CHOICES = "name, created_at or email, with - in front for descending";

    /** The sort keys, each a column with an index ending in (column, id). */
    enum Key {
        NAME("name", "name_key", client -> Texts.key(client.name())),
        CREATED_AT("created_at", "created_at", client -> client.createdAt().toString()),
        EMAIL("email", "email_key", client -> Texts.key(client.email()));

        final String parameter;
        final String column;
        final Function<ClientDetails, String> valueOf;

        Key(String parameter, String column, Function<ClientDetails, String> valueOf) {
            this.parameter = parameter;
            this.column = column;
            this.valueOf = valueOf;
        }
    }

    /** The order a {@code sort} parameter asks for; by name when there is none. */
    static ClientOrder of(String sort) {
        if (sort == null || sort.isBlank()) {
            return new ClientOrder(Key.NAME, false);
        }
        String text = sort.strip();
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        for (Key key : Key.values()) {
            if (key.parameter.equals(name)) {
                return new ClientOrder(key, descending);
            }
        }
        throw new ValidationException("sort", CHOICES);
    }

    String parameter() {
        return (descending ? "-" : "") + key.parameter;
    }

    /**
     * The ORDER BY of this order after the filtered column whose index serves it: equal in
     * every row, it changes nothing, but H2 reads an index in order only when the ORDER BY
     * starts where the index does.
     *
     * @param leading that column, or null
     */
    String orderBy(String leading) {
        String direction = descending ? " DESC" : "";
        return (leading == null ? "" : leading + direction + ", ") + key.column + direction + ", id" + direction;
    }

    /**
     * The condition of the rows after a cursor's: a range on the sort key that an index
     * seeks to (both databases), narrowed to the rows after the cursor's id among equal keys.
     */
    String after() {
        String column = key.column;
        return descending ? "(" + column + " <= ? AND (" + column + " < ? OR id < ?))"
                : "(" + column + " >= ? AND (" + column + " > ? OR id > ?))";
    }

    /** The cursor's sort key as a statement parameter. */
    Object parameterOf(String value) {
        if (key != Key.CREATED_AT) {
            return value;
        }
        try {
            return Timestamp.from(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw notACursor();
        }
    }

    /** The sort key of a cursor after this client. */
    String cursorOf(ClientDetails client) {
        return parameter() + "\n" + key.valueOf.apply(client) + "\n" + client.id();
    }

    /** The sort key and id of a cursor of this order. */
    String[] read(String cursor) {
        String[] parts = cursor.split("\n", -1);
        if (parts.length != 3 || !parts[0].equals(parameter()) || !Texts.plausibleId(parts[2])
                || parts[1].codePoints().anyMatch(Character::isISOControl)) {
            throw notACursor();
        }
        return new String[] {parts[1], parts[2]};
    }

    private static ValidationException notACursor() {
        return new ValidationException("cursor", "is not a cursor of this list in this order");
    }
}
