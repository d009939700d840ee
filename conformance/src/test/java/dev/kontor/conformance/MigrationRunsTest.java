package dev.kontor.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration rule without a panel: the scripts of a jar, run twice on H2 and on PostgreSQL. */
class MigrationRunsTest {

    @TempDir
    Path folder;

    @Test
    void portableMigrationsApplyOnceOnBothDatabasesAndASecondRunChangesNothing() throws IOException {
        Path jar = jarWith("V1__note.sql", "CREATE TABLE kit_note (id VARCHAR(40) PRIMARY KEY, text VARCHAR(200) NOT NULL);\n"
                + "CREATE INDEX kit_note_text ON kit_note (text);");

        assertEquals(List.of(), MigrationRuns.check(jar, "kit"));
    }

    @Test
    void sqlThatOnlyH2AcceptsIsReportedForPostgreSqlOnly() throws IOException {
        Path jar = jarWith("V1__cached.sql", "CREATE CACHED TABLE kit_cached (id VARCHAR(40) PRIMARY KEY);");

        List<String> problems = MigrationRuns.check(jar, "kit");

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("run 1 on POSTGRESQL failed: Migration V1__cached.sql of module kit failed"), problems::toString);
    }

    @Test
    void migrationsOfABundleThatIsNoModuleAreReportedSinceThePanelNeverAppliesThem() throws IOException {
        Path jar = jarWith("V1__note.sql", "CREATE TABLE kit_note (id VARCHAR(40) PRIMARY KEY);");

        assertEquals(List.of("the bundle has migrations but no Kontor-Module header, so the panel never applies them"),
                MigrationRuns.check(jar, null));
    }

    /** A jar with one migration and one class to find it by (any class that loads on its own). */
    private Path jarWith(String script, String sql) throws IOException {
        Path jar = folder.resolve("module.jar");
        String anchor = KitFixtures.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream anchorClass = KitFixtures.class.getClassLoader().getResourceAsStream(anchor)) {
            out.putNextEntry(new JarEntry(anchor));
            anchorClass.transferTo(out);
            out.putNextEntry(new JarEntry("db/migration/" + script));
            out.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
