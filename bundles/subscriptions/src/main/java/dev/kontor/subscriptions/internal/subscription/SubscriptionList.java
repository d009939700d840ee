package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.KeysetOrder;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.SortKey;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of the subscription list: the caller's scope, the filters, the order and the
 * position of the cursor as conditions with parameters (never values in the SQL).
 */
final class SubscriptionList {

    private static final Set<String> STATES = Set.of("active", "suspended", "terminated");
    /** The orders of the list, by creation when none is asked for; each column has an index ending in (column, id). */
    private static final List<SortKey<StoredSubscription>> SORTS = List.of(
            SortKey.instant("created_at", "created_at", StoredSubscription::createdAt),
            SortKey.date("expires_at", "expires_on", StoredSubscription::expiresOn),
            SortKey.text("plan", "plan_key", subscription -> TextInput.searchKey(subscription.plan())));

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> values = new ArrayList<>();
    private final KeysetOrder<StoredSubscription> order;
    /** The column every row of the page has the same value in, whose index serves the order; null when there is none. */
    private String leading;
    private boolean empty;

    /**
     * @param clients the clients whose subscriptions alone the caller lists; empty for all
     * @throws ValidationException naming the parameter that is invalid
     */
    SubscriptionList(Optional<Set<String>> clients, SubscriptionFilter filter, PageRequest page) {
        this.order = KeysetOrder.of(filter.sort(), SORTS, StoredSubscription::id);
        if (filter.clientId() != null && !filter.clientId().isBlank()) {
            String id = filter.clientId().strip();
            if (!TextInput.plausibleId(id)) {
                throw new ValidationException("client_id", "a client id");
            }
            and("client_id = ?", id);
            leading = "client_id";
            empty = clients.isPresent() && !clients.get().contains(id);
        } else if (clients.isPresent()) {
            and("client_id = ANY(?)", List.copyOf(clients.get()));
            empty = clients.get().isEmpty();
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            String state = filter.state().strip();
            if (!STATES.contains(state)) {
                throw new ValidationException("state", "active, suspended or terminated");
            }
            and("state = ?", state);
            if (leading == null) {
                leading = "state";
            }
        }
        String pattern = TextInput.containsPattern(TextInput.query(filter.q()));
        if (pattern != null) {
            and("(plan_key LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM subscriptions_service s WHERE s.subscription_id = "
                    + "subscriptions_subscription.id AND s.name_key LIKE ? ESCAPE '\\'))", pattern, pattern);
        }
        if (page.after() != null) {
            and(order.after(), order.afterParameters(page.after()).toArray());
        }
    }

    Page<StoredSubscription> read(Connection connection, PageRequest page) throws SQLException {
        if (empty) {
            return Page.of(List.of());
        }
        try (PreparedStatement select = prepare(connection, "", page)) {
            Page<StoredSubscription> rows = page.toPage(SubscriptionStore.read(select), order::cursorOf);
            return new Page<>(SubscriptionStore.withServices(connection, rows.items()), rows.nextCursor());
        }
    }

    /** The statement of the page with its parameters set, after a prefix ({@code EXPLAIN } for a look at its plan). */
    PreparedStatement prepare(Connection connection, String prefix, PageRequest page) throws SQLException {
        PreparedStatement select = connection.prepareStatement(prefix + "SELECT " + SubscriptionStore.COLUMNS
                + " FROM subscriptions_subscription" + where + " ORDER BY " + order.orderBy(leading) + " LIMIT "
                + (page.limit() + 1));
        try {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Timestamp time) {
                    select.setTimestamp(i + 1, time);
                } else if (value instanceof Date date) {
                    select.setDate(i + 1, date);
                } else if (value instanceof List<?> ids) {
                    Array array = SubscriptionStore.idArray(connection, ids.stream().map(String.class::cast).toList());
                    select.setArray(i + 1, array);
                } else {
                    select.setString(i + 1, (String) value);
                }
            }
            return select;
        } catch (SQLException e) {
            select.close();
            throw e;
        }
    }

    private void and(String condition, Object... parameters) {
        where.append(" AND ").append(condition);
        values.addAll(List.of(parameters));
    }
}
