package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BundleMailerTest {

    @Test
    void recipientMustBeExactlyOneValidAddress() {
        assertEquals("anna@example.test", BundleMailer.checkedAddress(" anna@example.test "));
        for (String bad : new String[] {null, "", "anna", "anna@", "anna@example.test, bob@example.test",
                "anna@example.test\r\nBcc: eve@example.test", "a".repeat(320) + "@example.test"}) {
            assertThrows(IllegalArgumentException.class, () -> BundleMailer.checkedAddress(bad), String.valueOf(bad));
        }
    }

    @Test
    void subjectIsAlwaysOneLine() {
        assertEquals("Hello Bcc: eve@example.test", BundleMailer.oneLine("Hello\r\nBcc: eve@example.test\n"));
        assertEquals("", BundleMailer.oneLine(null));
    }
}
