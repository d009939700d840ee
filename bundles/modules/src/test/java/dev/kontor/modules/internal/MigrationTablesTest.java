package dev.kontor.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTablesTest {

    @Test
    void tablesAreTheCreatedOnesInOrderWithoutLaterDroppedOnesOrComments() {
        List<String> scripts = List.of(
                "-- CREATE TABLE tasks_commented (id INT);\nCREATE TABLE tasks_note (id INT PRIMARY KEY);\n"
                        + "/* CREATE TABLE tasks_blocked (id INT); */ create table IF NOT EXISTS Tasks_Tag (id INT);",
                "CREATE TABLE tasks_old (id INT);\nCREATE INDEX tasks_note_id ON tasks_note (id);",
                "DROP TABLE IF EXISTS tasks_old;\nCREATE TABLE \"tasks_label\" (id INT);");
        assertEquals(List.of("tasks_note", "tasks_tag", "tasks_label"), MigrationTables.created(scripts));
    }
}
