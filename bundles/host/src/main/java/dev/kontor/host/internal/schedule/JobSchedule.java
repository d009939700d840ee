package dev.kontor.host.internal.schedule;

import dev.kontor.api.schedule.JobScope;
import dev.kontor.api.schedule.ScheduledJob;
import dev.kontor.host.internal.module.PanelGate;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled jobs at their interval through the module gate: a run is skipped while
 * the job's module is off for the whole panel, and its scope says for which organizations
 * it is on. One run at a time per job; a failed run is logged and reported, the next
 * comes at its time all the same.
 */
final class JobSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(JobSchedule.class);

    private final PanelGate gate;
    private final JobTimer timer;

    JobSchedule(PanelGate gate, JobTimer timer) {
        this.gate = gate;
        this.timer = timer;
    }

    /**
     * Starts running the job.
     *
     * @param failed told the reason of each failed run, for the operator
     * @return the running job, to cancel when its service goes
     */
    Running start(JobDefinition definition, ScheduledJob job, Consumer<String> failed) {
        Running running = new Running(definition, job, failed);
        running.handle = timer.every(definition.interval(), running::runDue);
        LOG.info("Scheduled job {} of module {} runs every {}", definition.name(), definition.module(), definition.interval());
        return running;
    }

    /** A job being run at its interval. */
    final class Running {

        private final JobDefinition definition;
        private final ScheduledJob job;
        private final Consumer<String> failed;
        private final AtomicBoolean underWay = new AtomicBoolean();
        private volatile boolean cancelled;
        private volatile JobTimer.Handle handle;

        private Running(JobDefinition definition, ScheduledJob job, Consumer<String> failed) {
            this.definition = definition;
            this.job = job;
            this.failed = failed;
        }

        /** No run from now on; a run under way is interrupted. */
        void cancel() {
            cancelled = true;
            handle.cancel();
        }

        void runDue(Instant due) {
            if (cancelled) {
                return;
            }
            if (!gate.isEnabledForPanel(definition.module())) {
                LOG.debug("Scheduled job {} skipped: module {} is off for the panel", definition.name(), definition.module());
                return;
            }
            if (!underWay.compareAndSet(false, true)) {
                LOG.warn("Scheduled job {} skipped at {}: its previous run is still under way", definition.name(), due);
                return;
            }
            try {
                job.run(new Scope(due, definition.module(), gate));
            } catch (Exception | LinkageError e) {
                if (!cancelled) {
                    LOG.error("Scheduled job {} of module {} failed", definition.name(), definition.module(), e);
                    failed.accept("Scheduled job " + definition.name() + " failed: " + e);
                }
            } finally {
                underWay.set(false);
            }
        }
    }

    /** What one run of a job of the module may act on: the organizations the module is on for. */
    private record Scope(Instant scheduledAt, String module, PanelGate gate) implements JobScope {

        @Override
        public boolean includes(String organizationId) {
            return organizationId != null && gate.isEnabled(module, organizationId);
        }
    }
}
