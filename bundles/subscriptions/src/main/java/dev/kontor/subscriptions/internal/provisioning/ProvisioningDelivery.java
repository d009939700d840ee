package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.api.subscriptions.Provisioner;
import dev.kontor.api.subscriptions.SubscriptionDirectory;
import dev.kontor.subscriptions.internal.SubscriptionsConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Delivers every change of a subscription's effective state to every registered
 * {@link Provisioner} (S3): after commit, at least once, in revision order per
 * subscription, from a background thread per provisioner name ({@link ProvisionerWorker}),
 * with growing pauses after failures. Woken after each commit that owes a delivery
 * ({@link DeliveryBell}) and every poll interval.
 *
 * <p>Several panel nodes over one database each run one: a node takes a delivery under a
 * lease (rows claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED}), so one
 * subscription reaches one provisioner from one node at a time, and the deliveries of a
 * node that stopped are taken over once their leases ran out.
 */
@Component(service = ProvisioningDelivery.class, immediate = true, configurationPid = SubscriptionsConfiguration.PID)
public class ProvisioningDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningDelivery.class);
    /** How long stopping waits for each worker's thread to end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Database database;
    private final SubscriptionDirectory directory;
    private final DeliverySettings settings;
    private final Clock clock;
    private final String owner = Ids.newId("pd");
    private final ProvisionerServices services = new ProvisionerServices();
    private final Map<String, ProvisionerWorker> workers = new HashMap<>(); // guarded by this
    private final DeliveryBell.Registration bell;
    private boolean stopped; // guarded by this

    @Activate
    public ProvisioningDelivery(@Reference Database database, @Reference SubscriptionDirectory directory,
            SubscriptionsConfiguration configuration) {
        this(database, directory, DeliverySettings.of(configuration), Clock.systemUTC());
    }

    public ProvisioningDelivery(Database database, SubscriptionDirectory directory, DeliverySettings settings, Clock clock) {
        this.database = database;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.bell = DeliveryBell.register(database, this::wakeAll);
    }

    /** A provisioner registered: the first of its name gets a worker of its own. */
    @Reference(service = Provisioner.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeProvisioner", updated = "updatedProvisioner")
    public void addProvisioner(Provisioner provisioner, Map<String, Object> properties) {
        Optional<String> name = ProvisionerServices.nameOf(properties);
        if (name.isEmpty()) {
            LOG.warn("A provisioner without a valid {} (letters, digits, '.', '_', '-'; at most 100) is not called: {}",
                    ProvisionerServices.NAME, properties.get(ProvisionerServices.NAME));
            return;
        }
        ProvisionerWorker started = null;
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (services.add(name.get(), provisioner, properties)) {
                started = new ProvisionerWorker(name.get(), owner, database, services, directory::find, settings, clock);
                workers.put(name.get(), started);
            }
        }
        if (started != null) {
            started.start();
        }
    }

    /** A provisioner went: when it was the last of its name, that name's worker ends before this returns. */
    public void removeProvisioner(Provisioner provisioner, Map<String, Object> properties) {
        ProvisionerWorker ended;
        synchronized (this) {
            ended = services.remove(provisioner).map(workers::remove).orElse(null);
        }
        if (ended != null) {
            end(ended);
        }
    }

    /** A provisioner's properties changed, perhaps its name: it is taken as gone and registered anew. */
    public void updatedProvisioner(Provisioner provisioner, Map<String, Object> properties) {
        removeProvisioner(provisioner, properties);
        addProvisioner(provisioner, properties);
    }

    /** Wakes every worker: after a commit that owed deliveries, or for a retry. */
    public void wakeAll() {
        List<ProvisionerWorker> all;
        synchronized (this) {
            all = new ArrayList<>(workers.values());
        }
        all.forEach(ProvisionerWorker::wake);
    }

    /** Ends every worker's thread; none is left running when this returns (unless a provisioner's call ignores interrupts). */
    @Deactivate
    public void stop() {
        List<ProvisionerWorker> all;
        synchronized (this) {
            stopped = true;
            all = new ArrayList<>(workers.values());
            workers.clear();
        }
        bell.close();
        all.forEach(ProvisioningDelivery::end);
    }

    /** The rounds the named provisioner's worker completed; 0 without a worker. For tests that wait for one. */
    long rounds(String name) {
        ProvisionerWorker worker;
        synchronized (this) {
            worker = workers.get(name);
        }
        return worker == null ? 0 : worker.rounds();
    }

    private static void end(ProvisionerWorker worker) {
        if (!worker.stop(STOP_WAIT)) {
            LOG.warn("A provisioner's delivery thread did not end within {}: its provisioner ignores interrupts", STOP_WAIT);
        }
    }
}
