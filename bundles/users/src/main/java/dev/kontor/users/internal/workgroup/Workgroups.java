package dev.kontor.users.internal.workgroup;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.rest.ValidationException.FieldError;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.organization.Delegation;
import dev.kontor.users.internal.organization.OrganizationFacts;
import dev.kontor.users.internal.organization.Products;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Workgroups of an organization (U7): a user's access is the union of their role, their
 * direct products and the products of every group they are in ({@code AccessQuery}), so
 * every change here makes cached access stale. Members of a group are members of the
 * organization; external people join a group through an invitation naming it.
 */
@Component(service = Workgroups.class)
public class Workgroups {

    static final int MAX_NAME = 100;
    static final int MAX_MEMBERS = 1000;

    private final Database database;
    private final Trail trail;
    private final Access access;
    private final DeclaredPermissions declared;

    @Activate
    public Workgroups(@Reference Database database, @Reference AuditLog audit, @Reference Access access,
            @Reference DeclaredPermissions declared) {
        this.database = database;
        this.trail = new Trail(audit);
        this.access = access;
        this.declared = declared;
    }

    public Page<Workgroup> list(String organizationId, String q, PageRequest page) {
        String after = TextFields.cursorText(page.after());
        List<Workgroup> rows = database.inTransaction(connection -> WorkgroupStore.page(connection, organizationId,
                q, after, page.limit() + 1));
        return page.toPage(rows, Workgroup::id);
    }

    public Optional<Workgroup> find(String organizationId, String id) {
        return database.inTransaction(connection -> WorkgroupStore.find(connection, organizationId, id));
    }

    /**
     * Creates a group with its members.
     *
     * @throws ValidationException for a bad name or product, a member who is not one of the organization,
     *         or a lead who is not a member of the group
     */
    public Workgroup create(Caller caller, String organizationId, NewWorkgroup request) {
        if (request == null) {
            throw new ValidationException("name", "required");
        }
        String name = validName(request.name());
        DeclaredPermissions.Catalog catalog = declared.catalog();
        List<String> products = validProducts(request.products(), catalog);
        List<String> memberIds = validIds("member_ids", request.memberIds());
        String lead = validLead(request.leadUserId());
        return database.inTransaction(connection -> {
            OrganizationFacts organization = OrganizationFacts.of(connection, organizationId).orElseThrow(NotFoundException::new);
            List<FieldError> errors = new ArrayList<>();
            notMembers(connection, organization, "member_ids", request.memberIds(), errors);
            if (lead != null && !memberIds.contains(lead)) {
                errors.add(new FieldError("lead_user_id", "must be a member of the group"));
            }
            if (WorkgroupStore.nameTaken(connection, organizationId, name, null)) {
                errors.add(new FieldError("name", "another workgroup has this name"));
            }
            throwIfAny(errors);
            new Delegation(connection, caller, organizationId, organization.kind(), catalog).requireMayAssignProducts(products);
            String id = Ids.newId("wg");
            WorkgroupStore.insert(connection, id, organizationId, name, products, lead, Instant.now());
            WorkgroupStore.addMembers(connection, id, memberIds);
            trail.record(caller, organizationId, "users.workgroup.created", "workgroup:" + id,
                    name + "; products " + products + "; " + memberIds.size() + " members" + (lead == null ? "" : "; lead " + lead));
            access.changedAfterCommit();
            return WorkgroupStore.find(connection, organizationId, id).orElseThrow();
        });
    }

