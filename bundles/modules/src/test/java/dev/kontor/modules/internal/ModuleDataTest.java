package dev.kontor.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModuleDataTest {

    /** The tables of a module "tasks" as its migrations would create them, the second referring to the first. */
    private static final List<String> TABLES = List.of("tasks_note", "tasks_tag");

    @TempDir
    Path data;

    private TestDatabase installedTasks(DatabaseKind kind) {
        TestDatabase database = TestDatabase.migrated(kind, "modules");
        database.update("CREATE TABLE tasks_note (id VARCHAR(40) PRIMARY KEY, text VARCHAR(200), done BOOLEAN, "
                + "created_at TIMESTAMP, priority INTEGER)");
        database.update("CREATE TABLE tasks_tag (note_id VARCHAR(40) REFERENCES tasks_note (id), tag VARCHAR(40))");
        database.update("INSERT INTO tasks_note VALUES ('n1', 'buy \"milk\"', TRUE, TIMESTAMP '2026-11-23 10:15:30', 2)");
        database.update("INSERT INTO tasks_note VALUES ('n2', NULL, FALSE, NULL, NULL)");
        database.update("INSERT INTO tasks_tag VALUES ('n1', 'home')");
        database.update("INSERT INTO kontor_schema_history (module, version, description, checksum, applied_at) "
                + "VALUES ('tasks', 1, 'tasks', 'abc', CURRENT_TIMESTAMP)");
        return database;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void countsRowsOfTheTablesThatExist(DatabaseKind kind) {
        ModuleData module = new ModuleData(installedTasks(kind));
        assertEquals(Map.of("tasks_note", 2L, "tasks_tag", 1L), module.counts(List.of("tasks_note", "tasks_tag", "tasks_gone")));
        assertEquals(List.of("tasks_note", "tasks_tag"), List.copyOf(module.counts(TABLES).keySet()));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void exportWritesEveryRowOfEveryTableAsJson(DatabaseKind kind) throws IOException {
        TestDatabase database = installedTasks(kind);
        Path file = data.resolve("module-exports").resolve("tasks-20261123T101530Z.json");
        new ModuleData(database).export("tasks", TABLES, file);

        String json = Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\s+", "");
        assertTrue(json.startsWith("{\"module\":\"tasks\",\"exported_at\":"), json);
        assertTrue(json.contains("{\"name\":\"tasks_note\",\"rows\":[{\"id\":\"n1\",\"text\":\"buy\\\"milk\\\"\",\"done\":true,"
                + "\"created_at\":\""), json);
        assertTrue(json.contains("\"priority\":2},{\"id\":\"n2\",\"text\":null,\"done\":false,\"created_at\":null,\"priority\":null}]}"), json);
        assertTrue(json.contains("{\"name\":\"tasks_tag\",\"rows\":[{\"note_id\":\"n1\",\"tag\":\"home\"}]}"), json);
        assertEquals(2, database.count("SELECT COUNT(*) FROM tasks_note"), "exporting alone changes nothing");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void purgeDropsTheTablesLastCreatedFirstAndForgetsTheMigrations(DatabaseKind kind) {
        TestDatabase database = installedTasks(kind);
        database.update("INSERT INTO kontor_schema_history (module, version, description, checksum, applied_at) "
                + "VALUES ('other', 1, 'other', 'abc', CURRENT_TIMESTAMP)");
        ModuleData module = new ModuleData(database);
        module.drop("tasks", TABLES);

        assertEquals(Map.of(), module.counts(TABLES));
        assertEquals(0, database.count("SELECT COUNT(*) FROM kontor_schema_history WHERE module = 'tasks'"));
        assertEquals(1, database.count("SELECT COUNT(*) FROM kontor_schema_history WHERE module = 'other'"));
        assertEquals(1, database.count("SELECT COUNT(*) FROM kontor_schema_history WHERE module = 'modules'"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keepTouchesNeitherTablesNorMigrations(DatabaseKind kind) {
        TestDatabase database = installedTasks(kind);
        // Keep is the absence of export and drop: the counts a removal reports stay readable afterwards.
        Map<String, Long> before = new ModuleData(database).counts(TABLES);
        assertEquals(before, new ModuleData(database).counts(TABLES));
        assertEquals(1, database.count("SELECT COUNT(*) FROM kontor_schema_history WHERE module = 'tasks'"));
    }
}
