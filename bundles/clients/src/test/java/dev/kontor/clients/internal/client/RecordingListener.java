package dev.kontor.clients.internal.client;

import dev.kontor.api.clients.ClientEvent;
import dev.kontor.api.clients.ClientLifecycleListener;
import dev.kontor.api.clients.ResellerEvent;
import dev.kontor.api.clients.ResellerLifecycleListener;
import dev.kontor.api.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A listener as another module (subscriptions) is one: it writes a row of its own per
 * event through its own {@code Database.inTransaction}, which joins the change's
 * transaction, so the row exists exactly when the change committed. It listens to
 * resellers too, recording their events as {@code reseller-<event>:<reseller id>}.
 */
public final class RecordingListener implements ClientLifecycleListener, ResellerLifecycleListener {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final Database database;
    private final Map<String, Long> preview;

    public RecordingListener(Database database, Map<String, Long> preview) {
        this.database = database;
        this.preview = preview;
        database.runInTransaction(connection -> {
            try (PreparedStatement create = connection.prepareStatement("CREATE TABLE IF NOT EXISTS clients_test_event "
                    + "(seq BIGINT PRIMARY KEY, client_id VARCHAR(40) NOT NULL, event VARCHAR(20) NOT NULL, reason VARCHAR(500))")) {
                create.executeUpdate();
            }
        });
    }

    @Override
    public void suspended(ClientEvent event) {
        write(event, "suspended");
    }

    @Override
    public void activated(ClientEvent event) {
        write(event, "activated");
    }

    @Override
    public void removing(ClientEvent event) {
        write(event, "removing");
    }

    @Override
    public void suspended(ResellerEvent event) {
        write(event.resellerId(), "reseller-suspended", event.reason());
    }

    @Override
    public void activated(ResellerEvent event) {
        write(event.resellerId(), "reseller-activated", event.reason());
    }

    @Override
    public Map<String, Long> removalPreview(String clientId) {
        return preview;
    }

    /** The committed events, oldest first, each as {@code event:client_id}. */
    public List<String> events() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT event, client_id FROM clients_test_event ORDER BY seq"); ResultSet row = select.executeQuery()) {
                List<String> events = new ArrayList<>();
                while (row.next()) {
                    events.add(row.getString(1) + ":" + row.getString(2));
                }
                return events;
            }
        });
    }

    /** The reasons of the committed events, oldest first. */
    public List<String> reasons() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT reason FROM clients_test_event ORDER BY seq");
                    ResultSet row = select.executeQuery()) {
                List<String> reasons = new ArrayList<>();
                while (row.next()) {
                    reasons.add(row.getString(1));
                }
                return reasons;
            }
        });
    }

    private void write(ClientEvent event, String kind) {
        write(event.client().id(), kind, event.reason());
    }

    private void write(String id, String kind, String reason) {
        database.runInTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO clients_test_event (seq, client_id, event, reason) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, SEQUENCE.incrementAndGet());
                insert.setString(2, id);
                insert.setString(3, kind);
                insert.setString(4, reason);
                insert.executeUpdate();
            }
        });
    }
}