    /**
     * Changes what the request names, if the client saw the current version.
     *
     * @return the group as changed, or empty when the organization has no such group
     * @throws StaleVersionException when {@code ifMatch} names another version (412)
     */
    public Optional<Workgroup> change(Caller caller, String organizationId, String id, String ifMatch, WorkgroupChange request) {
        WorkgroupChange change = request == null ? new WorkgroupChange() : request;
        String newName = change.getName() == null ? null : validName(change.getName());
        DeclaredPermissions.Catalog catalog = declared.catalog();
        List<String> newProducts = change.getProducts() == null ? null
                : validProducts(change.getProducts(), catalog);
        List<String> added = validIds("add_member_ids", change.getAddMemberIds());
        List<String> removed = validIds("remove_member_ids", change.getRemoveMemberIds());
        List<FieldError> overlap = new ArrayList<>();
        for (String both : removed) {
            if (added.contains(both)) {
                overlap.add(new FieldError(indexed("remove_member_ids", change.getRemoveMemberIds(), both), "is also in add_member_ids"));
            }
        }
        throwIfAny(overlap);
        return database.inTransaction(connection -> {
            Optional<Workgroup> found = WorkgroupStore.find(connection, organizationId, id);
            if (found.isEmpty()) {
                return found;
            }
            Workgroup current = found.get();
            ETags.checkIfMatch(ifMatch, current.version());
            OrganizationFacts organization = OrganizationFacts.of(connection, organizationId).orElseThrow(NotFoundException::new);
            List<FieldError> errors = new ArrayList<>();
            notMembers(connection, organization, "add_member_ids", change.getAddMemberIds(), errors);
            Set<String> members = new LinkedHashSet<>(current.memberIds());
            List<String> joining = added.stream().filter(userId -> !members.contains(userId)).toList();
            List<String> leaving = removed.stream().filter(members::contains).toList();
            members.addAll(added);
            members.removeAll(removed);
            String lead = change.leadGiven() ? validLead(change.getLeadUserId()) : current.leadUserId();
            if (lead != null && !members.contains(lead)) {
                errors.add(change.leadGiven() ? new FieldError("lead_user_id", "must be a member of the group")
                        : new FieldError(indexed("remove_member_ids", change.getRemoveMemberIds(), lead),
                                "is the group's lead: name another lead, or none, in the same request"));
            }
            String name = newName == null ? current.name() : newName;
            if (newName != null && WorkgroupStore.nameTaken(connection, organizationId, name, id)) {
                errors.add(new FieldError("name", "another workgroup has this name"));
            }
            throwIfAny(errors);
            List<String> products = newProducts == null ? current.products() : newProducts;
            // What the change hands out: products new to the group, and all of them to members new to it.
            Set<String> given = new HashSet<>(products);
            if (joining.isEmpty()) {
                given.removeAll(current.products());
            }
            new Delegation(connection, caller, organizationId, organization.kind(), catalog).requireMayAssignProducts(given);
            if (!WorkgroupStore.update(connection, id, current.version(), name, products, lead)) {
                throw new StaleVersionException();
            }
            WorkgroupStore.removeMembers(connection, id, leaving);
            WorkgroupStore.addMembers(connection, id, joining);
            trail.record(caller, organizationId, "users.workgroup.changed", "workgroup:" + id,
                    describe(current, name, products, lead, joining, leaving));
            access.changedAfterCommit();
            return WorkgroupStore.find(connection, organizationId, id);
        });
    }

    /**
     * Deletes a group: its members lose what it gave them at once.
     *
     * @return false when the organization has no such group
     */
    public boolean delete(Caller caller, String organizationId, String id, String ifMatch) {
        return database.inTransaction(connection -> {
            Optional<Workgroup> current = WorkgroupStore.find(connection, organizationId, id);
            if (current.isEmpty()) {
                return false;
            }
            ETags.checkIfMatch(ifMatch, current.get().version());
            WorkgroupStore.delete(connection, organizationId, id);
            trail.record(caller, organizationId, "users.workgroup.deleted", "workgroup:" + id, current.get().name());
            access.changedAfterCommit();
            return true;
        });
    }

    /** Products as members get them; none when the field is missing. */
    private static List<String> validProducts(List<String> products, DeclaredPermissions.Catalog catalog) {
        return Products.valid("products", products == null ? List.of() : products, catalog);
    }

    private static String validName(String name) {
        return TextFields.name("name", name, MAX_NAME);
    }

    /** The ids as given, each once; null means none. */
    static List<String> validIds(String field, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_MEMBERS) {
            throw new ValidationException(field, "at most " + MAX_MEMBERS + " at once");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i) == null ? "" : ids.get(i).strip();
            if (id.isEmpty() || id.length() > 40 || !TextFields.plausibleId(id)) {
                errors.add(new FieldError(field + "[" + i + "]", "a user id"));
            }
            valid.add(id);
        }
        throwIfAny(errors);
        return List.copyOf(valid);
    }

    /** A field error for each given id that is no member of the organization. */
    private static void notMembers(Connection connection, OrganizationFacts organization, String field, List<String> given,
            List<FieldError> errors) throws SQLException {
        if (given == null || given.isEmpty()) {
            return;
        }
        Set<String> outsiders = new HashSet<>(organization.notMembers(connection, validIds(field, given)));
        for (int i = 0; i < given.size(); i++) {
            if (outsiders.contains(given.get(i).strip())) {
                errors.add(new FieldError(field + "[" + i + "]", "is not a member of this organization"));
            }
        }
    }

    /** The field of the id within the list as sent, e.g. {@code remove_member_ids[2]}. */
    private static String indexed(String field, List<String> given, String id) {
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) != null && given.get(i).strip().equals(id)) {
                return field + "[" + i + "]";
            }
        }
        return field;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The lead's id; none for null or blank. */
    private static String validLead(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!TextFields.plausibleId(value)) {
            throw new ValidationException("lead_user_id", "must be a member of the group");
        }
        return value.strip();
    }

    private static String describe(Workgroup current, String name, List<String> products, String lead, List<String> joining,
            List<String> removed) {
        List<String> parts = new ArrayList<>();
        if (!name.equals(current.name())) {
            parts.add("name " + name);
        }
        if (!new HashSet<>(products).equals(new HashSet<>(current.products()))) {
            parts.add("products " + products);
        }
        if (!java.util.Objects.equals(lead, current.leadUserId())) {
            parts.add("lead " + (lead == null ? "none" : lead));
        }
        if (!joining.isEmpty()) {
            parts.add("added " + joining);
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + removed);
        }
        return parts.isEmpty() ? "nothing changed" : String.join("; ", parts);
    }
}
