package dev.kontor.storage.internal;

import dev.kontor.api.storage.DatabaseKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh, empty databases for storage tests: H2 in file mode with the panel's settings,
 * and real PostgreSQL (embedded binaries, started once per test JVM). Each call gives a
 * database of its own, so tests never see each other's tables.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    /** Every H2 database of this JVM lives below it; it goes when the JVM ends, so test runs leave no files behind. */
    private static Path h2Folders;

    private TestDatabases() {
    }

    public static DataSource fresh(DatabaseKind kind) {
        return kind == DatabaseKind.H2 ? freshH2() : freshPostgres();
    }

    private static DataSource freshH2() {
        try {
            Path folder = Files.createDirectory(h2Folders().resolve("db-" + COUNTER.incrementAndGet()));
            JdbcDataSource h2 = new JdbcDataSource();
            // Kept open between connections, as the panel's pool keeps it: else every transaction reopens the file.
            h2.setURL(JdbcUrls.embedded(folder) + ";DB_CLOSE_DELAY=-1");
            return h2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path h2Folders() throws IOException {
        if (h2Folders == null) {
            h2Folders = Files.createTempDirectory("kontor-h2-");
            Path folders = h2Folders;
            // Files still open are unlinked all the same; the space comes back once H2 closes them on exit.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folders)));
        }
        return h2Folders;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the JVM is going away; what is left is an ordinary temporary folder
        }
    }

    private static synchronized DataSource freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // the JVM is going away; the temporary cluster is removed with it
                    }
                }));
            }
            String name = "kontor_test_" + COUNTER.incrementAndGet();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
