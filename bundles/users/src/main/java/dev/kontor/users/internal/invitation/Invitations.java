package dev.kontor.users.internal.invitation;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.mail.Mailer;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.DeclaredPermissions;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.login.PasswordHasher;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.organization.Contact;
import dev.kontor.users.internal.organization.Memberships;
import dev.kontor.users.internal.organization.OrganizationFacts;
import dev.kontor.users.internal.organization.Role;
import dev.kontor.users.internal.organization.Roles;
import dev.kontor.users.internal.organization.TextFields;
import dev.kontor.users.internal.trail.Author;
import dev.kontor.users.internal.trail.Trail;
import dev.kontor.users.internal.workgroup.WorkgroupStore;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Invitations (U9): a mail with a link that works once, for a limited time, and only
 * while the invitation is pending. The token exists only in that mail: the table holds
 * its hash, so neither a database reader nor any answer of the API can use the link.
 * Accepting joins the organization with the invitation's role, products and
 * workgroups (U3, U7), as a new login or as the logged-in one.
 */
@Component(service = Invitations.class, configurationPid = UsersConfiguration.PID)
public class Invitations {

    static final String TOKEN_PREFIX = "inv_";
    static final String ACCEPT_PAGE = "accept.html";
    private static final int MAX_DISPLAY_NAME = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final Database database;
    private final Trail trail;
    private final Mailer mailer;
    private final Access access;
    private final DeclaredPermissions declared;
    private final Roles roles;
    private final MailedLinks links;
    private final int passwordMinLength;

    @Activate
    public Invitations(@Reference Database database, @Reference AuditLog audit, @Reference Mailer mailer,
            @Reference Access access, @Reference DeclaredPermissions declared, @Reference Roles roles,
            UsersConfiguration configuration, BundleContext context) {
        this(database, audit, mailer, access, declared, roles, MailedLinks.of(configuration, context),
                configuration.password_min_length());
    }

    public Invitations(Database database, AuditLog audit, Mailer mailer, Access access, DeclaredPermissions declared,
            Roles roles, MailedLinks links, int passwordMinLength) {
        this.database = database;
        this.trail = new Trail(audit);
        this.mailer = mailer;
        this.access = access;
        this.declared = declared;
        this.roles = roles;
        this.links = links;
        this.passwordMinLength = passwordMinLength;
    }

    /** The organization's invitations, newest first; {@code q} searches the addresses. */
    public Page<Invitation.View> list(String organizationId, String q, PageRequest page) {
        Instant now = links.now();
        String after = TextFields.cursorText(page.after());
        List<Invitation> rows = database.inTransaction(connection -> InvitationStore.page(connection, organizationId, q,
                after, page.limit() + 1));
        return page.toPage(rows.stream().map(row -> row.view(now)).toList(), Invitation.View::id);
    }

    /**
     * Invites someone and mails them the link, in the inviter's language.
     *
     * @throws ValidationException for bad terms
     * @throws ProblemException 409 {@code already-invited} while a valid invitation for the address is pending
     */
    public Invitation.View invite(Caller caller, String organizationId, InvitationRequest request) {
        DeclaredPermissions.Catalog catalog = declared.catalog();
        return database.inTransaction(connection -> {
            OrganizationFacts organization = OrganizationFacts.of(connection, organizationId).orElseThrow(NotFoundException::new);
            InvitationTerms terms = InvitationTerms.of(connection, caller, organization, catalog, request);
            Instant now = links.now();
            if (InvitationStore.pendingFor(connection, organizationId, terms.email(), now)) {
                throw new ProblemException(409, "already-invited",
                        "An invitation to this address is pending. Resend it, or revoke it first.");
            }
            String token = Secrets.newSecret(TOKEN_PREFIX);
            Invitation invitation = new Invitation(Ids.newId("inv"), organizationId, terms.email(), terms.roleId(),
                    terms.products(), terms.workgroups(), InvitationState.PENDING, caller.userId(), now, links.expiryFromNow(), 0);
            InvitationStore.insert(connection, invitation, Secrets.hashOf(token));
            mail(caller, organization, invitation, token);
            trail.record(caller, organizationId, "users.invitation.created", target(invitation),
                    invitation.email() + " as " + invitation.roleId());
            return invitation.view(now);
        });
    }

