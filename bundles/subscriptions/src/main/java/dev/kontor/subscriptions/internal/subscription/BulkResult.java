package dev.kontor.subscriptions.internal.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of a bulk action: one item per selected subscription, in the order asked.
 *
 * @param results each subscription's outcome
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
     * One subscription's outcome.
     *
     * @param status {@code done}, {@code unchanged}, {@code not_found} or {@code failed}
     * @param error why it failed; only with {@code failed}
     * @param problem the problem type of the refusal (e.g. {@code hold-lift-not-allowed}); only with {@code failed}
     */
    public record Item(String id, String status, @JsonInclude(JsonInclude.Include.NON_NULL) String error,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {
    }
}
