package dev.kontor.idempotency.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kontor.api.rest.IdempotencyKeyReusedException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code idempotency_key} table. The first request with a key inserts its row, does
 * the work and stores the answer, all in one transaction; a concurrent repeat blocks on
 * the row's primary key until then and finds the answer; a repeat after a rollback
 * finds no row and does the work itself.
 */
final class KeyStore {

    static final Duration KEPT = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final Database database;
    private final ObjectMapper json;
    private final Clock clock;

    KeyStore(Database database, ObjectMapper json, Clock clock) {
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    <T> T once(Caller caller, String key, String request, Class<T> answerType, Supplier<T> work) {
        if (key == null || key.isBlank()) {
            return database.inTransaction(connection -> work.get());
        }
        if (!KEY.matcher(key).matches()) {
            throw new ValidationException("Idempotency-Key", "1 to 200 visible ASCII characters");
        }
        String hash = sha256(request);
        try {
            return attempt(caller, key, hash, answerType, work);
        } catch (StorageException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // A concurrent request with this key committed first: its answer is ours.
            return attempt(caller, key, hash, answerType, work);
        }
    }

    private <T> T attempt(Caller caller, String key, String hash, Class<T> answerType, Supplier<T> work) {
        return database.inTransaction(connection -> {
            Instant now = clock.instant();
            forgetOld(connection, now); // first: an expired key must count as new
            Optional<Stored> stored = find(connection, caller, key);
            if (stored.isPresent()) {
                if (!stored.get().requestHash().equals(hash)) {
                    throw new IdempotencyKeyReusedException();
                }
                return read(stored.get().answer(), answerType);
            }
            insert(connection, caller, key, hash, now);
            T answer = work.get();
            storeAnswer(connection, caller, key, write(answer));
            return answer;
        });
    }

    private static Optional<Stored> find(Connection connection, Caller caller, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT request_hash, answer FROM idempotency_key "
                + "WHERE organization_id = ? AND user_id = ? AND idempotency_key = ?")) {
            select.setString(1, caller.organizationId());
            select.setString(2, caller.userId());
            select.setString(3, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Stored(rows.getString(1), rows.getString(2))) : Optional.empty();
            }
        }
    }

    private static void insert(Connection connection, Caller caller, String key, String hash, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key "
                + "(organization_id, user_id, idempotency_key, request_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, caller.organizationId());
            insert.setString(2, caller.userId());
            insert.setString(3, key);
            insert.setString(4, hash);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    private static void storeAnswer(Connection connection, Caller caller, String key, String answer) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE idempotency_key SET answer = ? "
                + "WHERE organization_id = ? AND user_id = ? AND idempotency_key = ?")) {
            update.setString(1, answer);
            update.setString(2, caller.organizationId());
            update.setString(3, caller.userId());
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    /** Keys older than a day go; done on the way, as new keys come in. */
    private static void forgetOld(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(KEPT)));
            delete.executeUpdate();
        }
    }

    private String write(Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer of an idempotent request cannot be stored as JSON", e);
        }
    }

    private <T> T read(String answer, Class<T> answerType) {
        try {
            return json.readValue(answer, answerType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored answer no longer reads as " + answerType.getName(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Stored(String requestHash, String answer) {
    }
}
