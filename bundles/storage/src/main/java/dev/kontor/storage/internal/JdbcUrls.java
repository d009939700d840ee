package dev.kontor.storage.internal;

import dev.kontor.api.storage.DatabaseKind;
import java.nio.file.Path;

/** Which database a URL names, and the URL of the embedded one. */
final class JdbcUrls {

    /**
     * H2 behaving like PostgreSQL as far as it can, and never acknowledging a commit
     * before it is on disk: with its default write delay a crash loses acknowledged
     * commits (seen with kill -9).
     */
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    private JdbcUrls() {
    }

    static String embedded(Path dataFolder) {
        return "jdbc:h2:file:" + dataFolder.resolve("db").resolve("kontor").toAbsolutePath() + H2_SETTINGS;
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
