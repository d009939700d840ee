package dev.kontor.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetOrderTest {

    record Row(String id, String name, Instant createdAt, LocalDate dueOn) {
    }

    private static final List<SortKey<Row>> SORTS = List.of(
            SortKey.text("name", "name_key", row -> TextInput.searchKey(row.name())),
            SortKey.instant("created_at", "created_at", Row::createdAt),
            SortKey.date("due_at", "due_on", Row::dueOn));

    private static final Row ROW = new Row("r_1", "Acme", Instant.parse("2030-01-02T03:04:05Z"), LocalDate.parse("2030-02-01"));

    @Test
    void withoutSortTheFirstKeyAscendingOrdersByKeyThenId() {
        KeysetOrder<Row> order = KeysetOrder.of(null, SORTS, Row::id);
        assertEquals("name", order.sort());
        assertEquals("name_key, id", order.orderBy(null));
        assertEquals("(name_key >= ? AND (name_key > ? OR id > ?))", order.after());
    }

    @Test
    void descendingOrderStartsWithTheFilteredColumnOfItsIndex() {
        KeysetOrder<Row> order = KeysetOrder.of(" -created_at ", SORTS, Row::id);
        assertEquals("client_id DESC, created_at DESC, id DESC", order.orderBy("client_id"));
        assertEquals("(created_at <= ? AND (created_at < ? OR id < ?))", order.after());
    }

    @Test
    void unknownSortIsRefusedListingTheChoices() {
        ValidationException refused = assertThrows(ValidationException.class, () -> KeysetOrder.of("price", SORTS, Row::id));
        assertEquals(List.of(new ValidationException.FieldError("sort",
                "name, created_at or due_at, with - in front for descending")), refused.errors());
    }

    @Test
    void aCursorLeadsBackToTheRowsSortKeyAndIdAsStatementParameters() {
        KeysetOrder<Row> byName = KeysetOrder.of("-name", SORTS, Row::id);
        assertEquals(List.of("acme", "acme", "r_1"), byName.afterParameters(byName.cursorOf(ROW)));
        KeysetOrder<Row> byCreation = KeysetOrder.of("created_at", SORTS, Row::id);
        Timestamp created = Timestamp.from(ROW.createdAt());
        assertEquals(List.of(created, created, "r_1"), byCreation.afterParameters(byCreation.cursorOf(ROW)));
        KeysetOrder<Row> byDue = KeysetOrder.of("due_at", SORTS, Row::id);
        Date due = Date.valueOf(ROW.dueOn());
        assertEquals(List.of(due, due, "r_1"), byDue.afterParameters(byDue.cursorOf(ROW)));
    }

    @Test
    void cursorsOfAnotherOrderOrForgedOnesAreRefusedNamingTheCursor() {
        KeysetOrder<Row> byCreation = KeysetOrder.of("created_at", SORTS, Row::id);
        String ofAnotherOrder = KeysetOrder.of("-created_at", SORTS, Row::id).cursorOf(ROW);
        for (String bad : List.of(ofAnotherOrder, "created_at\nyesterday\nr_1", "created_at\n2030-01-02T03:04:05Z\n",
                "created_at\n2030-01-02T03:04:05Z", "name\nacme\u0000\nr_1")) {
            ValidationException refused = assertThrows(ValidationException.class, () -> byCreation.afterParameters(bad));
            assertEquals(List.of(new ValidationException.FieldError("cursor", "is not a cursor of this list in this order")),
                    refused.errors(), bad);
        }
    }
}
