package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.rest.KeysetOrder;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.SortKey;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One page of the invoice list: the caller's scope, the filters, the order and the
 * position of the cursor as conditions with parameters. Every order is (sort key, id),
 * after at most one filtered column, so that a page is a range of an index of the
 * migration.
 */
final class InvoiceList {

    /** The orders of the list, by due day when none is asked for. */
    private static final List<SortKey<Invoice>> SORTS = List.of(
            SortKey.date("due_at", "due_on", Invoice::dueOn),
            SortKey.instant("created_at", "created_at", Invoice::createdAt));

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> values = new ArrayList<>();
    private final KeysetOrder<Invoice> order;
    /** The filtered column every row of the page has the same value in, whose index serves the order; null for none. */
    private String leading;
    private boolean empty;

    /**
     * @param clients the clients whose invoices alone the caller lists; empty for all
     * @param today the day that decides what is overdue
     * @throws ValidationException naming the parameter that is invalid
     */
    InvoiceList(Optional<Set<String>> clients, InvoiceFilter filter, LocalDate today, PageRequest page) {
        order = KeysetOrder.of(filter.sort(), SORTS, Invoice::id);
        String subscriptionId = id("subscription_id", filter.subscriptionId());
        String clientId = id("client_id", filter.clientId());
        if (subscriptionId != null) {
            and("subscription_id = ?", subscriptionId);
            leading = "subscription_id";
        }
        if (clientId != null) {
            and("client_id = ?", clientId);
            leading = leading == null ? "client_id" : leading;
            empty = clients.isPresent() && !clients.get().contains(clientId);
        }
        if (clients.isPresent() && clientId == null) {
            and("client_id = ANY(?)", List.copyOf(clients.get()));
            empty = clients.get().isEmpty();
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            InvoiceState state = InvoiceState.ofWire(filter.state().strip())
                    .orElseThrow(() -> new ValidationException("state", InvoiceState.CHOICES));
            and("state = ?", state.wire());
            leading = leading == null ? "state" : leading;
        }
        if (filter.overdue() != null && !filter.overdue().isBlank()) {
            Date day = Date.valueOf(today);
            switch (filter.overdue().strip()) {
                case "true" -> {
                    and("state = 'open' AND due_on < ?", day);
                    leading = leading == null ? "state" : leading;
                }
                case "false" -> and("NOT (state = 'open' AND due_on < ?)", day);
                default -> throw new ValidationException("overdue", "true or false");
            }
        }
        if (page.after() != null) {
            and(order.after(), order.afterParameters(page.after()).toArray());
        }
    }

    Page<Invoice> read(Connection connection, PageRequest page) throws SQLException {
        if (empty) {
            return Page.of(List.of());
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + InvoiceStore.COLUMNS
                + " FROM subscriptions_invoice" + where + " ORDER BY " + order.orderBy(leading) + " LIMIT " + (page.limit() + 1))) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Date date) {
                    select.setDate(i + 1, date);
                } else if (value instanceof Timestamp time) {
                    select.setTimestamp(i + 1, time);
                } else if (value instanceof List<?> ids) {
                    select.setArray(i + 1, connection.createArrayOf("VARCHAR", ids.toArray(new Object[0])));
                } else {
                    select.setString(i + 1, (String) value);
                }
            }
            return page.toPage(InvoiceStore.read(select), order::cursorOf);
        }
    }

    private static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (!TextInput.plausibleId(id)) {
            throw new ValidationException(field, "an id");
        }
        return id;
    }

    private void and(String condition, Object... parameters) {
        where.append(" AND ").append(condition);
        values.addAll(List.of(parameters));
    }
}
