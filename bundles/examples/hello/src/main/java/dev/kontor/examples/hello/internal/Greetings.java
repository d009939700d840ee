package dev.kontor.examples.hello.internal;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.mail.Mailer;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
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
                    Greeting greeting = new Greeting(Ids.newId("gr"), name, word + ", " + name + "!", caller.username(), Instant.now());
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

    /** The caller's organization's greetings, newest first. */
    public Page<Greeting> list(Caller caller, PageRequest request) {
        List<Greeting> rows = database.inTransaction(connection -> query(connection, caller.organizationId(), request));
        return request.toPage(rows, Greeting::id);
    }

    private static List<Greeting> query(Connection connection, String organization, PageRequest request) throws SQLException {
        String sql = "SELECT id, name, message, created_by, created_at FROM hello_greeting WHERE organization_id = ?"
                + (request.after() == null ? "" : " AND id < ?") + " ORDER BY id DESC LIMIT " + (request.limit() + 1);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, organization);
            if (request.after() != null) {
                select.setString(2, request.after());
            }
            List<Greeting> greetings = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    greetings.add(new Greeting(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getTimestamp(5).toInstant()));
                }
            }
            return greetings;
        }
    }

    /** One stored greeting as the API shows it. */
    public record Greeting(String id, String name, String message, String createdBy, Instant at) {
    }
}
