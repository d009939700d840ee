package dev.kontor.users.internal.organization;

import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Checks of free-text input shared by this module's requests; each failure names the field. */
public final class TextFields {

    private TextFields() {
    }

    /** A name: stripped, 1 to {@code max} characters, no control characters (they break lists and cursors). */
    public static String name(String field, String value, int max) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > max || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, "required, 1 to " + max + " characters without control characters");
        }
        return name;
    }

    /**
     * The value a check answers, or null with the check's field errors added to
     * {@code errors}: for requests that name every invalid field at once.
     */
    public static <T> T collect(List<ValidationException.FieldError> errors, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException invalid) {
            errors.addAll(invalid.errors());
            return null;
        }
    }

    /** The ids of a list field: present, at most {@code max}, none blank. */
    public static List<String> ids(String field, List<String> values, int max) {
        if (values == null || values.size() > max) {
            throw new ValidationException(field, "a list of at most " + max + " ids is required");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String id = values.get(i);
            if (id == null || id.isBlank() || !plausibleId(id)) {
                throw new ValidationException(field + "[" + i + "]", "must be an id");
            }
            ids.add(id.strip());
        }
        return ids;
    }

    /**
     * Whether a string may be an id at all: not too long, no control characters (which
     * PostgreSQL refuses in a parameter). Anything else is no id of ours, whatever it names.
     */
    public static boolean plausibleId(String id) {
        return id != null && id.length() <= 200 && id.codePoints().noneMatch(Character::isISOControl);
    }

    /**
     * The text of a cursor a list made (its sort key), or a validation error naming
     * {@code cursor}: a decoded cursor is client input, and PostgreSQL refuses control
     * characters in a parameter, which would be a 500 rather than the client's 400.
     */
    public static String cursorText(String text) {
        if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        return text;
    }

    /**
     * The LIKE pattern for a search text ({@code q}) matching anywhere, as
     * {@link TextInput#containsPattern} makes it; null when there is nothing to search for.
     */
    public static String containsPattern(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() > TextInput.MAX_QUERY || text.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationException("q", "at most " + TextInput.MAX_QUERY + " characters without control characters");
        }
        return TextInput.containsPattern(text);
    }
}
