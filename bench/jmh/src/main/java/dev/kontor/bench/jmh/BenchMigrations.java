package dev.kontor.bench.jmh;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestDatabase;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which migration files are whose. The benchmark jar merges every module's
 * {@code db/migration} folder into one, so each module's files are named here; a file
 * missing from this list shows at once as a missing table.
 */
final class BenchMigrations {

    private static final Map<String, Set<String>> FILES = Map.of(
            "audit", Set.of("V1__audit_entry.sql"),
            "idempotency", Set.of("V1__idempotency_key.sql"),
            "mail", Set.of("V1__mail_outbox.sql"),
            "users", Set.of("V1__users.sql", "V2__access_grant_scope.sql", "V3__reseller.sql"),
            "clients", Set.of("V1__clients.sql", "V2__partner_access.sql", "V3__resellers.sql", "V4__client_search.sql",
                    "V5__search_terms_as_bytes.sql"),
            "subscriptions", Set.of("V1__subscriptions.sql", "V2__provisioning.sql", "V3__invoices.sql",
                    "V4__removed_subscriptions.sql", "V5__invoice_numbers.sql"));

    private BenchMigrations() {
    }

    static Predicate<String> of(String module) {
        return FILES.get(module)::contains;
    }

    /**
     * A fresh pooled database of the kind with the modules' tables, migrated in the order
     * given. The benchmark jar holds every module's files in one folder, so any class of it
     * finds them.
     */
    static TestDatabase database(DatabaseKind kind, String first, String... more) {
        TestDatabase database = TestDatabase.pooled(kind, first, of(first));
        for (String module : more) {
            database.withModule(module, BenchMigrations.class, of(module));
        }
        return database;
    }
}
