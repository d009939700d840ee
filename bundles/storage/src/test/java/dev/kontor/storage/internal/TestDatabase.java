package dev.kontor.storage.internal;

import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.storage.TransactionalAction;
import dev.kontor.api.storage.TransactionalWork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A {@link Database} over a fresh test database, with a module's migrations from its
 * {@code db/migration} folder on the class path applied, exactly as the panel does. For
 * the storage tests of every bundle, on H2 and PostgreSQL.
 */
public final class TestDatabase implements Database {

    private final Transactions transactions;
    private final DatabaseKind kind;

    private TestDatabase(Transactions transactions, DatabaseKind kind) {
        this.transactions = transactions;
        this.kind = kind;
    }

    /** A fresh database of the given kind with the module's migrations applied. */
    public static TestDatabase migrated(DatabaseKind kind, String module) {
        return migrated(kind, module, name -> true);
    }

    /**
     * Like {@link #migrated(DatabaseKind, String)}, with only the migration files whose
     * names pass the filter: for a packaged benchmark, where several modules' migration
     * folders are merged into one.
     */
    public static TestDatabase migrated(DatabaseKind kind, String module, Predicate<String> files) {
        return migratedOver(TestDatabases.fresh(kind), kind, module, files);
    }

    /**
     * Like {@link #migrated(DatabaseKind, String, Predicate)}, with connections from a
     * small pool as the panel has them: for benchmarks, where opening a PostgreSQL
     * connection per transaction would be what is measured.
     */
    public static TestDatabase pooled(DatabaseKind kind, String module, Predicate<String> files) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(TestDatabases.fresh(kind));
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        return migratedOver(new com.zaxxer.hikari.HikariDataSource(config), kind, module, files);
    }

    private static TestDatabase migratedOver(javax.sql.DataSource dataSource, DatabaseKind kind, String module,
            Predicate<String> files) {
        Transactions transactions = new Transactions(dataSource);
        URL folder = TestDatabase.class.getClassLoader().getResource(MigrationRunner.FOLDER);
        new Migrator(transactions, kind).migrate(module, migrationsIn(folder, files));
        return new TestDatabase(transactions, kind);
    }

    /**
     * Applies another module's migrations too, from the jar or folder the anchor class
     * was loaded from: a module's tests that need the tables of the platform services
     * they call (audit, mail) on the same database.
     */
    public TestDatabase withModule(String module, Class<?> anchor) {
        return withModule(module, anchor, name -> true);
    }

    /** Like {@link #withModule(String, Class)}, with only the files whose names pass the filter (a packaged benchmark). */
    public TestDatabase withModule(String module, Class<?> anchor, Predicate<String> files) {
        URL location = anchor.getProtectionDomain().getCodeSource().getLocation();
        try {
            URL folder = location.toString().endsWith(".jar")
                    ? new URL("jar:" + location + "!/" + MigrationRunner.FOLDER)
                    : new URL(location, MigrationRunner.FOLDER);
            new Migrator(transactions, kind).migrate(module, migrationsIn(folder, files));
            return this;
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Migration> migrationsIn(URL folder, Predicate<String> files) {
        if (folder == null) {
            return List.of();
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                // Packaged (a benchmark jar, a dependency): list the folder inside the jar.
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.provider().getPath(uri), files);
                }
            }
            return read(Paths.get(uri), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Migration> read(Path folder, Predicate<String> names) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Migration> migrations = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")
                    && names.test(path.getFileName().toString())).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    migrations.add(Migration.parse(file.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return migrations;
        }
    }

    /**
     * The number a query counts, e.g. {@code SELECT COUNT(*) FROM audit_entry WHERE action = ?}:
     * for asserting on what a change wrote.
     */
    public int count(String sql, Object... values) {
        return inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                try (ResultSet row = bound(select, values).executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** The first column of the rows a query selects, in the query's order. */
    public List<String> strings(String sql, Object... values) {
        return inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                try (ResultSet row = bound(select, values).executeQuery()) {
                    List<String> column = new ArrayList<>();
                    while (row.next()) {
                        column.add(row.getString(1));
                    }
                    return column;
                }
            }
        });
    }

    /**
     * Runs an insert, update or delete in a transaction of its own: for writing what a test
     * needs directly, past the rules that the module under test enforces.
     *
     * @return how many rows it changed
     */
    public int update(String sql, Object... values) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return bound(statement, values).executeUpdate();
            }
        });
    }

    private static PreparedStatement bound(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    @Override
    public DatabaseKind kind() {
        return kind;
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        return transactions.inTransaction(work);
    }

    @Override
    public void runInTransaction(TransactionalAction action) {
        transactions.run(action);
    }

    @Override
    public <T> T inSavepoint(TransactionalWork<T> work) {
        return transactions.inSavepoint(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        transactions.afterCommit(action);
    }

    @Override
    public boolean inTransaction() {
        return transactions.inTransaction();
    }
}
