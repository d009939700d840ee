package dev.kontor.subscriptions.internal.cascade;

import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientDirectory;
import dev.kontor.subscriptions.internal.subscription.CascadeNotes;
import dev.kontor.subscriptions.internal.subscription.HoldReason;
import dev.kontor.subscriptions.internal.subscription.SystemHolds;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings cascade holds in line with the clients module when this module starts (or the
 * client directory comes back): this module may be installed after clients were
 * suspended, or have been away while they were activated. Clients suspended now get
 * their missing {@code cascade_client} holds; holds of clients no longer suspended are
 * lifted; the same for resellers and their clients. One transaction per client, so a
 * failure leaves the others reconciled; a run happens in the background so that the
 * module is up meanwhile, and concurrent suspensions are safe (see {@link SystemHolds#reconcile}).
 */
@Component(service = CascadeReconciler.class, immediate = true)
public class CascadeReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(CascadeReconciler.class);
    private static final String NOTE = "reconciled with the clients module on start";

    private final SystemHolds holds;
    private final ClientDirectory clients;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "kontor-subscriptions-reconcile");
        thread.setDaemon(true);
        return thread;
    });

    private final CompletableFuture<Integer> started;

    @Activate
    public CascadeReconciler(@Reference SystemHolds holds, @Reference ClientDirectory clients) {
        this.holds = holds;
        this.clients = clients;
        this.started = CompletableFuture.supplyAsync(this::reconcileLogged, worker);
    }

    /** The run the component started with: how many holds it placed or lifted, or -1 when it failed. */
    public CompletableFuture<Integer> started() {
        return started;
    }

    @Deactivate
    public void stop() {
        worker.shutdownNow();
    }

    /**
     * Reconciles every client and reseller whose suspension should hold something or does.
     *
     * @return how many holds were placed or lifted
     */
    public int reconcile() {
        int changed = 0;
        Set<String> clientIds = new LinkedHashSet<>();
        clients.suspended().forEach(client -> clientIds.add(client.id()));
        clientIds.addAll(holds.sources(HoldReason.CASCADE_CLIENT));
        for (String clientId : clientIds) {
            changed += attempt(() -> holds.reconcile(clientId, HoldReason.CASCADE_CLIENT, clientId,
                    () -> clients.find(clientId).map(Client::suspended).orElse(false), CascadeNotes.CLIENT, NOTE));
        }
        Set<String> resellerIds = new LinkedHashSet<>(clients.suspendedResellers());
        resellerIds.addAll(holds.sources(HoldReason.CASCADE_RESELLER));
        for (String resellerId : resellerIds) {
            Set<String> ofReseller = new LinkedHashSet<>();
            clients.ofReseller(resellerId).forEach(client -> ofReseller.add(client.id()));
            ofReseller.addAll(holds.clientsHeldBy(HoldReason.CASCADE_RESELLER, resellerId));
            for (String clientId : ofReseller) {
                changed += attempt(() -> holds.reconcile(clientId, HoldReason.CASCADE_RESELLER, resellerId,
                        () -> clients.suspendedResellers().contains(resellerId)
                                && clients.find(clientId).map(client -> Objects.equals(client.resellerId(), resellerId))
                                        .orElse(false),
                        CascadeNotes.RESELLER, NOTE));
            }
        }
        return changed;
    }

    private int reconcileLogged() {
        try {
            int changed = reconcile();
            LOG.info("Cascade holds reconciled with the clients module: {} placed or lifted", changed);
            return changed;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a clients module whose directory lacks the resellers' part (ClientDirectory 1.0)
            LOG.warn("Reconciling cascade holds with the clients module failed; it runs again on the next start", e);
            return -1;
        }
    }

    private static int attempt(java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (RuntimeException e) {
            LOG.warn("Reconciling the cascade holds of one client failed; the others go on", e);
            return 0;
        }
    }
}
