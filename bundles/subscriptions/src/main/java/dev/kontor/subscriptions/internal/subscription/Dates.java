package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates and times of requests: {@code YYYY-MM-DD} and ISO-8601 instants, refused by field when malformed. */
public final class Dates {

    /** Latest date the panel accepts: beyond it, a term is a typing error. */
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private Dates() {
    }

    /** A date, or null when absent. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.isAfter(LATEST)) {
                throw new ValidationException(field, "a date between 2000-01-01 and 9999-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "a date as YYYY-MM-DD");
        }
    }

    /** An instant, or null when absent. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "a time as ISO-8601 in UTC, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
