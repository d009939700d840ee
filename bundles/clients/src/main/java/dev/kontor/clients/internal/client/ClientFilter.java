package dev.kontor.clients.internal.client;

/**
 * The query of {@code GET /api/v1/clients} (C3), as sent.
 *
 * @param q text that name, company or e-mail contain, case-insensitively
 * @param state {@code active} or {@code suspended}
 * @param resellerId the reseller organization whose clients to list; {@code operator} for the operator's own
 * @param sort {@code name} (the default), {@code created_at} or {@code email}; with {@code -} in front, descending
 */
public record ClientFilter(String q, String state, String resellerId, String sort) {

    /** Where {@code reseller_id} stands for the operator's own clients (stored as no reseller). */
    public static final String OPERATOR = "operator";
}
