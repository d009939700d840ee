package dev.kontor.api.schedule;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Background work of a module that the panel runs on a fixed interval. Register it as a
 * service with {@link ScheduledJobProperties}; the panel runs it on its own threads, one
 * run at a time per job, and stops running it when the service goes.
 *
 * <p>The panel skips a run entirely while the job's module is off for the whole panel;
 * where it is off for some organizations only, {@link JobScope#includes} says so and the
 * job leaves their data alone.
 */
@ConsumerType
public interface ScheduledJob {

    /**
     * One run. An exception is logged and shown to the operator with the module; the next
     * run comes at its time all the same.
     */
    void run(JobScope scope) throws Exception;
}
