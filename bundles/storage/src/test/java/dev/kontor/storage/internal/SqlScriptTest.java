package dev.kontor.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- greeting table; created first
                CREATE TABLE g (id INT, text VARCHAR(20) DEFAULT 'a;b');
                /* a block comment; still a comment */
                INSERT INTO "odd;name" VALUES (1, 'it''s; fine');
                """;
        assertEquals(List.of(
                "CREATE TABLE g (id INT, text VARCHAR(20) DEFAULT 'a;b')",
                "INSERT INTO \"odd;name\" VALUES (1, 'it''s; fine')"), SqlScript.split(script));
    }

    @Test
    void emptyStatementsAndTrailingTextWithoutSemicolonAreHandled() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlScript.split(";;SELECT 1;\n\n;SELECT 2"));
    }

    @Test
    void unclosedQuoteIsAClearError() {
        MigrationException failure = assertThrows(MigrationException.class, () -> SqlScript.split("INSERT INTO t VALUES ('open);"));
        assertTrue(failure.getMessage().contains("Unclosed"));
    }

    @Test
    void fileNamesMustFollowTheConvention() {
        assertThrows(MigrationException.class, () -> Migration.parse("create.sql", "SELECT 1;"));
        assertThrows(MigrationException.class, () -> Migration.parse("V1_single_underscore.sql", "SELECT 1;"));
        assertEquals(12, Migration.parse("V12__add_index.sql", "SELECT 1;").version());
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String unix = Migration.parse("V1__a.sql", "SELECT 1;\nSELECT 2;\n").checksum();
        assertEquals(unix, Migration.parse("V1__a.sql", "SELECT 1;\r\nSELECT 2;\r\n").checksum());
        assertTrue(!unix.equals(Migration.parse("V1__a.sql", "SELECT 1;\nSELECT 3;\n").checksum()));
    }
}
