package dev.kontor.subscriptions.internal.subscription;

import java.util.List;

/**
 * {@code POST /api/v1/subscriptions/bulk}.
 *
 * @param action {@code suspend} (place a hold), {@code activate} (lift the holds of a reason), {@code terminate},
 *        {@code auto_renew_on} or {@code auto_renew_off} (S5)
 * @param ids the selected subscriptions
 * @param reason the hold's reason for suspend and activate; by default {@code operator} for the
 *        operator's staff, {@code reseller} for a reseller's, {@code customer} for a client's own users
 * @param publicNote the note the client is shown, for suspend
 * @param internalNote the note for staff with suspend; why, for the history, with activate and terminate
 */
public record BulkRequest(String action, List<String> ids, String reason, String publicNote, String internalNote) {
}
