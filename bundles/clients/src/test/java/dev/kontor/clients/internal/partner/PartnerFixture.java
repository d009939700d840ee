package dev.kontor.clients.internal.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.mail.MailCopies;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientsFixture;
import dev.kontor.clients.internal.rest.AccessAnswersResource;
import dev.kontor.clients.internal.rest.AccessRequestsResource;
import dev.kontor.clients.internal.rest.ClientGrantsResource;
import dev.kontor.clients.internal.rest.OwnClientResource;
import dev.kontor.clients.internal.rest.PartnerClientsResource;
import dev.kontor.mail.internal.BundleMailer;
import dev.kontor.mail.internal.ModuleMailers;
import dev.kontor.mail.internal.Outbox;
import dev.kontor.storage.internal.TestClock;
import dev.kontor.users.internal.access.DeclaredPermissions;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/**
 * Partner access over {@link ClientsFixture} (the real users module), with the real
 * outbox and mailer of the mail bundle reading this module's templates, and the mailer's
 * copies asked of {@link PartnerMailCopies} as the mail bundle does it. Two products
 * besides the clients module, {@code websites} and {@code mailboxes}, to choose from
 * for partial access. A partner is an organization the operator made a reseller, whose
 * owner holds {@code clients.partner}.
 */
final class PartnerFixture implements AutoCloseable {

    static final String PANEL = "https://panel.example.com";
    static final Set<String> WEBSITES = Set.of("websites.view", "websites.manage");
    static final Set<String> MAILBOXES = Set.of("mailboxes.view", "mailboxes.manage");

    final ClientsFixture base;
    final TestClock clock = new TestClock();
    final Outbox outbox;
    final BundleMailer mailer;
    final PartnerMailCopies copies;
    final AccessRequests requests;
    final ClientGrants grants;
    final AccessRequestsResource requestsResource;
    final AccessAnswersResource answersResource;
    final ClientGrantsResource grantsResource;
    final PartnerClientsResource partnerResource;
    final OwnClientResource ownResource;

    PartnerFixture(DatabaseKind kind) {
        base = new ClientsFixture(kind);
        base.database.withModule("mail", Outbox.class);
        base.declared.declare(List.of(ClientsFixture.clientsModule(), product("websites", WEBSITES),
                product("mailboxes", MAILBOXES)));
        outbox = new Outbox(base.database);
        mailer = ModuleMailers.of(outbox, "clients");
        copies = new PartnerMailCopies(base.database, base.accounts, clock);
        bindCopies(outbox, copies);
        PartnerMails mails = new PartnerMails(mailer, new PanelLinks(PANEL + "/", Duration.ofDays(14)));
        requests = new AccessRequests(base.database, base.audit, base.accounts, mails, clock);
        grants = new ClientGrants(base.database, base.audit, base.accounts, mails, copies);
        requestsResource = new AccessRequestsResource(requests);
        answersResource = new AccessAnswersResource(requests);
        grantsResource = new ClientGrantsResource(grants);
        partnerResource = new PartnerClientsResource(grants, requests);
        ownResource = new OwnClientResource(requests);
    }

    /** A partner: a client of the panel that the operator made a reseller (C9), with its owner. */
    Partner partner(String name, String username) {
        ClientDetails account = base.client(name, username);
        base.accounts.markReseller(base.operator(), account.organizationId(), true);
        return new Partner(account, base.owner(account));
    }

    /** The partner's owner asks the client's contact address for access. */
    AccessRequest ask(Partner partner, ClientDetails client, String scope) {
        return requests.request(partner.owner(), client.id(), new NewAccessRequest(scope, client.email(), null, null));
    }

    /** The partner asks and the client's owner accepts, for partial access with the products given. */
    Grant granted(Partner partner, ClientDetails client, String... products) {
        AccessRequest request = ask(partner, client, products.length == 0 ? AccessRequest.FULL : AccessRequest.PARTIAL);
        return requests.accept(base.owner(client), request.id(), new AccessAnswer(products.length == 0 ? null
                : List.of(products)));
    }

    /** What the login may do in the organization now, as the users module's access decision has it; null: nothing. */
    Set<String> permissionsIn(Caller login, String organizationId) {
        return base.access.of(login.userId(), organizationId).map(grant -> grant.identity().permissions()).orElse(null);
    }

    /** The mails queued to the address, oldest first. */
    List<Mail> mailsTo(String address) {
        return base.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT recipient, subject, body FROM mail_outbox "
                    + "WHERE recipient = ? ORDER BY id")) {
                select.setString(1, address);
                List<Mail> mails = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        mails.add(new Mail(row.getString(1), row.getString(2), row.getString(3)));
                    }
                }
                return mails;
            }
        });
    }

    /** The newest mail to the address. */
    Mail lastMailTo(String address) {
        List<Mail> mails = mailsTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + address);
        }
        return mails.get(mails.size() - 1);
    }

    /** Every mail of the outbox, for checking that something never shows in any. */
    String allMails() {
        return base.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT subject, body FROM mail_outbox ORDER BY id");
                    ResultSet row = select.executeQuery()) {
                StringBuilder all = new StringBuilder();
                while (row.next()) {
                    all.append(row.getString(1)).append('\n').append(row.getString(2)).append('\n');
                }
                return all.toString();
            }
        });
    }

    static void assertRefused(int status, String type, Executable action) {
        ProblemException refused = assertThrows(ProblemException.class, action);
        assertEquals(List.of(status, type), List.of(refused.status(), refused.type()), refused.getMessage());
    }

    static void assertField(String field, Executable action) {
        ValidationException invalid = assertThrows(ValidationException.class, action);
        assertEquals(field, invalid.errors().get(0).field(), invalid.getMessage());
    }

    @Override
    public void close() {
        base.close();
    }

    /** A module that declares view and manage permissions, basic access holding view. */
    private static DeclaredPermissions.Declaration product(String module, Set<String> permissions) {
        Set<String> view = Set.of(module + ".view");
        return new DeclaredPermissions.Declaration(module, permissions, view, view, view, Set.of(), Set.of());
    }

    /** Binds the copies to the outbox as the DS runtime does through its reference method. */
    private static void bindCopies(Outbox outbox, MailCopies copies) {
        try {
            Method bind = Outbox.class.getDeclaredMethod("addMailCopies", MailCopies.class);
            bind.setAccessible(true);
            bind.invoke(outbox, copies);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The outbox binds MailCopies services through addMailCopies", e);
        }
    }

    /** A partner organization (a client of the panel itself) and its owner acting in it. */
    record Partner(ClientDetails account, Caller owner) {

        String organizationId() {
            return account.organizationId();
        }
    }

    /** A mail in the outbox. */
    record Mail(String to, String subject, String body) {
    }
}
