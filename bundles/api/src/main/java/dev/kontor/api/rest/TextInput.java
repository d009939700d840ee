package dev.kontor.api.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Checks of text input from requests; each failure is a {@link ValidationException}
 * naming the field. Control characters (beyond line breaks and tabs in texts of several
 * lines) and unpaired surrogates are refused everywhere: PostgreSQL refuses a NUL in a
 * parameter, and lists, cursors and mails break on the rest.
 *
 * <pre>
 * String name = TextInput.required("name", request.name(), 100);      // 400 naming "name" when blank or too long
 * String note = TextInput.multiline("note", request.note(), 1000);    // null when blank
 * Optional&lt;Row&gt; row = TextInput.plausibleId(id) ? store.find(id) : Optional.empty();
 * String like = TextInput.containsPattern(TextInput.query(q));        // for LOWER(name) LIKE ? ESCAPE '\'
 * </pre>
 *
 * @since 1.2
 */
public final class TextInput {

    /** Longest search text ({@code q}) a list accepts. */
    public static final int MAX_QUERY = 200;

    /** Longest id: the length of the panel's id columns, {@code VARCHAR(40)}, which ids of {@code Ids.newId} fit. */
    public static final int MAX_ID = 40;

    private TextInput() {
    }

    /** Text on one line, stripped, 1 to {@code max} characters. */
    public static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new ValidationException(field, "required, 1 to " + max + " characters");
        }
        return text;
    }

    /** Text on one line, stripped, at most {@code max} characters; null when absent or blank. */
    public static String optional(String field, String value, int max) {
        return stripped(field, value, max, TextInput::lineCharacter, " characters on one line, without control characters");
    }

    /** Text of several lines (an address, a note), stripped, at most {@code max} characters; null when absent or blank. */
    public static String multiline(String field, String value, int max) {
        return stripped(field, value, max, c -> c == '\n' || c == '\r' || c == '\t' || lineCharacter(c),
                " characters, without control characters");
    }

    /** Whether a text fits on one line: no control characters, no unpaired surrogates. */
    public static boolean isOneLine(String text) {
        return text.codePoints().allMatch(TextInput::lineCharacter);
    }

    /**
     * Whether a string may be an id at all: 1 to {@link #MAX_ID} characters on one line.
     * Anything else names nothing, whatever it looks like, and is answered like a missing
     * object without asking the database.
     */
    public static boolean plausibleId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID && isOneLine(id);
    }

    /**
     * The ids a bulk request selects, each once, in the order given.
     *
     * @param field the field of the list, e.g. {@code ids}
     * @param what what an id names, for the messages, e.g. {@code client id}
     * @throws ValidationException naming the field when the list is missing, empty or
     *         longer than {@code max}, else naming each element that cannot be an id
     * @since 1.2
     */
    public static List<String> ids(String field, List<String> values, int max, String what) {
        if (values == null || values.isEmpty() || values.size() > max) {
            throw new ValidationException(field, "a list of 1 to " + max + " " + what + "s");
        }
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (plausibleId(values.get(i))) {
                ids.add(values.get(i));
            } else {
                errors.add(new ValidationException.FieldError(field + "[" + i + "]", "must be a " + what));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return List.copyOf(ids);
    }

    /** A list's search text ({@code q}) as given, checked; null when there is nothing to search for. */
    public static String query(String q) {
        return optional("q", q, MAX_QUERY);
    }

    /** The lower-case form of a text that sorting and searching compare (a {@code *_key} column). */
    public static String searchKey(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * The LIKE pattern matching a checked search text anywhere in a {@link #searchKey}
     * column: lower case, with {@code \}, {@code %} and {@code _} escaped for
     * {@code ESCAPE '\'}; null for a null text.
     */
    public static String containsPattern(String text) {
        if (text == null) {
            return null;
        }
        return "%" + searchKey(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String stripped(String field, String value, int max, IntPredicate allowed, String rule) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max || !text.codePoints().allMatch(allowed)) {
            throw new ValidationException(field, "at most " + max + rule);
        }
        return text;
    }

    private static boolean lineCharacter(int codePoint) {
        return !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.SURROGATE;
    }
}
