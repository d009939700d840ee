package dev.kontor.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void requiredTextIsStrippedAndBlankIsRefusedNamingTheField() {
        assertEquals("Acme", TextInput.required("name", "  Acme ", 10));
        ValidationException blank = assertThrows(ValidationException.class, () -> TextInput.required("name", " ", 10));
        assertEquals(List.of(new ValidationException.FieldError("name", "required, 1 to 10 characters")), blank.errors());
    }

    @Test
    void oneLineTextRefusesLineBreaksControlCharactersUnpairedSurrogatesAndLength() {
        for (String bad : List.of("a\nb", "a\u0000b", "a\ud800b", "x".repeat(11))) {
            ValidationException refused = assertThrows(ValidationException.class, () -> TextInput.optional("company", bad, 10));
            assertEquals(List.of(new ValidationException.FieldError("company",
                    "at most 10 characters on one line, without control characters")), refused.errors(), bad);
        }
        assertNull(TextInput.optional("company", "  ", 10));
        assertEquals("caf\u00e9 \ud83d\ude00", TextInput.optional("company", "caf\u00e9 \ud83d\ude00", 10));
    }

    @Test
    void multilineTextKeepsLineBreaksAndTabsButRefusesOtherControlCharacters() {
        assertEquals("street 1\n\t12345 town", TextInput.multiline("address", " street 1\n\t12345 town\n", 100));
        ValidationException refused = assertThrows(ValidationException.class, () -> TextInput.multiline("address", "bell\u0007", 100));
        assertEquals(List.of(new ValidationException.FieldError("address", "at most 100 characters, without control characters")),
                refused.errors());
        assertNull(TextInput.multiline("address", null, 100));
    }

    @Test
    void plausibleIdsAreOneToFortyCharactersOnOneLine() {
        assertTrue(TextInput.plausibleId("cl_0193a1b2c3d4e5f60718293a4b5c"));
        assertTrue(TextInput.plausibleId("x".repeat(TextInput.MAX_ID)));
        for (String bad : new String[] {null, "", "x".repeat(TextInput.MAX_ID + 1), "cl_\u0000", "cl_\ud800"}) {
            assertFalse(TextInput.plausibleId(bad), String.valueOf(bad));
        }
    }

    @Test
    void searchTextBecomesAnEscapedLowerCaseContainsPattern() {
        assertEquals("%50\\% off\\_a\\\\b%", TextInput.containsPattern(TextInput.query(" 50% OFF_a\\b ")));
        assertNull(TextInput.containsPattern(TextInput.query(" ")));
        assertEquals("q", assertThrows(ValidationException.class, () -> TextInput.query("q".repeat(201))).errors().get(0).field());
    }
}
