package dev.kontor.storage.internal;

import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.TransactionalAction;
import dev.kontor.api.storage.TransactionalWork;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link Database} each module bundle gets: one instance per bundle. A module whose
 * migrations failed is refused one (activation throws), so its components that need
 * storage stay unsatisfied instead of running against the wrong schema.
 */
@Component(service = Database.class, scope = ServiceScope.BUNDLE)
public class ModuleDatabase implements Database {

    private final SharedTransactions shared;

    @Activate
    public ModuleDatabase(ComponentContext context, @Reference MigrationRunner migrations, @Reference SharedTransactions shared) {
        migrations.failureOf(context.getUsingBundle()).ifPresent(reason -> {
            throw new IllegalStateException("No database for bundle " + context.getUsingBundle().getSymbolicName()
                    + ": " + reason);
        });
        this.shared = shared;
    }

    @Override
    public DatabaseKind kind() {
        return shared.kind();
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        return shared.transactions().inTransaction(work);
    }

    @Override
    public void runInTransaction(TransactionalAction action) {
        shared.transactions().run(action);
    }

    @Override
    public <T> T inSavepoint(TransactionalWork<T> work) {
        return shared.transactions().inSavepoint(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        shared.transactions().afterCommit(action);
    }

    @Override
    public boolean inTransaction() {
        return shared.transactions().inTransaction();
    }
}
