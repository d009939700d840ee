package dev.kontor.users.internal.organization;

import dev.kontor.users.internal.access.BuiltInRole;
import dev.kontor.users.internal.access.Words;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code users_membership} table: who belongs to which organization with which
 * role, products and contact preferences. Only SQL; the rules are in {@link Members}.
 */
public final class Memberships {

    private static final String MEMBER_COLUMNS = "l.id, l.username, l.display_name, l.email, m.role_id, r.name, m.products, "
            + "m.contact_technical, m.contact_billing, m.contact_news, m.joined_at, m.version, l.username_key";
    private static final String MEMBER_FROM = " FROM users_membership m JOIN users_login l ON l.id = m.user_id "
            + "LEFT JOIN users_role r ON r.organization_id = m.organization_id AND r.id = m.role_id";

    private Memberships() {
    }

    /** Adds the login to the organization; the caller has checked the role and products. */
    public static void insert(Connection connection, String organizationId, String userId, String roleId,
            Collection<String> products, Contact contact) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_membership (organization_id, user_id, "
                + "role_id, products, contact_technical, contact_billing, contact_news, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, organizationId);
            insert.setString(2, userId);
            insert.setString(3, roleId);
            insert.setString(4, Words.join(products));
            insert.setBoolean(5, contact.technical());
            insert.setBoolean(6, contact.billing());
            insert.setBoolean(7, contact.news());
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /** The membership as stored, or empty when the login is no member. */
    public static Optional<Row> find(Connection connection, String organizationId, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT role_id, products, contact_technical, contact_billing, "
                + "contact_news, version FROM users_membership WHERE organization_id = ? AND user_id = ?")) {
            select.setString(1, organizationId);
            select.setString(2, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Row(organizationId, userId, row.getString(1), Words.of(row.getString(2)),
                        new Contact(row.getBoolean(3), row.getBoolean(4), row.getBoolean(5)), row.getLong(6))) : Optional.empty();
            }
        }
    }

    /** Stores a changed membership if nobody changed it since {@code row} was read; false otherwise. */
    static boolean update(Connection connection, Row row, String roleId, Collection<String> products, Contact contact)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_membership SET role_id = ?, products = ?, "
                + "contact_technical = ?, contact_billing = ?, contact_news = ?, version = version + 1 "
                + "WHERE organization_id = ? AND user_id = ? AND version = ?")) {
            update.setString(1, roleId);
            update.setString(2, Words.join(products));
            update.setBoolean(3, contact.technical());
            update.setBoolean(4, contact.billing());
            update.setBoolean(5, contact.news());
            update.setString(6, row.organizationId());
            update.setString(7, row.userId());
            update.setLong(8, row.version());
            return update.executeUpdate() == 1;
        }
    }

    /** One member with their login's data. */
    static Optional<Member> member(Connection connection, String organizationId, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + MEMBER_COLUMNS + MEMBER_FROM
                + " WHERE m.organization_id = ? AND m.user_id = ?")) {
            select.setString(1, organizationId);
            select.setString(2, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(memberOf(row)) : Optional.empty();
            }
        }
    }

    /**
     * Members by username after {@code afterKey} (a lower-cased username), matching the
     * LIKE pattern on username or e-mail when one is given; at most {@code limit}.
     */
    static List<Sorted> page(Connection connection, String organizationId, String pattern, String afterKey, int limit)
            throws SQLException {
        return new ListQuery("SELECT " + MEMBER_COLUMNS + MEMBER_FROM + " WHERE m.organization_id = ?", organizationId)
                .andIfGiven("(l.username_key LIKE ? ESCAPE '\\' OR LOWER(l.email) LIKE ? ESCAPE '\\')", pattern)
                .andIfGiven("l.username_key > ?", afterKey)
                .rows(connection, "l.username_key", limit, row -> new Sorted(memberOf(row), row.getString(13)));
    }

    private static Member memberOf(ResultSet row) throws SQLException {
        String roleId = row.getString(5);
        String roleName = BuiltInRole.of(roleId).map(Roles::nameOf).orElse(row.getString(6));
        return new Member(row.getString(1), row.getString(2), row.getString(3), row.getString(4), roleId, roleName,
                Words.of(row.getString(7)), new Contact(row.getBoolean(8), row.getBoolean(9), row.getBoolean(10)),
                row.getTimestamp(11).toInstant(), row.getLong(12));
    }

    /** A membership as stored. */
    public record Row(String organizationId, String userId, String roleId, List<String> products, Contact contact,
            long version) {

        public Row {
            products = List.copyOf(products);
        }
    }

    /** A member with the key the list is sorted by. */
    record Sorted(Member member, String key) {
    }
}
