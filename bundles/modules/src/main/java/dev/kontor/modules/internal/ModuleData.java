package dev.kontor.modules.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kontor.api.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A module's tables as data: how many rows each holds, the JSON archive of all of them,
 * and dropping them with the module's migration history.
 */
final class ModuleData {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private final Database database;

    ModuleData(Database database) {
        this.database = database;
    }

    /** Rows per table, of the tables that exist, in the given order. */
    Map<String, Long> counts(List<String> tables) {
        return database.inTransaction(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : existing(connection, tables)) {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
            return counts;
        });
    }

    /**
     * Writes every row of the tables that exist into {@code file}: {@code {"module",
     * "exported_at", "tables": [{"name", "rows": [{column: value}]}]}}, times as ISO-8601
     * strings, exact numbers as strings where JSON numbers would lose digits.
     */
    void export(String moduleId, List<String> tables, Path file) {
        database.runInTransaction(connection -> {
            try {
                Files.createDirectories(file.getParent());
                try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
                    json.useDefaultPrettyPrinter();
                    json.writeStartObject();
                    json.writeStringField("module", moduleId);
                    json.writeStringField("exported_at", Instant.now().toString());
                    json.writeArrayFieldStart("tables");
                    for (String table : existing(connection, tables)) {
                        json.writeStartObject();
                        json.writeStringField("name", table);
                        json.writeArrayFieldStart("rows");
                        writeRows(connection, table, json);
                        json.writeEndArray();
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Export of module " + moduleId + " to " + file + " failed", e);
            }
        });
    }

    /**
     * Drops the tables, the last created first, and forgets the module's migrations so
     * that installing it again creates its schema anew. One transaction: on PostgreSQL
     * all of it or nothing; H2 commits each DROP by itself.
     */
    void drop(String moduleId, List<String> tables) {
        database.runInTransaction(connection -> {
            List<String> existing = new ArrayList<>(existing(connection, tables));
            java.util.Collections.reverse(existing);
            try (Statement statement = connection.createStatement()) {
                for (String table : existing) {
                    statement.execute("DROP TABLE " + table);
                }
            }
            try (PreparedStatement history = connection.prepareStatement("DELETE FROM kontor_schema_history WHERE module = ?")) {
                history.setString(1, moduleId);
                history.executeUpdate();
            }
        });
    }

    private static List<String> existing(Connection connection, List<String> tables) throws SQLException {
        List<String> existing = new ArrayList<>();
        try (PreparedStatement exists = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.tables "
                + "WHERE LOWER(table_name) = ? AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)")) {
            for (String table : tables) {
                String name = table.toLowerCase(Locale.ROOT);
                if (!IDENTIFIER.matcher(name).matches()) {
                    continue;
                }
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next() && row.getInt(1) > 0) {
                        existing.add(name);
                    }
                }
            }
        }
        return existing;
    }

    private static void writeRows(Connection connection, String table, JsonGenerator json) throws SQLException, IOException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            while (rows.next()) {
                json.writeStartObject();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    json.writeFieldName(columns.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    writeValue(json, rows.getObject(i));
                }
                json.writeEndObject();
            }
        }
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            json.writeString(value.toString());
        } else if (value instanceof Timestamp timestamp) {
            json.writeString(timestamp.toInstant().toString());
        } else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else {
            json.writeString(value.toString());
        }
    }
}
