package dev.kontor.api.rest;

import java.util.List;

/**
 * One page of a list, the shape of every list answer of the API:
 * {@code {"items": [...], "next_cursor": "..." | null}}.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** A list that fits on one page. */
    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, null);
    }
}
