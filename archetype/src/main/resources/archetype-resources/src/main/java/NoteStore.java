package ${package};

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Notes per organization in table {@code ${moduleId}_note} (db/migration/V1__${moduleId}.sql,
 * applied by the panel before this component starts). Ids grow with time, so the list
 * pages by id.
 */
@Component(service = NoteStore.class)
public class NoteStore {

    private final Database database;
    private final AuditLog audit;

    @Activate
    public NoteStore(@Reference Database database, @Reference AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Stores a note of the caller's organization, with its audit entry in the same transaction. */
    public Note add(Caller caller, String text) {
        Note note = new Note(Ids.newId("note"), text, caller.username(), Instant.now());
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ${moduleId}_note "
                    + "(id, organization_id, content, created_by, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, note.id());
                insert.setString(2, caller.organizationId());
                insert.setString(3, note.text());
                insert.setString(4, note.createdBy());
                insert.setTimestamp(5, Timestamp.from(note.createdAt()));
                insert.executeUpdate();
            }
            audit.record(caller, "${moduleId}.note.created", "note:" + note.id(), AuditOutcome.SUCCESS, null);
            return note;
        });
    }

    /** The caller's organization's notes, newest first. */
    public Page<Note> list(Caller caller, PageRequest request) {
        List<Note> rows = database.inTransaction(connection -> {
            String sql = "SELECT id, content, created_by, created_at FROM ${moduleId}_note WHERE organization_id = ?"
                    + (request.after() == null ? "" : " AND id < ?") + " ORDER BY id DESC LIMIT " + (request.limit() + 1);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, caller.organizationId());
                if (request.after() != null) {
                    select.setString(2, request.after());
                }
                List<Note> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(new Note(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()));
                    }
                }
                return found;
            }
        });
        return request.toPage(rows, Note::id);
    }

    /** A note as the API shows it (snake_case JSON: {@code created_by}, {@code created_at}). */
    public record Note(String id, String text, String createdBy, Instant createdAt) {
    }
}
