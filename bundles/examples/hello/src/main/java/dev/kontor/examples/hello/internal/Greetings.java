package dev.kontor.examples.hello.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.mail.Mailer;
import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's storage: greetings of an organization in table {@code hello_greeting}
 * (migration {@code db/migration/V1__greeting.sql}), each change with its audit entry
 * and its mail in the same transaction.
 */
@Component(service = Greetings.class)
public class Greetings {

    private static final String COLUMNS = "id, name, message, created_by, created_at, version";

    private final Database database;
    private final AuditLog audit;
    private final Mailer mailer;

    @Activate
    public Greetings(@Reference Database database, @Reference AuditLog audit, @Reference Mailer mailer) {
        this.database = database;
        this.audit = audit;
        this.mailer = mailer;
    }

    /**
     * Stores a greeting and, when an address is given, mails it (template
     * {@code mail/greeting.<lang>.txt}): the mail leaves only if the greeting is stored.
     *
     * @throws IllegalArgumentException when the address is not a valid one
     */
    public Greeting greetAndMail(Caller caller, String name, String word, String email) {
        return database.inTransaction(connection -> {
            Greeting greeting = greet(caller, List.of(name), word).get(0);
            if (email != null) {
                mailer.queue(email, "greeting", caller.locale(), Map.of("name", name, "sender", caller.username()));
            }
            return greeting;
        });
    }

    /** Stores one greeting per name, all or none, with one audit entry for the lot. */
    public List<Greeting> greet(Caller caller, List<String> names, String word) {
        return database.inTransaction(connection -> {
            List<Greeting> greetings = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hello_greeting "
                    + "(id, organization_id, name, message, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (String name : names) {
                    Greeting greeting = new Greeting(Ids.newId("gr"), name, word + ", " + name + "!", caller.username(),
                            Instant.now(), 0);
                    insert.setString(1, greeting.id());
                    insert.setString(2, caller.organizationId());
                    insert.setString(3, greeting.name());
                    insert.setString(4, greeting.message());
                    insert.setString(5, caller.username());
                    insert.setTimestamp(6, Timestamp.from(greeting.at()));
                    insert.executeUpdate();
                    greetings.add(greeting);
                }
            }
            String target = names.size() == 1 ? "greeting:" + greetings.get(0).id() : names.size() + " greetings";
            audit.record(caller, HelloPermissions.GREET, target, AuditOutcome.SUCCESS, null);
            return greetings;
        });
    }

    /** One greeting of the caller's organization; another organization's answers like a missing one. */
    public Optional<Greeting> find(Caller caller, String id) {
        return database.inTransaction(connection -> findIn(connection, caller, id));
    }

    /**
     * Changes a greeting's message if the client saw its current version.
     *
     * @throws StaleVersionException when somebody changed it since (412)
     */
    public Optional<Greeting> edit(Caller caller, String id, String ifMatch, String message) {
        return database.inTransaction(connection -> {
            Optional<Greeting> current = findIn(connection, caller, id);
            if (current.isEmpty()) {
                return current;
            }
            ETags.checkIfMatch(ifMatch, current.get().version());
            try (PreparedStatement update = connection.prepareStatement("UPDATE hello_greeting SET message = ?, "
                    + "version = version + 1 WHERE id = ? AND organization_id = ? AND version = ?")) {
                update.setString(1, message);
                update.setString(2, id);
                update.setString(3, caller.organizationId());
                update.setLong(4, current.get().version());
                if (update.executeUpdate() == 0) {
                    throw new StaleVersionException(); // changed between our read and our write
                }
            }
            audit.record(caller, HelloPermissions.GREET, "greeting:" + id, AuditOutcome.SUCCESS, "message edited");
            return findIn(connection, caller, id);
        });
    }

    private static Optional<Greeting> findIn(Connection connection, Caller caller, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM hello_greeting WHERE id = ? AND organization_id = ?")) {
            select.setString(1, id);
            select.setString(2, caller.organizationId());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(greetingOf(rows)) : Optional.empty();
            }
        }
    }

    /** The caller's organization's greetings, newest first. */
    public Page<Greeting> list(Caller caller, PageRequest request) {
        List<Greeting> rows = database.inTransaction(connection -> query(connection, caller.organizationId(), request));
        return request.toPage(rows, Greeting::id);
    }

    private static List<Greeting> query(Connection connection, String organization, PageRequest request) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM hello_greeting WHERE organization_id = ?"
                + (request.after() == null ? "" : " AND id < ?") + " ORDER BY id DESC LIMIT " + (request.limit() + 1);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, organization);
            if (request.after() != null) {
                select.setString(2, request.after());
            }
            List<Greeting> greetings = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    greetings.add(greetingOf(rows));
                }
            }
            return greetings;
        }
    }

    private static Greeting greetingOf(ResultSet row) throws SQLException {
        return new Greeting(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getTimestamp(5).toInstant(), row.getLong(6));
    }

    /** One stored greeting as the API shows it; {@code version} is also its ETag. */
    public record Greeting(String id, String name, String message, String createdBy, Instant at, long version) {
    }
}
