package dev.kontor.mail.internal;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code mail_outbox} table. A mail leaves {@code pending} only through
 * {@link #claim}, which one node wins; the other state changes apply to a mail in
 * {@code sending} only, so a node that lost its claim (see {@link #releaseStuck})
 * changes nothing.
 */
final class MailStore {

    static final int MAX_ERROR = 1000;
    private static final String COLUMNS = "id, recipient, subject, body, language, module, state, attempts, "
            + "next_attempt_at, last_error, created_at, sent_at";

    private final Database database;

    MailStore(Database database) {
        this.database = database;
    }

    /** Writes a new mail (see {@link OutboxMail#queued}); joins the caller's transaction. */
    void insert(OutboxMail mail) {
        update("INSERT INTO mail_outbox (id, recipient, subject, body, language, module, state, attempts, next_attempt_at, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mail.id(), mail.to(), mail.subject(), mail.body(),
                mail.language(), mail.module(), mail.state().id(), mail.attempts(), mail.nextAttemptAt(), mail.createdAt());
    }

    /** A page of mails, newest first. */
    Page<OutboxMail> page(PageRequest request) {
        String after = request.after() == null ? "" : " WHERE id < ?";
        List<OutboxMail> rows = select("SELECT " + COLUMNS + " FROM mail_outbox" + after + " ORDER BY id DESC LIMIT "
                + (request.limit() + 1), request.after() == null ? new Object[0] : new Object[] {request.after()});
        return request.toPage(rows, OutboxMail::id);
    }

    Optional<OutboxMail> find(String id) {
        return select("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?", id).stream().findFirst();
    }

    /** Ids of pending mails whose next attempt is due, the longest waiting first. */
    List<String> due(Instant now, int limit) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = prepare(connection, "SELECT id FROM mail_outbox WHERE state = ? "
                    + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + limit, MailState.PENDING.id(), now);
                    ResultSet rows = select.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        });
    }

    /**
     * Takes a due pending mail for this node and counts the attempt. Of nodes claiming the
     * same mail at once exactly one gets it: the update changes the row only while it is
     * still pending.
     *
     * @return the claimed mail, empty when it is not (or no longer) due and pending
     */
    Optional<OutboxMail> claim(String id, Instant now) {
        return database.inTransaction(connection -> {
            int claimed = update("UPDATE mail_outbox SET state = ?, attempts = attempts + 1, claimed_at = ? "
                    + "WHERE id = ? AND state = ? AND next_attempt_at <= ?",
                    MailState.SENDING.id(), now, id, MailState.PENDING.id(), now);
            return claimed == 1 ? find(id) : Optional.empty();
        });
    }

    boolean markSent(String id, Instant now) {
        return leaveSending(id, "state = ?, sent_at = ?, last_error = NULL", MailState.SENT.id(), now);
    }

    boolean markKept(String id) {
        return leaveSending(id, "state = ?", MailState.KEPT.id());
    }

    boolean retryLater(String id, Instant nextAttempt, String error) {
        return leaveSending(id, "state = ?, next_attempt_at = ?, last_error = ?", MailState.PENDING.id(), nextAttempt,
                clip(error));
    }

    boolean markFailed(String id, String error) {
        return leaveSending(id, "state = ?, last_error = ?", MailState.FAILED.id(), clip(error));
    }

    /**
     * Puts mails back to pending whose node claimed them before {@code claimedBefore} and
     * never finished: it stopped or lost the database while sending.
     *
     * @return how many mails were put back
     */
    int releaseStuck(Instant claimedBefore, Instant now) {
        return update("UPDATE mail_outbox SET state = ?, next_attempt_at = ?, last_error = ? "
                + "WHERE state = ? AND claimed_at < ?", MailState.PENDING.id(), now,
                "Interrupted while sending (the panel node stopped?); sent again", MailState.SENDING.id(), claimedBefore);
    }

    private boolean leaveSending(String id, String assignments, Object... values) {
        Object[] parameters = new Object[values.length + 2];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = id;
        parameters[values.length + 1] = MailState.SENDING.id();
        return update("UPDATE mail_outbox SET " + assignments + " WHERE id = ? AND state = ?", parameters) == 1;
    }

    private int update(String sql, Object... parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    private List<OutboxMail> select(String sql, Object... parameters) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = prepare(connection, sql, parameters); ResultSet rows = select.executeQuery()) {
                List<OutboxMail> mails = new ArrayList<>();
                while (rows.next()) {
                    mails.add(new OutboxMail(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), MailState.of(rows.getString(7)), rows.getInt(8),
                            instant(rows.getTimestamp(9)), rows.getString(10), instant(rows.getTimestamp(11)),
                            instant(rows.getTimestamp(12))));
                }
                return mails;
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Instant instant) {
                    // The columns keep microseconds; finer parameters would compare unequal to what was stored.
                    statement.setTimestamp(i + 1, Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS)));
                } else if (value instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else if (value == null) {
                    // Only text columns are ever bound to null.
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setString(i + 1, (String) value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
