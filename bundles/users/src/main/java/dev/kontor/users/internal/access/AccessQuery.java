package dev.kontor.users.internal.access;

import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.users.internal.UsersPermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a login's effective access in an organization from the database: the union
 * of its role, its direct product access and its workgroups' products (U7, U8), and of
 * the partner grants the organization gave to an organization the login is a member of
 * (C7, C10: an administrator's permissions, or those of chosen products). Only without
 * either, for the operator's support staff, the read-only permissions of the content
 * types an organization granted support access to (U11). A suspended organization
 * grants nothing, and its members get nothing elsewhere through it (C4).
 */
public final class AccessQuery {

    /** The kind of {@code users_access_grant} rows that give another organization's members access. */
    public static final String PARTNER = "partner";

    private final DeclaredPermissions declared;
    private final Clock clock;

    public AccessQuery(DeclaredPermissions declared, Clock clock) {
        this.declared = declared;
        this.clock = clock;
    }

    public Optional<Access.Grant> resolve(Connection connection, String userId, String organizationId) throws SQLException {
        Optional<LoginRow> login = login(connection, userId);
        if (login.isEmpty()) {
            return Optional.empty();
        }
        DeclaredPermissions.Catalog catalog = declared.catalog();
        Map<String, MembershipRow> memberships = memberships(connection, userId);
        List<Identity.OrganizationMembership> switchable = new ArrayList<>();
        memberships.values().stream().filter(row -> !row.suspended())
                .forEach(row -> switchable.add(new Identity.OrganizationMembership(row.organizationId(), row.name())));

        MembershipRow operatorMembership = memberships.get(IdentityProvider.OPERATOR_ORGANIZATION_ID);
        boolean supportStaff = operatorMembership != null
                && permissions(connection, catalog, userId, operatorMembership).contains(UsersPermissions.SUPPORT_USE);
        Map<String, SupportRow> support = supportStaff ? supportGrants(connection) : Map.of();
        List<PartnerRow> partner = partnerGrants(connection, userId);
        Map<String, String> granted = new java.util.TreeMap<>();
        support.values().stream().filter(row -> !memberships.containsKey(row.organizationId()) && !row.suspended())
                .forEach(row -> granted.put(row.organizationId(), row.name()));
        partner.stream().filter(row -> !memberships.containsKey(row.organizationId()))
                .forEach(row -> granted.put(row.organizationId(), row.name()));
        granted.forEach((id, name) -> switchable.add(new Identity.OrganizationMembership(id, name)));

        MembershipRow membership = memberships.get(organizationId);
        if (membership != null && membership.suspended()) {
            return Optional.empty();
        }
        List<PartnerRow> partnerHere = partner.stream().filter(row -> row.organizationId().equals(organizationId)).toList();
        if (membership != null || !partnerHere.isEmpty()) {
            Set<String> permissions = membership == null ? new HashSet<>()
                    : permissions(connection, catalog, userId, membership);
            // The granting organization is a customer's: granting from the operator's is refused.
            partnerHere.forEach(row -> permissions.addAll(row.full() ? catalog.of(BuiltInRole.ADMINISTRATOR, OrganizationKind.CUSTOMER)
                    : catalog.ofProducts(row.products(), OrganizationKind.CUSTOMER)));
            boolean operator = membership != null && membership.operator();
            return Optional.of(new Access.Grant(login.get().identity(organizationId, switchable, permissions, operator),
                    List.of()));
        }
        List<String> grantIds = new ArrayList<>();
        Set<String> permissions = new HashSet<>();
        for (SupportRow row : support.values()) {
            if (row.organizationId().equals(organizationId) && !row.suspended()) {
                grantIds.add(row.id());
                permissions.addAll(catalog.readOnly(row.contentType()));
            }
        }
        if (grantIds.isEmpty()) {
            return Optional.empty();
        }
        permissions.removeIf(catalog::operatorOnly);
        return Optional.of(new Access.Grant(login.get().identity(organizationId, switchable, permissions, false),
                List.copyOf(grantIds)));
    }

    /** The first organization (the operator's, then by name) the login may act in. */
    public Optional<String> firstOrganization(Connection connection, String userId) throws SQLException {
        return memberships(connection, userId).values().stream().filter(row -> !row.suspended())
                .map(MembershipRow::organizationId).findFirst();
    }

    /** Role, direct products and workgroup products of one membership, as permissions. */
    private Set<String> permissions(Connection connection, DeclaredPermissions.Catalog catalog, String userId,
            MembershipRow membership) throws SQLException {
        Set<String> permissions = rolePermissions(connection, catalog, membership.organizationId(), membership.kind(),
                membership.roleId());
        Set<String> products = new HashSet<>(Words.of(membership.products()));
        products.addAll(workgroupProducts(connection, userId, membership.organizationId()));
        permissions.addAll(catalog.ofProducts(products, membership.kind()));
        return permissions;
    }

    /**
     * What a role gives in an organization of the given kind now: a built-in role's share
     * of the declared permissions, or a custom role's stored ones that are still declared
     * (and not reserved for the operator in a customer's organization).
     */
    public static Set<String> rolePermissions(Connection connection, DeclaredPermissions.Catalog catalog,
            String organizationId, OrganizationKind kind, String roleId) throws SQLException {
        Optional<BuiltInRole> builtIn = BuiltInRole.of(roleId);
        return builtIn.isPresent() ? new HashSet<>(catalog.of(builtIn.get(), kind))
                : customRolePermissions(customRole(connection, organizationId, roleId), catalog, kind);
    }

    /** Of a custom role's stored permissions, those it gives now. */
    public static Set<String> customRolePermissions(Set<String> stored, DeclaredPermissions.Catalog catalog,
            OrganizationKind kind) {
        Set<String> permissions = new HashSet<>(stored);
        permissions.retainAll(catalog.all());
        permissions.removeIf(permission -> catalog.reservedIn(permission, kind));
        return permissions;
    }

    private static Optional<LoginRow> login(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, username, display_name, language FROM users_login WHERE id = ?")) {
            select.setString(1, userId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new LoginRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /** The login's memberships, the operator's organization first, then by name. */
    private static Map<String, MembershipRow> memberships(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT m.organization_id, o.name, o.operator, o.suspended, "
                + "m.role_id, m.products, o.reseller FROM users_membership m JOIN users_organization o ON o.id = m.organization_id "
                + "WHERE m.user_id = ? ORDER BY o.operator DESC, o.name, o.id")) {
            select.setString(1, userId);
            Map<String, MembershipRow> rows = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), new MembershipRow(row.getString(1), row.getString(2),
                            OrganizationKind.of(row.getBoolean(3), row.getBoolean(7)), row.getBoolean(4), row.getString(5),
                            row.getString(6)));
                }
            }
            return rows;
        }
    }

    private static Set<String> customRole(Connection connection, String organizationId, String roleId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT permissions FROM users_role WHERE organization_id = ? AND id = ?")) {
            select.setString(1, organizationId);
            select.setString(2, roleId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new HashSet<>(Words.of(row.getString(1))) : Set.of();
            }
        }
    }

    private static Set<String> workgroupProducts(Connection connection, String userId, String organizationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT w.products FROM users_workgroup w "
                + "JOIN users_workgroup_member m ON m.workgroup_id = w.id WHERE m.user_id = ? AND w.organization_id = ?")) {
            select.setString(1, userId);
            select.setString(2, organizationId);
            Set<String> products = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    products.addAll(Words.of(row.getString(1)));
                }
            }
            return products;
        }
    }

    /** Support grants to the operator's staff that are in force now, by id. */
    private Map<String, SupportRow> supportGrants(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT g.id, g.organization_id, o.name, o.suspended, "
                + "g.content_type FROM users_access_grant g JOIN users_organization o ON o.id = g.organization_id "
                + "WHERE g.grantee_organization_id = ? AND g.kind = 'support' AND g.revoked_at IS NULL AND g.expires_at > ?")) {
            select.setString(1, IdentityProvider.OPERATOR_ORGANIZATION_ID);
            select.setTimestamp(2, Timestamp.from(clock.instant()));
            Map<String, SupportRow> rows = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), new SupportRow(row.getString(1), row.getString(2), row.getString(3),
                            row.getBoolean(4), row.getString(5)));
                }
            }
            return rows;
        }
    }

    /**
     * Partner grants in force that let this login act in another organization: given to
     * an organization it is a member of, for all its members or naming it, with neither
     * organization suspended.
     */
    private List<PartnerRow> partnerGrants(Connection connection, String userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT g.organization_id, o.name, g.products, "
                + "g.grantee_user_ids FROM users_access_grant g JOIN users_organization o ON o.id = g.organization_id "
                + "JOIN users_membership m ON m.organization_id = g.grantee_organization_id "
                + "JOIN users_organization grantee ON grantee.id = g.grantee_organization_id "
                + "WHERE m.user_id = ? AND g.kind = '" + PARTNER + "' AND g.revoked_at IS NULL AND g.expires_at > ? "
                + "AND o.suspended = FALSE AND grantee.suspended = FALSE")) {
            select.setString(1, userId);
            select.setTimestamp(2, Timestamp.from(clock.instant()));
            List<PartnerRow> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    List<String> listed = Words.of(row.getString(4));
                    if (listed.isEmpty() || listed.contains(userId)) {
                        rows.add(new PartnerRow(row.getString(1), row.getString(2), Words.of(row.getString(3))));
                    }
                }
            }
            return rows;
        }
    }

    private record LoginRow(String id, String username, String displayName, String language) {

        Identity identity(String organizationId, List<Identity.OrganizationMembership> organizations, Set<String> permissions,
                boolean operator) {
            return new Identity(id, username, displayName, organizationId, organizations, permissions, operator, language);
        }
    }

    private record MembershipRow(String organizationId, String name, OrganizationKind kind, boolean suspended, String roleId,
            String products) {

        boolean operator() {
            return kind == OrganizationKind.OPERATOR;
        }
    }

    /** A partner grant as it applies to one login; no products: full access. */
    private record PartnerRow(String organizationId, String name, List<String> products) {

        boolean full() {
            return products.isEmpty();
        }
    }

    private record SupportRow(String id, String organizationId, String name, boolean suspended, String contentType) {
    }
}
