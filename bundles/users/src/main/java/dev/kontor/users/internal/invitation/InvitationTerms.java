package dev.kontor.users.internal.invitation;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.rest.ValidationException.FieldError;
import dev.kontor.api.security.Caller;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.organization.Delegation;
import dev.kontor.users.internal.organization.OrganizationFacts;
import dev.kontor.users.internal.organization.Products;
import dev.kontor.users.internal.organization.Roles;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.workgroup.WorkgroupStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an invitation offers (U3, U9): a role of the organization, products and
 * workgroups of it. Checked against what exists, and against what the inviter may
 * hand out: an invitation gives no more than its sender holds, and only an owner
 * invites an owner.
 */
record InvitationTerms(String email, String roleId, List<String> products, List<String> workgroups) {

    static final int MAX_WORKGROUPS = 100;

    /**
     * @throws ValidationException for a bad address, an unknown role, product or workgroup
     * @throws ProblemException 403 when the terms exceed what the caller may hand out
     */
    static InvitationTerms of(Connection connection, Caller caller, OrganizationFacts organization,
            DeclaredPermissions.Catalog catalog, InvitationRequest request) throws SQLException {
        if (request == null) {
            throw new ValidationException("email", "required");
        }
        String email = Logins.validEmail("email", request.email());
        List<String> products = Products.valid("products", request.products() == null ? List.of() : request.products(), catalog);
        String role = request.role() == null ? null : request.role().strip();
        Roles.requireKnown(connection, organization.id(), role, "role");
        List<FieldError> errors = new ArrayList<>();
        List<String> workgroups = workgroups(connection, organization.id(), request.workgroups(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        InvitationTerms terms = new InvitationTerms(email, role, products, workgroups);
        terms.requireMayOffer(connection, caller, organization, catalog);
        return terms;
    }

    /** The caller may hand out these terms ({@link Delegation}: what a member given them would hold). */
    void requireMayOffer(Connection connection, Caller caller, OrganizationFacts organization,
            DeclaredPermissions.Catalog catalog) throws SQLException {
        Set<String> allProducts = new HashSet<>(products);
        allProducts.addAll(WorkgroupStore.productsOf(connection, organization.id(), workgroups));
        new Delegation(connection, caller, organization.id(), organization.kind(), catalog)
                .requireMayAssign(roleId, allProducts);
    }

    private static List<String> workgroups(Connection connection, String organizationId, List<String> given,
            List<FieldError> errors) throws SQLException {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (given.size() > MAX_WORKGROUPS) {
            errors.add(new FieldError("workgroups", "at most " + MAX_WORKGROUPS));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i) == null ? "" : given.get(i).strip();
            if (!TextFields.plausibleId(id)) {
                errors.add(new FieldError("workgroups[" + i + "]", "is not a workgroup of this organization"));
                return List.of();
            }
            ids.add(id);
        }
        Set<String> missing = new HashSet<>(WorkgroupStore.missing(connection, organizationId, List.copyOf(ids)));
        for (int i = 0; i < given.size(); i++) {
            if (missing.contains(given.get(i) == null ? "" : given.get(i).strip())) {
                errors.add(new FieldError("workgroups[" + i + "]", "is not a workgroup of this organization"));
            }
        }
        return List.copyOf(ids);
    }
}
