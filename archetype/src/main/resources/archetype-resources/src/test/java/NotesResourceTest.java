package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.ValidationException;
import org.junit.jupiter.api.Test;

/** What {@code POST /api/v1/${moduleId}/notes} accepts: anything else is a 400 naming the field. */
class NotesResourceTest {

    @Test
    void textIsStoredWithoutSurroundingBlanksAndKeepsItsLineBreaks() {
        assertEquals("Call back\nafter lunch", NotesResource.validText(new NotesResource.NewNote("  Call back\nafter lunch \n")));
    }

    @Test
    void missingOrBlankTextIsRefusedNamingTheField() {
        assertRefused(null);
        assertRefused(new NotesResource.NewNote(null));
        assertRefused(new NotesResource.NewNote(" \n\t "));
    }

    @Test
    void textLongerThanTheColumnIsRefused() {
        String longest = "x".repeat(NotesResource.MAX_TEXT);
        assertEquals(longest, NotesResource.validText(new NotesResource.NewNote(longest)));
        assertRefused(new NotesResource.NewNote(longest + "x"));
    }

    @Test
    void controlCharactersAreRefused() {
        assertRefused(new NotesResource.NewNote("bell\u0007"));
    }

    private static void assertRefused(NotesResource.NewNote request) {
        ValidationException refused = assertThrows(ValidationException.class, () -> NotesResource.validText(request));
        assertEquals("text", refused.errors().get(0).field());
    }
}
