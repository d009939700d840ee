package dev.kontor.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToFiftyFromTheStart() {
        PageRequest request = PageRequest.of(null, null);
        assertEquals(50, request.limit());
        assertNull(request.after());
    }

    @Test
    void extraRowMeansThereIsANextPageWhoseCursorLeadsPastTheLastItem() {
        PageRequest request = PageRequest.of("2", null);
        Page<String> page = request.toPage(List.of("c", "b", "a"), item -> item);
        assertEquals(List.of("c", "b"), page.items());
        assertEquals("b", PageRequest.of("2", page.nextCursor()).after());
        assertNull(request.toPage(List.of("c", "b"), item -> item).nextCursor(), "no extra row, no next page");
    }

    @Test
    void limitOutsideOneTo500IsRefused() {
        assertThrows(ValidationException.class, () -> PageRequest.of("501", null));
        assertThrows(ValidationException.class, () -> PageRequest.of("-1", null));
        assertEquals(500, PageRequest.of("500", null).limit());
    }

    @Test
    void cursorsThatThisApiDidNotIssueAreRefused() {
        assertThrows(ValidationException.class, () -> PageRequest.of(null, "not base64 !"));
        assertThrows(ValidationException.class, () -> PageRequest.of(null, "eHh4"));
    }
}
