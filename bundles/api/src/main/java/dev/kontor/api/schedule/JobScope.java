package dev.kontor.api.schedule;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/** What one run of a {@link ScheduledJob} may act on. */
@ProviderType
public interface JobScope {

    /** When this run was due. */
    Instant scheduledAt();

    /** Whether the job's module is on for the organization, so the run may act on its data. */
    boolean includes(String organizationId);
}
