package dev.kontor.api.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a list request asks for: how many items ({@code limit}, default 50, at most 500)
 * after which position ({@code cursor}). A cursor is the sort key of the last item of
 * the previous page, opaque to clients; lists fetch {@code limit + 1} rows to know
 * whether there is a next page.
 *
 * <pre>
 * PageRequest page = PageRequest.of(limitParameter, cursor); // 400 naming the field on bad input
 * List&lt;Row&gt; rows = query(page.after(), page.limit() + 1);
 * return page.toPage(rows, Row::id);
 * </pre>
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * @param limit the {@code limit} query parameter as sent (take it as a string: JAX-RS
     *        answers 404 to a query parameter it cannot convert), may be null
     * @param cursor the {@code cursor} query parameter, may be null
     * @throws ValidationException naming {@code limit} or {@code cursor}
     */
    public static PageRequest of(String limit, String cursor) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a whole number");
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    /** The page for rows fetched with {@code limit + 1}: the extra row only says there is more. */
    public <T> Page<T> toPage(java.util.List<T> rows, java.util.function.Function<T, String> sortKey) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        java.util.List<T> items = rows.subList(0, limit);
        return new Page<>(items, encode(sortKey.apply(items.get(limit - 1))));
    }

    public static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("c1:") || text.length() > 512) {
                throw new ValidationException("cursor", "is not a cursor of this list");
            }
            return text.substring(3);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor of this list");
        }
    }
}
