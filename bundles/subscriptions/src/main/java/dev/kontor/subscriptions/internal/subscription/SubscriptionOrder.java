package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.ValidationException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * An order of the subscription list and its keyset: every order is (sort key, id), so
 * the page after a cursor starts where an index of the migration does. The cursor
 * carries the order it was made for, the last row's sort key and id.
 */
record SubscriptionOrder(Key key, boolean descending) {

    static final String CHOICES = "created_at, expires_at or plan, with - in front for descending";

    /** The sort keys, each a column with an index ending in (column, id). */
    enum Key {
        CREATED_AT("created_at", "created_at", subscription -> subscription.createdAt().toString()),
        EXPIRES_AT("expires_at", "expires_on", subscription -> subscription.expiresOn().toString()),
        PLAN("plan", "plan_key", subscription -> Texts.key(subscription.plan()));

        final String parameter;
        final String column;
        final Function<StoredSubscription, String> valueOf;

        Key(String parameter, String column, Function<StoredSubscription, String> valueOf) {
            this.parameter = parameter;
            this.column = column;
            this.valueOf = valueOf;
        }
    }

    /** The order a {@code sort} parameter asks for; by creation when there is none. */
    static SubscriptionOrder of(String sort) {
        if (sort == null || sort.isBlank()) {
            return new SubscriptionOrder(Key.CREATED_AT, false);
        }
        String text = sort.strip();
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        for (Key key : Key.values()) {
            if (key.parameter.equals(name)) {
                return new SubscriptionOrder(key, descending);
            }
        }
        throw new ValidationException("sort", CHOICES);
    }

    String parameter() {
        return (descending ? "-" : "") + key.parameter;
    }

    /**
     * The ORDER BY after the filtered column whose index serves it: equal in every row,
     * it changes nothing, but H2 reads an index in order only when the ORDER BY starts
     * where the index does.
     *
     * @param leading that column, or null
     */
    String orderBy(String leading) {
        String direction = descending ? " DESC" : "";
        return (leading == null ? "" : leading + direction + ", ") + key.column + direction + ", id" + direction;
    }

    /** The rows after a cursor's: a range on the sort key an index seeks to, narrowed to ids after the cursor's among equal keys. */
    String after() {
        String column = key.column;
        return descending ? "(" + column + " <= ? AND (" + column + " < ? OR id < ?))"
                : "(" + column + " >= ? AND (" + column + " > ? OR id > ?))";
    }

    /** The cursor's sort key as a statement parameter. */
    Object parameterOf(String value) {
        try {
            return switch (key) {
                case CREATED_AT -> Timestamp.from(Instant.parse(value));
                case EXPIRES_AT -> Date.valueOf(LocalDate.parse(value));
                case PLAN -> value;
            };
        } catch (DateTimeParseException e) {
            throw notACursor();
        }
    }

    /** The cursor after this subscription. */
    String cursorOf(StoredSubscription subscription) {
        return parameter() + "\n" + key.valueOf.apply(subscription) + "\n" + subscription.id();
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
