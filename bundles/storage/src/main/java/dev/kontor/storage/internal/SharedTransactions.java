package dev.kontor.storage.internal;

import dev.kontor.api.storage.DatabaseKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The one {@link Transactions} of the panel, so that every module's work on a thread shares its transaction. */
@Component(service = SharedTransactions.class)
public class SharedTransactions {

    private final Transactions transactions;
    private final DatabaseKind kind;

    @Activate
    public SharedTransactions(@Reference ConnectionPool pool) {
        this.transactions = new Transactions(pool.dataSource());
        this.kind = pool.kind();
    }

    Transactions transactions() {
        return transactions;
    }

    DatabaseKind kind() {
        return kind;
    }
}
