package dev.kontor.conformance;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Runs a module's migrations with the panel's own migrator (the storage module's test
 * fixture, the one every built-in module's storage tests use) on fresh H2 and PostgreSQL
 * databases, twice each: the first run must apply every script, the second none, and
 * neither may fail, as on a panel that restarts.
 */
final class MigrationRuns {

    private static final String FOLDER = "db/migration/";

    private MigrationRuns() {
    }

    /** The problems found; none when the bundle has no migrations. */
    static List<String> check(Path jar, String module) {
        List<String> scripts = scripts(jar);
        if (scripts.isEmpty()) {
            return List.of();
        }
        if (module == null) {
            return List.of("the bundle has migrations but no Kontor-Module header, so the panel never applies them");
        }
        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> anchor = anchor(jar, loader);
            for (DatabaseKind kind : DatabaseKind.values()) {
                problems.addAll(runTwice(kind, module, anchor, scripts.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static List<String> runTwice(DatabaseKind kind, String module, Class<?> anchor, int scripts) {
        // An empty database with the history table: the fixture's own class path migrations are filtered out.
        TestDatabase database = TestDatabase.migrated(kind, module, name -> false);
        for (int run = 1; run <= 2; run++) {
            try {
                database.withModule(module, anchor);
            } catch (RuntimeException e) {
                return List.of("run " + run + " on " + kind + " failed: " + e.getMessage());
            }
            int applied = database.inTransaction(connection -> {
                try (PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM kontor_schema_history WHERE module = ?")) {
                    count.setString(1, module);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        return rows.getInt(1);
                    }
                }
            });
            if (applied != scripts) {
                return List.of("after run " + run + " on " + kind + ", " + applied + " of " + scripts + " migrations are recorded");
            }
        }
        return List.of();
    }

    private static List<String> scripts(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith(FOLDER) && name.endsWith(".sql") && name.indexOf('/', FOLDER.length()) < 0)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A class of the jar, loaded from the jar itself: the fixture finds the migrations
     * beside the class it is given. A package-info first, since it needs nothing else to load.
     */
    private static Class<?> anchor(Path jar, ClassLoader loader) throws IOException {
        List<String> classes;
        try (JarFile file = new JarFile(jar.toFile())) {
            classes = file.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .sorted(Comparator.comparing((String name) -> !name.endsWith("package-info.class")))
                    .toList();
        }
        for (String name : classes) {
            try {
                return loader.loadClass(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            } catch (ClassNotFoundException | LinkageError needsOtherClasses) {
                // its supertypes live elsewhere: try the next one
            }
        }
        throw new IllegalStateException(jar + " has no class that loads on its own, to find its migrations by");
    }
}
