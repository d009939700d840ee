package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.storage.Database;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * How a change that owes provisioners a delivery wakes the delivery up once it has
 * committed. The ledger is written from {@code EffectiveState}, a plain function deep
 * inside every change, which has a connection but no component to call; so each running
 * {@link ProvisioningDelivery} rings here, and the ledger asks every one whose database
 * has the current thread's transaction open to be woken after its commit (never on a
 * rollback). Bundle-wide: each bundle's class loader has its own.
 */
final class DeliveryBell {

    private static final Set<Registration> REGISTERED = new CopyOnWriteArraySet<>();

    private DeliveryBell() {
    }

    /** Wakes {@code wake} after every commit of {@code database}'s transactions that owed a delivery, until closed. */
    static Registration register(Database database, Runnable wake) {
        Registration registration = new Registration(database, wake);
        REGISTERED.add(registration);
        return registration;
    }

    /** Asks every delivery over the current thread's transaction to wake up after it commits. */
    static void ringAfterCommit() {
        for (Registration registration : REGISTERED) {
            if (registration.database.inTransaction()) {
                registration.database.afterCommit(registration.wake);
            }
        }
    }

    /** One delivery's place at the bell. */
    static final class Registration implements AutoCloseable {

        private final Database database;
        private final Runnable wake;

        private Registration(Database database, Runnable wake) {
            this.database = database;
            this.wake = wake;
        }

        @Override
        public void close() {
            REGISTERED.remove(this);
        }
    }
}
