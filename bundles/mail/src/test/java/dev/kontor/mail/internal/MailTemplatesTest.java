package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = ModuleMailers.templates();
    private final Map<String, String> anna = Map.of("name", "Anna", "organization", "Müller GmbH");

    @Test
    void templateOfTheAskedLanguageIsFilledIn() {
        MailTemplates.Filled mail = templates.fill("welcome", Locale.GERMANY, anna);
        assertEquals("Willkommen bei Müller GmbH", mail.subject());
        assertEquals("Hallo Anna,\n\nIhr Zugang bei Müller GmbH ist eingerichtet. Grüße!\n", mail.body());
        assertEquals("de", mail.language());
    }

    @Test
    void languageWithoutTemplateFallsBackToEnglish() {
        assertEquals("Welcome to Müller GmbH", templates.fill("welcome", Locale.FRENCH, anna).subject());
        assertEquals("en", templates.fill("welcome", null, anna).language());
        assertEquals("en", templates.fill("receipt", Locale.GERMAN, Map.of("number", "42")).language());
    }

    @Test
    void bodyMayFollowTheSubjectLineDirectlyAndPlaceholdersMayHaveSpaces() {
        MailTemplates.Filled mail = templates.fill("receipt", Locale.ENGLISH, Map.of("number", "42"));
        assertEquals("Your receipt 42", mail.subject());
        assertEquals("Thank you.\n", mail.body());
    }

    @Test
    void valuesAreInsertedLiterallyNeverExpandedAgain() {
        MailTemplates.Filled mail = templates.fill("welcome", Locale.ENGLISH,
                Map.of("name", "{{organization}} $1 \\", "organization", "<b>Acme</b>"));
        assertTrue(mail.body().startsWith("Hello {{organization}} $1 \\,"), mail.body());
        assertEquals("Welcome to <b>Acme</b>", mail.subject());
    }

    @Test
    void placeholderWithoutValueIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> templates.fill("welcome", Locale.ENGLISH, Map.of("name", "Anna")));
        assertTrue(refused.getMessage().contains("{{organization}}"), refused.getMessage());
    }

    @Test
    void unknownOrMalformedTemplatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> templates.fill("missing", Locale.ENGLISH, anna));
        assertThrows(IllegalArgumentException.class, () -> templates.fill("broken", Locale.ENGLISH, anna));
        assertThrows(IllegalArgumentException.class, () -> templates.fill(null, Locale.ENGLISH, anna));
    }

    @Test
    void templateNameCannotLeaveTheMailFolder() {
        assertThrows(IllegalArgumentException.class, () -> templates.fill("../mail/welcome", Locale.ENGLISH, anna));
        assertThrows(IllegalArgumentException.class, () -> templates.fill("Welcome", Locale.ENGLISH, anna));
    }
}
