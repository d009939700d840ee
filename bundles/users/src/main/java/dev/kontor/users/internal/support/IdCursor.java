package dev.kontor.users.internal.support;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.users.internal.organization.TextFields;

/**
 * The position of a list whose sort key is the row id. A decoded cursor is client
 * input: one that cannot be an id (PostgreSQL refuses a NUL in a parameter) is a
 * validation error, never a database error.
 */
public final class IdCursor {

    private IdCursor() {
    }

    /** The id after which the page starts; null for the first page. */
    public static String after(PageRequest page) {
        if (page.after() != null && !TextFields.plausibleId(page.after())) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
        return page.after();
    }
}
