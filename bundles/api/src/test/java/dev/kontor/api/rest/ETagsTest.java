package dev.kontor.api.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void versionIsTheEntityTag() {
        assertEquals("\"v7\"", ETags.of(7).toString());
    }

    @Test
    void matchingOrAbsentIfMatchLetsTheChangeThrough() {
        assertDoesNotThrow(() -> ETags.checkIfMatch("\"v7\"", 7));
        assertDoesNotThrow(() -> ETags.checkIfMatch(null, 7));
        assertDoesNotThrow(() -> ETags.checkIfMatch("*", 7));
        assertDoesNotThrow(() -> ETags.checkIfMatch("\"v6\", \"v7\"", 7));
        assertDoesNotThrow(() -> ETags.checkIfMatch("W/\"v7\"", 7));
    }

    @Test
    void staleVersionIsRefusedSoNoChangeIsOverwrittenSilently() {
        assertThrows(StaleVersionException.class, () -> ETags.checkIfMatch("\"v6\"", 7));
    }

    @Test
    void garbageIfMatchIsABadRequestNamingTheHeader() {
        ValidationException invalid = assertThrows(ValidationException.class, () -> ETags.checkIfMatch("v7", 7));
        assertEquals("If-Match", invalid.errors().get(0).field());
    }
}
