package dev.kontor.api.storage;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Ids for rows that the API shows: a short prefix naming the kind, then 48 bits of
 * milliseconds and 80 random bits in hex, e.g. {@code au_0193a1b2c3d4e5f60718293a4b5c}.
 * They sort by creation time (a cursor can use them as the sort key) and cannot be
 * guessed.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(String prefix) {
        byte[] bytes = new byte[16];
        long millis = System.currentTimeMillis();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        System.arraycopy(random, 0, bytes, 6, 10);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }
}
