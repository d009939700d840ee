package dev.kontor.examples.hello.internal;

import dev.kontor.api.schedule.JobScope;
import dev.kontor.api.schedule.ScheduledJob;
import dev.kontor.api.schedule.ScheduledJobProperties;
import dev.kontor.api.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * A background job, as an example of {@link ScheduledJob}: every interval it counts each
 * organization's greetings. It acts only for organizations where the operator has the
 * module switched on ({@link JobScope#includes}); the others keep their last digest. A
 * configuration ({@value #PID}) may set {@code kontor.job.intervalSeconds}.
 */
@Component(service = {ScheduledJob.class, GreetingDigest.class}, configurationPid = GreetingDigest.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@ScheduledJobProperties(name = "hello.digest", intervalSeconds = 3600)
public class GreetingDigest implements ScheduledJob {

    static final String PID = "dev.kontor.examples.hello.digest";

    private final Database database;
    /** Kept in memory: a digest is recomputed at the next run anyway. */
    private final Map<String, Digest> digests = new ConcurrentHashMap<>();

    @Activate
    public GreetingDigest(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void run(JobScope scope) {
        Map<String, Long> counts = database.inTransaction(connection -> {
            Map<String, Long> found = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT organization_id, COUNT(*) FROM hello_greeting GROUP BY organization_id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getLong(2));
                }
            }
            return found;
        });
        counts.forEach((organization, greetings) -> {
            if (scope.includes(organization)) {
                digests.put(organization, new Digest(organization, greetings, scope.scheduledAt()));
            }
        });
    }

    /** The organization's digest from the latest run that included it. */
    Optional<Digest> of(String organizationId) {
        return Optional.ofNullable(digests.get(organizationId));
    }

    /** What a run found for one organization. */
    public record Digest(String organizationId, long greetings, Instant computedAt) {
    }
}
