package dev.kontor.users.internal.workgroup;

import dev.kontor.users.internal.access.Words;
import dev.kontor.users.internal.organization.ListQuery;
import dev.kontor.users.internal.organization.TextFields;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The tables {@code users_workgroup} and {@code users_workgroup_member}. */
public final class WorkgroupStore {

    private static final String SELECT = "SELECT id, name, products, lead_user_id, version FROM users_workgroup";

    private WorkgroupStore() {
    }

    static void insert(Connection connection, String id, String organizationId, String name, List<String> products,
            String leadUserId, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_workgroup "
                + "(id, organization_id, name, products, lead_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, organizationId);
            insert.setString(3, name);
            insert.setString(4, Words.join(products));
            insert.setString(5, leadUserId);
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    static Optional<Workgroup> find(Connection connection, String organizationId, String id) throws SQLException {
        List<Row> found = new ListQuery(SELECT + " WHERE organization_id = ? AND id = ?", organizationId, id)
                .rows(connection, "id", 1, WorkgroupStore::rowOf);
        return withMembers(connection, found).stream().findFirst();
    }

    /** A page of the organization's groups by id, optionally only those whose name contains {@code q}. */
    static List<Workgroup> page(Connection connection, String organizationId, String q, String after, int limit)
            throws SQLException {
        List<Row> rows = new ListQuery(SELECT + " WHERE organization_id = ?", organizationId)
                .andIfGiven("LOWER(name) LIKE ? ESCAPE '\\'", TextFields.containsPattern(q))
                .andIfGiven("id > ?", after)
                .rows(connection, "id", limit, WorkgroupStore::rowOf);
        return withMembers(connection, rows);
    }

    /** Whether another group of the organization has this name, ignoring case. */
    static boolean nameTaken(Connection connection, String organizationId, String name, String exceptId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM users_workgroup "
                + "WHERE organization_id = ? AND LOWER(name) = ? AND id <> ?")) {
            select.setString(1, organizationId);
            select.setString(2, name.toLowerCase(Locale.ROOT));
            select.setString(3, exceptId == null ? "" : exceptId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Changes a group if it is still at {@code version}; false when somebody changed it meanwhile. */
    static boolean update(Connection connection, String id, long version, String name, List<String> products,
            String leadUserId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE users_workgroup SET name = ?, products = ?, "
                + "lead_user_id = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            update.setString(1, name);
            update.setString(2, Words.join(products));
            update.setString(3, leadUserId);
            update.setString(4, id);
            update.setLong(5, version);
            return update.executeUpdate() == 1;
        }
    }

    /** Adds the logins to the group; those already in it stay as they are. */
    public static void addMembers(Connection connection, String workgroupId, Collection<String> userIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users_workgroup_member (workgroup_id, user_id) "
                + "SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM users_workgroup_member WHERE workgroup_id = ? AND user_id = ?)")) {
            for (String userId : userIds) {
                insert.setString(1, workgroupId);
                insert.setString(2, userId);
                insert.setString(3, workgroupId);
                insert.setString(4, userId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void removeMembers(Connection connection, String workgroupId, Collection<String> userIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM users_workgroup_member WHERE workgroup_id = ? AND user_id = ?")) {
            for (String userId : userIds) {
                delete.setString(1, workgroupId);
                delete.setString(2, userId);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Deletes a group with its memberships (the foreign key cascades); false when there is none. */
    static boolean delete(Connection connection, String organizationId, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM users_workgroup WHERE organization_id = ? AND id = ?")) {
            delete.setString(1, organizationId);
            delete.setString(2, id);
            return delete.executeUpdate() == 1;
        }
    }

    /** Those of the ids that name no group of the organization, in the order given. */
    public static List<String> missing(Connection connection, String organizationId, Collection<String> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM users_workgroup WHERE organization_id = ? "
                + "AND id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            select.setString(1, organizationId);
            int index = 2;
            for (String id : ids) {
                select.setString(index++, id);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1));
                }
            }
        }
        return ids.stream().filter(id -> !found.contains(id)).toList();
    }

    /** Products of the groups, together. */
    public static Set<String> productsOf(Connection connection, String organizationId, Collection<String> ids)
            throws SQLException {
        Set<String> products = new HashSet<>();
        for (String id : ids) {
            find(connection, organizationId, id).ifPresent(group -> products.addAll(group.products()));
        }
        return products;
    }

    private static Row rowOf(ResultSet row) throws SQLException {
        return new Row(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5));
    }

    /** The groups of the rows, each with its members. */
    private static List<Workgroup> withMembers(Connection connection, List<Row> rows) throws SQLException {
        Map<String, List<Workgroup.Member>> members = members(connection, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> new Workgroup(row.id(), row.name(), Words.of(row.products()),
                members.getOrDefault(row.id(), List.of()), row.leadUserId(), row.version())).toList();
    }

    /** The members of the groups, by username. */
    private static Map<String, List<Workgroup.Member>> members(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, List<Workgroup.Member>> members = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return members;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT m.workgroup_id, m.user_id, l.username "
                + "FROM users_workgroup_member m JOIN users_login l ON l.id = m.user_id WHERE m.workgroup_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") ORDER BY l.username_key, l.id")) {
            int index = 1;
            for (String id : ids) {
                select.setString(index++, id);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    members.computeIfAbsent(row.getString(1), key -> new ArrayList<>())
                            .add(new Workgroup.Member(row.getString(2), row.getString(3)));
                }
            }
        }
        return members;
    }

    private record Row(String id, String name, String products, String leadUserId, long version) {
    }
}
