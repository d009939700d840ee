package dev.kontor.storage.internal;

import dev.kontor.api.storage.DatabaseKind;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Which database a URL names, and the URL of the embedded one. */
final class JdbcUrls {

    /** H2 behaving like PostgreSQL as far as it can. */
    private static final String H2_COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /**
     * Never acknowledging a commit before it is on disk: with H2's default write delay a
     * crash loses acknowledged commits (seen with kill -9).
     */
    private static final String H2_SETTINGS = H2_COMPATIBILITY + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=256";

    private JdbcUrls() {
    }

    static String embedded(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.resolve("db").resolve("kontor").toAbsolutePath() + H2_SETTINGS;
    }

    /** A private in-memory H2 database that reads SQL as the embedded one does; it goes with its one connection. */
    static String privateH2() {
        return "jdbc:h2:mem:" + H2_COMPATIBILITY;
    }

    /** The driver's own (unpooled) data source; the pool wraps it. */
    static DataSource dataSource(DatabaseKind kind, String url, String user, String password) {
        if (kind == DatabaseKind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            if (!user.isBlank()) {
                h2.setUser(user);
                h2.setPassword(password);
            }
            return h2;
        }
        PGSimpleDataSource postgresql = new PGSimpleDataSource();
        postgresql.setURL(url);
        if (!user.isBlank()) {
            postgresql.setUser(user);
            postgresql.setPassword(password);
        }
        return postgresql;
    }

    static DatabaseKind kindOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return DatabaseKind.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return DatabaseKind.POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:postgresql:... or leave it empty for H2): "
                + url.replaceAll("password=[^&;]*", "password=***"));
    }
}
