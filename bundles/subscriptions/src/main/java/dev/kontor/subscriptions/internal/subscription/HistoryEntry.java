package dev.kontor.subscriptions.internal.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One entry of a subscription's history (S2, S6), as staff read it.
 *
 * @param seq its number, counting from 1 per subscription
 * @param action {@code created}, {@code changed}, {@code placed}, {@code lifted}, {@code lapsed}, {@code renewed} or
 *        {@code terminated}
 * @param holdId the hold it concerns, for placed, lifted and lapsed
 * @param reason that hold's reason
 * @param actor the user id of who did it, or {@code system}
 * @param note why, as they said; may be internal
 * @param state the subscription's effective state right after it
 */
public record HistoryEntry(long seq, Instant occurredAt, String action, @JsonInclude(JsonInclude.Include.NON_NULL) String holdId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason, String actor,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note, String state) {

    public static final String CREATED = "created";
    public static final String CHANGED = "changed";
    public static final String PLACED = "placed";
    public static final String LIFTED = "lifted";
    public static final String LAPSED = "lapsed";
    public static final String TERMINATED = "terminated";
    /** A term added (S5), by hand or by the renewal run. */
    public static final String RENEWED = "renewed";
}
