package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void pauseDoublesFromTheBaseUpToTheCap() {
        List<Long> seconds = IntStream.rangeClosed(1, 10).mapToObj(attempt -> policy.delayAfter(attempt).toSeconds()).toList();
        assertEquals(List.of(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L), seconds);
        assertEquals(Duration.ofHours(1), policy.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void mailIsGivenUpAtTheConfiguredNumberOfAttempts() {
        assertFalse(policy.exhausted(7));
        assertTrue(policy.exhausted(8));
    }
}
