package dev.kontor.users.internal.invitation;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.mail.Mailer;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.login.Secrets;
import dev.kontor.users.internal.trail.Author;
import dev.kontor.users.internal.trail.Trail;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A login's own profile and its change of e-mail address (U9). A new address counts only
 * once confirmed through a link mailed to it, so nobody moves a login's mail (and with
 * it every later link) to an address they cannot read; the old address is told.
 */
@Component(service = EmailChanges.class, configurationPid = UsersConfiguration.PID)
public class EmailChanges {

    static final String TOKEN_PREFIX = "eml_";
    static final String CONFIRM_PAGE = "confirm-email.html";
    private static final Logger LOG = LoggerFactory.getLogger(EmailChanges.class);

    private final Database database;
    private final Trail trail;
    private final Mailer mailer;
    private final Access access;
    private final MailedLinks links;

    @Activate
    public EmailChanges(@Reference Database database, @Reference AuditLog audit, @Reference Mailer mailer,
            @Reference Access access, UsersConfiguration configuration, BundleContext context) {
        this(database, audit, mailer, access, MailedLinks.of(configuration, context));
    }

    public EmailChanges(Database database, AuditLog audit, Mailer mailer, Access access, MailedLinks links) {
        this.database = database;
        this.trail = new Trail(audit);
        this.mailer = mailer;
        this.access = access;
        this.links = links;
    }

    /** The caller's login, with the permissions they hold in the current organization. */
    public Me me(Caller caller) {
        Logins.Login login = database.inTransaction(connection -> Logins.byId(connection, caller.userId()))
                .orElseThrow(NotFoundException::new);
        Optional<String> pending = database.inTransaction(connection -> EmailChangeStore.pending(connection, login.id(),
                links.now()));
        // What the caller holds here, as the host decides it (a token's scopes narrow it).
        List<String> permissions = access.of(caller.userId(), caller.organizationId()).map(grant -> grant.identity())
                .map(Identity::permissions).orElse(java.util.Set.of()).stream().filter(caller::has).sorted().toList();
        return new Me(login.id(), login.username(), login.displayName(), login.email(), login.language(), pending.orElse(null),
                caller.organizationId(), permissions);
    }

    /**
     * Mails a confirmation link to the new address; the address changes only when it is
     * followed. An earlier unconfirmed request's link stops working.
     */
    public Me request(Caller caller, String email) {
        String address = Logins.validEmail("email", email);
        database.runInTransaction(connection -> {
            Logins.Login login = Logins.byId(connection, caller.userId()).orElseThrow(NotFoundException::new);
            if (address.equalsIgnoreCase(login.email() == null ? "" : login.email())) {
                throw new ValidationException("email", "is your address already");
            }
            EmailChangeStore.dropUnconfirmed(connection, login.id());
            String token = Secrets.newSecret(TOKEN_PREFIX);
            Instant now = links.now();
            EmailChangeStore.insert(connection, Ids.newId("emc"), login.id(), address, Secrets.hashOf(token), now,
                    links.expiryFromNow());
            try {
                mailer.queue(address, "email-change", languageOf(login), Map.of("name", login.displayName(),
                        "username", login.username(), "link", links.to(CONFIRM_PAGE, token), "hours", links.hours()));
            } catch (IllegalArgumentException unsendable) {
                throw new ValidationException("email", "is not an address mail can be sent to");
            }
            trail.record(caller, caller.organizationId(), "users.email.change-requested", "login:" + login.id(), "to " + address);
        });
        return me(caller);
    }

    /**
     * Confirms a change through its link, once and while the link works, and tells the old address.
     *
     * @throws ProblemException 404 {@code email-change-not-found} for an unknown link,
     *         410 {@code email-change-used} or {@code email-change-expired}
     */
    public Confirmed confirm(String token, String sourceAddress) {
        String hash = MailedLinks.tokenHash(token, EmailChanges::unknownLink);
        return database.inTransaction(connection -> {
            EmailChangeStore.Request request = EmailChangeStore.byTokenHash(connection, hash).orElseThrow(EmailChanges::unknownLink);
            Instant now = links.now();
            if (request.confirmed() || !EmailChangeStore.confirm(connection, request.id(), now)) {
                // Not confirmed now: used before (perhaps a moment ago, by a concurrent request), or too late.
                throw request.expiresAt().isAfter(now)
                        ? new ProblemException(410, "email-change-used", "This link was used already.")
                        : new ProblemException(410, "email-change-expired", "This link has expired. Ask for the change again.");
            }
            Logins.Login login = Logins.byId(connection, request.userId()).orElseThrow(EmailChanges::unknownLink);
            Logins.setEmail(connection, login.id(), request.newEmail());
            if (login.email() != null && !login.email().equalsIgnoreCase(request.newEmail())) {
                tellOldAddress(login, request.newEmail());
            }
            // A login's own change: in the trail of the first of its organizations.
            Author actor = new Author(login.id(), login.username(), access.firstOrganization(login.id()).orElse(null),
                    languageOf(login), sourceAddress);
            trail.record(actor, actor.organizationId(), "users.email.changed", "login:" + login.id(),
                    "from " + (login.email() == null ? "none" : login.email()) + " to " + request.newEmail());
            access.changedAfterCommit();
            return new Confirmed(request.newEmail());
        });
    }

    private void tellOldAddress(Logins.Login login, String newEmail) {
        try {
            mailer.queue(login.email(), "email-changed", languageOf(login), Map.of("name", login.displayName(),
                    "username", login.username(), "new_email", newEmail));
        } catch (IllegalArgumentException unsendable) {
            // An address stored before mail checked it strictly: the change itself stands.
            LOG.warn("No notice of the e-mail change of login {}: its old address is not one mail can be sent to", login.id());
        }
    }

    private static Locale languageOf(Logins.Login login) {
        return Locale.forLanguageTag(login.language());
    }

    private static ProblemException unknownLink() {
        return new ProblemException(404, "email-change-not-found", "This confirmation link is not valid.");
    }

    /** The caller's own login as {@code GET /api/v1/users/me} shows it. */
    public record Me(String id, String username, String displayName, String email, String language, String pendingEmail,
            String organizationId, List<String> permissions) {
    }

    /** The address a confirmed change set. */
    public record Confirmed(String email) {
    }
}
