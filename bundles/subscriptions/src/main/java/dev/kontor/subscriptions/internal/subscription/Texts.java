package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.ValidationException;
import java.util.Locale;

/**
 * The checks of text input shared by every request of this module. Control characters
 * (beyond line breaks and tabs in notes) and unpaired surrogates are refused: PostgreSQL
 * refuses a NUL in a parameter, and lists, cursors and pages break on the rest.
 */
public final class Texts {

    /** Longest search text a list accepts. */
    static final int MAX_QUERY = 200;

    private Texts() {
    }

    /** Text on one line, stripped, 1 to {@code max} characters. */
    static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new ValidationException(field, "required, 1 to " + max + " characters");
        }
        return text;
    }

    /** Text on one line, stripped, at most {@code max} characters; null when absent or blank. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max || !text.codePoints().allMatch(Texts::lineCharacter)) {
            throw new ValidationException(field, "at most " + max + " characters on one line, without control characters");
        }
        return text;
    }

    /** A note of several lines, stripped, at most {@code max} characters; null when blank. */
    public static String multiline(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max || !text.codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || lineCharacter(c))) {
            throw new ValidationException(field, "at most " + max + " characters, without control characters");
        }
        return text;
    }

    /** Whether a string may be an id at all; anything else names nothing and is answered like a missing object. */
    public static boolean plausibleId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 40 && id.codePoints().allMatch(Texts::lineCharacter);
    }

    /** The LIKE pattern of a search text matching anywhere, lower case, escaped with {@code \}; null for no search. */
    static String containsPattern(String q) {
        String text = optional("q", q, MAX_QUERY);
        if (text == null) {
            return null;
        }
        return "%" + key(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The lower-case form that sorting and searching use. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean lineCharacter(int codePoint) {
        return !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.SURROGATE;
    }
}
