package dev.kontor.clients.internal.partner;

import dev.kontor.api.rest.ValidationException;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The users module checks a list (products, logins) in its sorted order and names a bad
 * item by its index there; the caller sent the list in its own order. This names the
 * item by its index in what was sent.
 */
final class SentOrder {

    private static final Pattern ITEM = Pattern.compile("([a-z_]+)\\[(\\d+)]");

    private SentOrder() {
    }

    /** The call's value; a field error on an item of {@code field} is renamed to the item's index in {@code sent}. */
    static <T> T naming(String field, List<String> sent, Supplier<T> call) {
        try {
            return call.get();
        } catch (ValidationException invalid) {
            List<String> sorted = List.copyOf(new TreeSet<>(sent));
            throw new ValidationException(invalid.errors().stream().map(error -> asSent(error, field, sorted, sent)).toList());
        }
    }

    private static ValidationException.FieldError asSent(ValidationException.FieldError error, String field,
            List<String> sorted, List<String> sent) {
        Matcher item = ITEM.matcher(error.field());
        if (!item.matches() || !item.group(1).equals(field)) {
            return error;
        }
        int index = Integer.parseInt(item.group(2));
        int asSent = index < sorted.size() ? sent.indexOf(sorted.get(index)) : -1;
        return asSent < 0 ? error : new ValidationException.FieldError(field + "[" + asSent + "]", error.message());
    }
}
