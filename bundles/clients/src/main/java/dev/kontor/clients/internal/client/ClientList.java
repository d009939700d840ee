package dev.kontor.clients.internal.client;

import dev.kontor.api.rest.KeysetOrder;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.SortKey;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of the client list (C3): the caller's scope, the filters, the order and the
 * position of the cursor as conditions with parameters (never values in the SQL).
 */
final class ClientList {

    private static final Set<String> STATES = Set.of(ClientDetails.ACTIVE, ClientDetails.SUSPENDED);
    /** The orders of the list (C3), by name when none is asked for; each column has an index ending in (column, id). */
    private static final List<SortKey<ClientDetails>> SORTS = List.of(
            SortKey.text("name", "name_key", client -> TextInput.searchKey(client.name())),
            SortKey.instant("created_at", "created_at", ClientDetails::createdAt),
            SortKey.text("email", "email_key", client -> TextInput.searchKey(client.email())));

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> values = new ArrayList<>();
    /** Up to this many matching words, the search index picks the page's clients (see {@link #narrowBySearchIndex}). */
    static final int FEW_MATCHES = 2_000;

    private final KeysetOrder<ClientDetails> order;
    private final List<String> words;
    /** The column every row of the page has the same value in, whose index serves the order; null when there is none. */
    private String leading;

    /**
     * @param reseller the reseller whose clients alone the caller manages; empty for all
     * @throws ValidationException naming the parameter that is invalid
     */
    ClientList(Optional<String> reseller, ClientFilter filter, PageRequest page) {
        this.order = KeysetOrder.of(filter.sort(), SORTS, ClientDetails::id);
        if (reseller.isPresent()) {
            and("reseller_id = ?", reseller.get());
            leading = "reseller_id";
        }
        if (filter.resellerId() != null && !filter.resellerId().isBlank()) {
            String id = filter.resellerId().strip();
            leading = "reseller_id";
            if (ClientFilter.OPERATOR.equals(id)) {
                and("reseller_id IS NULL");
            } else if (TextInput.plausibleId(id)) {
                and("reseller_id = ?", id);
            } else {
                throw new ValidationException("reseller_id", "an organization id, or operator for the operator's own clients");
            }
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            String state = filter.state().strip();
            if (!STATES.contains(state)) {
                throw new ValidationException("state", "active or suspended");
            }
            and("state = ?", state);
            if (leading == null) {
                leading = "state";
            }
        }
        words = SearchTerms.ofQuery(TextInput.query(filter.q()));
        if (words.size() > SearchTerms.MAX_QUERY_WORDS) {
            throw new ValidationException("q", "at most " + SearchTerms.MAX_QUERY_WORDS + " words");
        }
        for (String word : words) {
            and("search_text LIKE ? ESCAPE '\\'", SearchTerms.wordPattern(word));
        }
        if (page.after() != null) {
            and(order.after(), order.afterParameters(page.after()).toArray());
        }
    }

    Page<ClientDetails> read(Connection connection, PageRequest page) throws SQLException {
        narrowBySearchIndex(connection);
        try (PreparedStatement select = prepare(connection, "", page)) {
            return page.toPage(ClientStore.read(select), order::cursorOf);
        }
    }

    /** The statement of the page with its parameters set, after a prefix ({@code EXPLAIN } for a look at its plan). */
    PreparedStatement prepare(Connection connection, String prefix, PageRequest page) throws SQLException {
        PreparedStatement select = connection.prepareStatement(prefix + "SELECT " + ClientStore.COLUMNS + " FROM clients_client"
                + where + " ORDER BY " + order.orderBy(leading) + " LIMIT " + (page.limit() + 1));
        try {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof Timestamp time) {
                    select.setTimestamp(i + 1, time);
                } else if (values.get(i) instanceof byte[] bytes) {
                    select.setBytes(i + 1, bytes);
                } else {
                    select.setString(i + 1, (String) values.get(i));
                }
            }
            return select;
        } catch (SQLException e) {
            select.close();
            throw e;
        }
    }

    /**
     * When the query's rarest-looking word (the longest) starts few words of all clients,
     * the page is picked from those clients through the index; else reading the list in
     * its order and skipping non-matches fills the page sooner. Same answer either way.
     */
    void narrowBySearchIndex(Connection connection) throws SQLException {
        if (words.isEmpty()) {
            return;
        }
        String rarest = words.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        if (!SearchTerms.atLeast(connection, rarest, FEW_MATCHES)) {
            and("id IN (SELECT client_id FROM clients_search_term WHERE " + SearchTerms.TERM_IN_RANGE + ")",
                    (Object[]) SearchTerms.startingWith(rarest));
        }
    }

    private void and(String condition, Object... parameters) {
        where.append(" AND ").append(condition);
        values.addAll(List.of(parameters));
    }
}
