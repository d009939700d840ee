package dev.kontor.clients.internal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of a bulk action: one item per selected client, in the order asked.
 *
 * @param results each client's outcome
 */
public record BulkResult(List<Item> results) {

    public static final String DONE = "done";
    public static final String UNCHANGED = "unchanged";
    public static final String NOT_FOUND = "not_found";
    public static final String FAILED = "failed";

    public BulkResult {
        results = List.copyOf(results);
    }

    /**
     * One client's outcome.
     *
     * @param status {@code done}, {@code unchanged}, {@code not_found} or {@code failed}
     * @param error why it failed; only with {@code failed}
     */
    public record Item(String id, String status, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }
}