    /**
     * Revokes a pending (or expired) invitation: its link stops working.
     *
     * @return false when the organization has no such invitation
     * @throws ProblemException 409 {@code invitation-not-pending} when it was answered or revoked already
     */
    public boolean revoke(Caller caller, String organizationId, String id) {
        return database.inTransaction(connection -> {
            Optional<Invitation> invitation = InvitationStore.find(connection, organizationId, id);
            if (invitation.isEmpty()) {
                return false;
            }
            requirePending(invitation.get());
            if (!InvitationStore.end(connection, id, InvitationState.REVOKED, caller.userId(), links.now(), null)) {
                throw notPending(InvitationState.REVOKED);
            }
            trail.record(caller, organizationId, "users.invitation.revoked", target(invitation.get()),
                    invitation.get().email());
            return true;
        });
    }

    /**
     * Sends a pending or expired invitation again with a new link, valid from now on; the
     * old link stops working (U9).
     *
     * @return the renewed invitation, or empty when the organization has no such invitation
     */
    public Optional<Invitation.View> resend(Caller caller, String organizationId, String id) {
        DeclaredPermissions.Catalog catalog = declared.catalog();
        return database.inTransaction(connection -> {
            Optional<Invitation> found = InvitationStore.find(connection, organizationId, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Invitation invitation = found.get();
            requirePending(invitation);
            OrganizationFacts organization = OrganizationFacts.of(connection, organizationId).orElseThrow(NotFoundException::new);
            // Whoever sends the link again vouches for it as the first sender did.
            new InvitationTerms(invitation.email(), invitation.roleId(), invitation.products(), invitation.workgroups())
                    .requireMayOffer(connection, caller, organization, catalog);
            String token = Secrets.newSecret(TOKEN_PREFIX);
            if (!InvitationStore.renew(connection, id, invitation.version(), Secrets.hashOf(token), links.expiryFromNow())) {
                // Answered or revoked between our read and our write.
                throw notPending(InvitationStore.find(connection, organizationId, id).map(Invitation::storedState)
                        .orElse(InvitationState.REVOKED));
            }
            Invitation renewed = InvitationStore.find(connection, organizationId, id).orElseThrow();
            mail(caller, organization, renewed, token);
            trail.record(caller, organizationId, "users.invitation.resent", target(renewed), renewed.email());
            return Optional.of(renewed.view(links.now()));
        });
    }

    /**
     * What a link's holder is invited to, so the accept page can say what one joins.
     *
     * @throws ProblemException 404 {@code invitation-not-found} for a token of no invitation
     */
    public Preview preview(String token) {
        String hash = tokenHash(token);
        return database.inTransaction(connection -> {
            Invitation invitation = InvitationStore.byTokenHash(connection, hash).orElseThrow(Invitations::unknownLink);
            String name = OrganizationFacts.of(connection, invitation.organizationId()).map(OrganizationFacts::name).orElse("");
            return new Preview(name, invitation.email(), invitation.roleId(), roleName(invitation),
                    invitation.state(links.now()).id(), invitation.expiresAt());
        });
    }

    /**
     * Accepts an invitation: as a new login when the request has a username, else as the
     * logged-in caller's login. The link works once.
     *
     * @param caller the logged-in caller, if any
     * @param language the language for a new login when the request names none
     * @throws ProblemException 404 for an unknown link, 410 {@code invitation-<state>} for one that
     *         no longer works, 409 {@code already-member}
     */
    public Joined accept(AcceptRequest request, Optional<Caller> caller, Locale language, String sourceAddress) {
        if (request == null) {
            throw new ValidationException("token", "required");
        }
        String hash = tokenHash(request.token());
        boolean newLogin = request.forNewLogin();
        if (!newLogin && caller.isEmpty()) {
            throw new ValidationException("username", "required for a new login; or log in first to join with your login");
        }
        // A cheap look first: an unknown or used link costs no password hashing.
        database.inTransaction(connection -> usable(InvitationStore.byTokenHash(connection, hash)));
        Optional<NewLogin> login = newLogin ? Optional.of(newLogin(request, language)) : Optional.empty();
        return database.inTransaction(connection -> {
            Invitation invitation = usable(InvitationStore.byTokenHash(connection, hash));
            Instant now = links.now();
            if (!InvitationStore.end(connection, invitation.id(), InvitationState.ACCEPTED, null, now, now)) {
                throw answeredMeanwhile(connection, hash);
            }
            OrganizationFacts organization = OrganizationFacts.of(connection, invitation.organizationId())
                    .orElseThrow(Invitations::unknownLink);
            requireRoleExists(connection, invitation);
            Caller actor = login.isPresent() ? login.get().create(connection, invitation, sourceAddress)
                    : Author.of(caller.get(), organization.id()); // joins as themselves, whatever organization they came from
            if (Memberships.find(connection, organization.id(), actor.userId()).isPresent()) {
                throw new ProblemException(409, "already-member", "This login is already a member of the organization.");
            }
            InvitationStore.answeredBy(connection, invitation.id(), actor.userId());
            join(connection, invitation, actor.userId());
            trail.record(actor, organization.id(), "users.invitation.accepted", target(invitation),
                    (login.isPresent() ? "new login " : "login ") + actor.username() + " joined as " + invitation.roleId());
            access.changedAfterCommit();
            return new Joined(organization.id(), organization.name(), actor.userId(), actor.username());
        });
    }

    /**
     * Declines an invitation; its link stops working.
     *
     * @param caller the logged-in caller, if any, recorded as who declined
     */
    public void decline(String token, Optional<Caller> caller, String sourceAddress) {
        String hash = tokenHash(token);
        database.runInTransaction(connection -> {
            Invitation invitation = usable(InvitationStore.byTokenHash(connection, hash));
            String userId = caller.map(Caller::userId).orElse(null);
            if (!InvitationStore.end(connection, invitation.id(), InvitationState.DECLINED, userId, links.now(), links.now())) {
                throw answeredMeanwhile(connection, hash);
            }
            Caller actor = new Author(userId, caller.map(Caller::username).orElse(invitation.email()),
                    invitation.organizationId(), caller.map(Caller::locale).orElse(Locale.ENGLISH), sourceAddress);
            trail.record(actor, invitation.organizationId(), "users.invitation.declined", target(invitation), invitation.email());
        });
    }

    private static void requireRoleExists(Connection connection, Invitation invitation) throws SQLException {
        try {
            Roles.requireKnown(connection, invitation.organizationId(), invitation.roleId(), "role");
        } catch (ValidationException gone) {
            throw new ProblemException(409, "role-removed",
                    "The role this invitation gives no longer exists. Ask for a new invitation.");
        }
    }

    /** The membership the invitation gives, with its workgroups that still exist. */
    private static void join(Connection connection, Invitation invitation, String userId) throws SQLException {
        Memberships.insert(connection, invitation.organizationId(), userId, invitation.roleId(), invitation.products(),
                Contact.NONE);
        List<String> gone = WorkgroupStore.missing(connection, invitation.organizationId(), invitation.workgroups());
        for (String workgroup : invitation.workgroups()) {
            if (!gone.contains(workgroup)) {
                WorkgroupStore.addMembers(connection, workgroup, List.of(userId));
            }
        }
    }

    private void mail(Caller caller, OrganizationFacts organization, Invitation invitation, String token) {
        try {
            mailer.queue(invitation.email(), "invitation", caller.locale(), Map.of("organization", organization.name(),
                    "inviter", caller.username(), "role", roleName(invitation), "link", links.to(ACCEPT_PAGE, token),
                    "hours", links.hours()));
        } catch (IllegalArgumentException unsendable) {
            throw new ValidationException("email", "is not an address mail can be sent to");
        }
    }

    /** The role's name (a removed custom role is shown by its id). */
    private String roleName(Invitation invitation) {
        return roles.find(invitation.organizationId(), invitation.roleId()).map(Role::name).orElse(invitation.roleId());
    }

    private NewLogin newLogin(AcceptRequest request, Locale fallback) {
        String username = Logins.validUsername("username", request.username());
        char[] password = Logins.validPassword("password", request.password(), passwordMinLength);
        String displayName = request.displayName() == null || request.displayName().isBlank() ? username
                : TextFields.name("display_name", request.displayName(), MAX_DISPLAY_NAME);
        String language;
        if (request.language() != null) {
            language = request.language().strip();
            if (!LANGUAGE.matcher(language).matches()) {
                throw new ValidationException("language", "a language code such as en or de");
            }
        } else {
            String asked = fallback == null ? "" : fallback.getLanguage();
            language = LANGUAGE.matcher(asked).matches() ? asked : "en";
        }
        return new NewLogin(new Logins.NewLogin(username, null, displayName, language), PasswordHasher.DEFAULT.hash(password));
    }

    private static String tokenHash(String token) {
        return MailedLinks.tokenHash(token, Invitations::unknownLink);
    }

    /** The invitation if its link works now. */
    private Invitation usable(Optional<Invitation> found) {
        Invitation invitation = found.orElseThrow(Invitations::unknownLink);
        InvitationState state = invitation.state(links.now());
        if (state != InvitationState.PENDING) {
            throw new ProblemException(410, "invitation-" + state.id(), switch (state) {
                case ACCEPTED -> "This invitation was accepted already.";
                case DECLINED -> "This invitation was declined.";
                case REVOKED -> "This invitation was withdrawn.";
                default -> "This invitation has expired.";
            } + " Ask for a new one.");
        }
        return invitation;
    }

    private void requirePending(Invitation invitation) {
        if (invitation.storedState() != InvitationState.PENDING) {
            throw notPending(invitation.storedState());
        }
    }

    private static ProblemException notPending(InvitationState state) {
        return new ProblemException(409, "invitation-not-pending", "This invitation is " + state.id()
                + "; only a pending or expired invitation can be resent or revoked.");
    }

    private static ProblemException unknownLink() {
        return new ProblemException(404, "invitation-not-found", "This invitation link is not valid. Ask for a new one.");
    }

    /** Why a link that worked a moment ago does not any more: another request answered it first. */
    private ProblemException answeredMeanwhile(Connection connection, String hash) throws SQLException {
        usable(InvitationStore.byTokenHash(connection, hash)); // throws, naming the state the other request left
        return new ProblemException(410, "invitation-accepted", "This invitation was answered already. Ask for a new one.");
    }

    private static String target(Invitation invitation) {
        return "invitation:" + invitation.id();
    }

    /** A login to create on acceptance, its password already hashed (slowly, so outside the transaction). */
    private record NewLogin(Logins.NewLogin login, String passwordHash) {

        /** Creates the login with the invited address and returns it as the actor. */
        Author create(Connection connection, Invitation invitation, String sourceAddress) throws SQLException {
            Logins.Login created = Logins.create(connection, new Logins.NewLogin(login.username(), invitation.email(),
                    login.displayName(), login.language()), passwordHash);
            return new Author(created.id(), created.username(), invitation.organizationId(),
                    Locale.forLanguageTag(created.language()), sourceAddress);
        }
    }

    /** What the accept page shows before one accepts. */
    public record Preview(String organizationName, String email, String role, String roleName, String state,
            Instant expiresAt) {
    }

    /** The answer to an acceptance: who joined where. */
    public record Joined(String organizationId, String organizationName, String userId, String username) {
    }
}
