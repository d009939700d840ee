package dev.kontor.users.internal.workgroup;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.users.internal.organization.TextFields;
import java.util.Locale;

/**
 * The search text ({@code q}) and position ({@code cursor}) of a list, checked before
 * they reach SQL: PostgreSQL refuses control characters in a parameter, and a refusal
 * there would be a 500 rather than the client's 400.
 */
public final class SearchText {

    static final int MAX_QUERY = 200;

    private SearchText() {
    }

    /**
     * {@code %q%} lower-cased with LIKE's wildcards taken literally (for {@code ESCAPE '\'}
     * on a lower-cased column); null when there is nothing to search for.
     */
    public static String containing(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() > MAX_QUERY || !TextFields.plausibleId(text)) {
            throw new ValidationException("q", "at most " + MAX_QUERY + " characters without control characters");
        }
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The sort key a cursor carries, if it can be one of ours. */
    public static String after(String sortKey) {
        if (sortKey != null && !TextFields.plausibleId(sortKey)) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        return sortKey;
    }
}
