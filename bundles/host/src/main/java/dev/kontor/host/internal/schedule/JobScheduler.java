package dev.kontor.host.internal.schedule;

import dev.kontor.api.module.ModuleFailures;
import dev.kontor.api.schedule.ScheduledJob;
import dev.kontor.host.internal.module.ModuleRegistry;
import dev.kontor.host.internal.module.PanelGate;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel's scheduler: every {@link ScheduledJob} service runs at its interval on the
 * host's threads for as long as the service is registered. A job whose properties do not
 * say when to run is refused, and its module shows as failed with the reason.
 */
@Component(service = {})
public class JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final Map<Long, JobSchedule.Running> jobs = new ConcurrentHashMap<>();
    private final ModuleFailures failures;
    private final PoolTimer timer = new PoolTimer(Clock.systemUTC());
    private final JobSchedule schedule;

    @Activate
    public JobScheduler(@Reference PanelGate gate, @Reference ModuleFailures failures) {
        this.failures = failures;
        this.schedule = new JobSchedule(gate, timer);
    }

    @Deactivate
    void deactivate() {
        jobs.values().forEach(JobSchedule.Running::cancel);
        jobs.clear();
        timer.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addJob(ServiceReference<ScheduledJob> reference, ScheduledJob job) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return; // unregistered while it was being bound
        }
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        JobDefinition definition;
        try {
            definition = JobDefinition.of(properties, ModuleRegistry.moduleId(bundle).orElse(null));
        } catch (IllegalArgumentException refused) {
            LOG.warn("Scheduled job of bundle {} refused: {}", bundle.getSymbolicName(), refused.getMessage());
            failures.report(bundle, "Scheduled job refused: " + refused.getMessage());
            return;
        }
        JobSchedule.Running previous = jobs.put(serviceId(reference),
                schedule.start(definition, job, reason -> failures.report(bundle, reason)));
        if (previous != null) {
            previous.cancel();
        }
    }

    /** New properties may say another interval: the job starts over with them. */
    void updatedJob(ServiceReference<ScheduledJob> reference, ScheduledJob job) {
        removeJob(reference, job);
        addJob(reference, job);
    }

    void removeJob(ServiceReference<ScheduledJob> reference, ScheduledJob job) {
        JobSchedule.Running running = jobs.remove(serviceId(reference));
        if (running != null) {
            running.cancel();
        }
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }
}
