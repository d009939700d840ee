package dev.kontor.host.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void bearerSchemeIsReadWhateverItsCase() {
        assertEquals(Optional.of(new BearerToken("kt_abc")), BearerToken.of("Bearer kt_abc"));
        assertEquals(Optional.of(new BearerToken("kt_abc")), BearerToken.of("bearer   kt_abc "));
        assertEquals(Optional.of(new BearerToken("")), BearerToken.of("Bearer"), "present but empty: refused later");
    }

    @Test
    void otherSchemesAndNoHeaderAreNoBearerToken() {
        assertTrue(BearerToken.of(null).isEmpty());
        assertTrue(BearerToken.of("Basic cHJveHk6cHc=").isEmpty());
        assertTrue(BearerToken.of("Bearerkt_abc").isEmpty());
    }

    @Test
    void limiterKeyIsADigestNeverTheTokenItself_U13() {
        String key = new BearerToken("kt_secret").limiterKey();

        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertFalse(key.contains("kt_secret"));
        assertEquals(key, new BearerToken("kt_secret").limiterKey());
        assertNotEquals(key, new BearerToken("kt_secreT").limiterKey());
        assertFalse(new BearerToken("kt_secret").toString().contains("kt_secret"));
    }
}
