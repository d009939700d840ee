package dev.kontor.host.internal.schedule;

import dev.kontor.api.schedule.ScheduledJobProperties;
import java.time.Duration;
import java.util.Map;

/**
 * A scheduled job as its service properties declare it.
 *
 * @param name the job's name, {@code kontor.job.name}
 * @param interval time between the starts of two runs, {@code kontor.job.intervalSeconds}
 * @param module the module of the bundle that registered it, null for none
 */
record JobDefinition(String name, Duration interval, String module) {

    static final String NAME = ScheduledJobProperties.PREFIX_ + "name";
    static final String INTERVAL = ScheduledJobProperties.PREFIX_ + "intervalSeconds";

    /**
     * Reads the service properties.
     *
     * @throws IllegalArgumentException naming the property that is missing or invalid
     */
    static JobDefinition of(Map<String, ?> properties, String module) {
        Object name = properties.get(NAME);
        if (!(name instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(NAME + " is missing");
        }
        long seconds = seconds(properties.get(INTERVAL), text);
        return new JobDefinition(text.trim(), Duration.ofSeconds(seconds), module);
    }

    private static long seconds(Object interval, String name) {
        long seconds;
        if (interval instanceof Long || interval instanceof Integer) {
            seconds = ((Number) interval).longValue();
        } else if (interval instanceof String text) {
            // Configuration Admin may hand a number over as text.
            try {
                seconds = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(INTERVAL + " of job " + name + " is not a whole number: " + text);
            }
        } else {
            throw new IllegalArgumentException(INTERVAL + " of job " + name + " is missing");
        }
        if (seconds <= 0) {
            throw new IllegalArgumentException(INTERVAL + " of job " + name + " must be positive, not " + seconds);
        }
        return seconds;
    }
}
