package dev.kontor.host.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void samePasswordHashesDifferentlyEachTimeAndBothVerify() {
        String first = PasswordHash.hash("correct horse".toCharArray());
        String second = PasswordHash.hash("correct horse".toCharArray());
        assertNotEquals(first, second, "a fresh salt per hash");
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), first));
        assertTrue(PasswordHash.matches("correct horse".toCharArray(), second));
    }

    @Test
    void wrongPasswordOrDamagedHashDoesNotMatch() {
        String stored = PasswordHash.hash("correct horse".toCharArray());
        assertFalse(PasswordHash.matches("correct hors".toCharArray(), stored));
        assertFalse(PasswordHash.matches("correct horse".toCharArray(), "plain-text"));
        assertFalse(PasswordHash.matches("correct horse".toCharArray(), "md5$1$abc$def"));
    }
}
