package dev.kontor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kontor.api.storage.Database;
import dev.kontor.itests.Panel.Reply;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Upgrade with data: a module updated in place keeps its rows and gets its new migrations
 * once; an update whose migrations fail leaves the database as it was and shows the module
 * failed with the reason; putting the old version back brings the module back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleUpgradeIT extends KontorTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void upgradeKeepsRowsAndAFailedUpgradeChangesNothingUntilTheOldVersionIsBack() throws Exception {
        Bundle hello = runtime.installAndStart(KontorOptions.HELLO_JAR);
        Reply greeted = Await.until("Hello 0.1.0 to store a greeting", () -> panel.post("/api/v1/hello",
                JSON.createObjectNode().put("name", "Ada")), reply -> reply.status() == 200);
        String greeting = greeted.json().path("id").asText();

        update(hello, KontorOptions.HELLO_NEXT_JAR);
        awaitHelloMessage("Good day from Hello 0.2.0, admin!");
        assertEquals(List.of("1", "2", "3"), column("SELECT version FROM kontor_schema_history WHERE module = 'hello' ORDER BY version"));
        assertEquals("the greeting of 0.1.0 is kept, in the new column's default", List.of(greeting + " Ada en"),
                column("SELECT id || ' ' || name || ' ' || language FROM hello_greeting"));

        List<String> upgraded = helloTablesAndRows();
        update(hello, KontorOptions.HELLO_BROKEN_JAR);
        JsonNode module = Await.until("the module hello to be reported failed", () -> panel.item("/api/v1/modules", "hello"),
                found -> found.isPresent() && "failed".equals(found.get().path("state").asText())).get();
        String reason = module.path("reason").asText();
        assertTrue(reason, reason.contains("Migration V5__no_such_table.sql of module hello failed"));
        assertTrue("the database's own message: " + reason, reason.contains("hello_greeting_archive"));
        assertEquals("neither V3's new table and column nor a history row", upgraded, helloTablesAndRows());

        update(hello, KontorOptions.HELLO_JAR);
        awaitHelloMessage("Hello, admin!");
        Await.until("the module hello to be active again", () -> panel.item("/api/v1/modules", "hello")
                .map(found -> found.path("state").asText()).orElse(""), "active"::equals);
        assertEquals(200, panel.get("/api/v1/hello/greetings/" + greeting).status());
        assertEquals("0.1.0 applies nothing", upgraded, helloTablesAndRows());
    }

    private void update(Bundle module, String jarProperty) throws Exception {
        try (InputStream jar = runtime.open(jarProperty)) {
            module.update(jar);
        }
        assertEquals(Bundle.ACTIVE, module.getState());
    }

    private void awaitHelloMessage(String message) {
        Await.until("GET /api/v1/hello to greet with '" + message + "'", () -> panel.get("/api/v1/hello"),
                reply -> reply.status() == 200 && message.equals(reply.json().path("message").asText()));
    }

    /** The hello tables with their columns, their rows and the module's migration history. */
    private List<String> helloTablesAndRows() {
        List<String> state = new ArrayList<>(column("SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
                + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'hello%'"
                + " ORDER BY table_name, ordinal_position"));
        state.addAll(column("SELECT id || ' ' || organization_id || ' ' || name || ' ' || message || ' ' || created_by || ' '"
                + " || created_at || ' ' || version FROM hello_greeting ORDER BY id"));
        state.addAll(column("SELECT version || ' ' || checksum || ' ' || applied_at FROM kontor_schema_history"
                + " WHERE module = 'hello' ORDER BY version"));
        return state;
    }

    /** The first column of a query's rows, read through the panel's own storage. */
    private List<String> column(String sql) {
        ServiceReference<Database> reference = context.getServiceReference(Database.class);
        Database database = context.getService(reference);
        try {
            return database.inTransaction(connection -> {
                List<String> values = new ArrayList<>();
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            });
        } finally {
            context.ungetService(reference);
        }
    }
}
