package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.subscriptions.internal.SubscriptionsConfiguration;
import java.time.Duration;

/**
 * How delivery to provisioners retries and shares work between panel nodes (S3), from
 * the module's configuration ({@code dev.kontor.subscriptions}).
 *
 * @param attemptsBeforeFailing failed attempts after which a delivery shows as failing
 * @param basePause the pause after the first failure; it doubles with each further one
 * @param maxPause the longest pause, also the pause of a failing delivery
 * @param poll how often a delivery looks for due work without being woken
 * @param lease how long a node keeps a delivery to itself
 */
public record DeliverySettings(int attemptsBeforeFailing, Duration basePause, Duration maxPause, Duration poll,
        Duration lease) {

    public DeliverySettings {
        attemptsBeforeFailing = Math.max(1, attemptsBeforeFailing);
        basePause = atLeastASecond(basePause);
        Duration longest = atLeastASecond(maxPause);
        maxPause = longest.compareTo(basePause) < 0 ? basePause : longest;
        poll = atLeastASecond(poll);
        lease = atLeastASecond(lease);
    }

    static DeliverySettings of(SubscriptionsConfiguration configuration) {
        return new DeliverySettings(configuration.provisioning_attempts_before_failing(),
                Duration.ofSeconds(configuration.provisioning_base_pause_seconds()),
                Duration.ofSeconds(configuration.provisioning_max_pause_seconds()),
                Duration.ofSeconds(configuration.provisioning_poll_seconds()),
                Duration.ofSeconds(configuration.provisioning_lease_seconds()));
    }

    /** Whether a delivery that has now failed this often shows as failing. */
    boolean failingAfter(int failedAttempts) {
        return failedAttempts >= attemptsBeforeFailing;
    }

    /** The pause before the next attempt of a delivery that has now failed this often (at least once). */
    Duration pauseAfter(int failedAttempts) {
        if (failingAfter(failedAttempts)) {
            return maxPause;
        }
        Duration pause = basePause;
        for (int i = 1; i < failedAttempts && pause.compareTo(maxPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }

    private static Duration atLeastASecond(Duration duration) {
        return duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
    }
}
