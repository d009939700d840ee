package dev.kontor.clients.internal.reseller;

import dev.kontor.api.clients.ResellerLifecycleListener;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientsFixture;
import dev.kontor.clients.internal.rest.AttachRequestsResource;
import dev.kontor.clients.internal.rest.ClientAttachRequestsResource;
import dev.kontor.clients.internal.rest.ResellerApplicationsResource;
import dev.kontor.clients.internal.rest.ResellersResource;
import dev.kontor.mail.internal.BundleMailer;
import dev.kontor.mail.internal.ModuleMailers;
import dev.kontor.mail.internal.Outbox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Constants;

/**
 * The reseller side of the clients module over {@link ClientsFixture} (the real users
 * module, audit trail and idempotency keys), with the mail bundle's real outbox and the
 * {@link ResellerClientGuard} registered as the framework would register it.
 */
final class ResellersFixture implements AutoCloseable {

    static final String REVIEW_ADDRESS = "sales@panel.example";

    final ClientsFixture base;
    final Outbox outbox;
    final BundleMailer mailer;
    final ResellerListeners resellerListeners = new ResellerListeners();
    final ResellerApplications applications;
    final Resellers resellers;
    final AttachRequests attach;
    final ResellerApplicationsResource applicationsResource;
    final ResellersResource resellersResource;
    final AttachRequestsResource attachResource;
    final ClientAttachRequestsResource clientAttachResource;
    private long listenerIds;

    ResellersFixture(DatabaseKind kind) {
        this(kind, REVIEW_ADDRESS);
    }

    ResellersFixture(DatabaseKind kind, String reviewAddress) {
        base = new ClientsFixture(kind);
        base.database.withModule("mail", Outbox.class);
        outbox = new Outbox(base.database);
        mailer = ModuleMailers.of(outbox, "clients");
        applications = new ResellerApplications(base.database, base.audit, base.accounts, mailer, reviewAddress);
        resellers = new Resellers(base.database, base.audit, base.accounts, resellerListeners);
        attach = new AttachRequests(base.database, base.audit, base.accounts, mailer, base.moves);
        applicationsResource = new ResellerApplicationsResource(applications);
        resellersResource = new ResellersResource(resellers);
        attachResource = new AttachRequestsResource(attach);
        clientAttachResource = new ClientAttachRequestsResource(attach);
        base.register(new ResellerClientGuard(base.database, base.accounts), 1000);
    }

    /** Registers a reseller lifecycle listener as the whiteboard would; later ones get higher ids. */
    void register(ResellerLifecycleListener listener, int ranking) {
        resellerListeners.addListener(listener, Map.of(Constants.SERVICE_RANKING, ranking, Constants.SERVICE_ID, ++listenerIds));
    }

    /** The operator's first login. */
    Caller operator() {
        return base.operator();
    }

    /** A client of the operator's whose owner applied and the operator approved: a reseller (C9). */
    ClientDetails reseller(String name, String username) {
        ClientDetails client = base.client(name, username);
        ResellerApplication application = applications.apply(base.owner(client), application(name, username + "@example.com"));
        applications.approve(operator(), application.id());
        return client;
    }

    /** The owner of the organization as the host makes the caller now, with the permissions it holds now. */
    Caller owner(ClientDetails client) {
        return base.owner(client);
    }

    /** A client of the reseller, created by the reseller's owner. */
    ClientDetails clientOf(ClientDetails reseller, String name, String username) {
        return base.clients.create(owner(reseller), ClientsFixture.newClient(name, username));
    }

    static NewApplication application(String company, String email) {
        return new NewApplication(company, "Ada Lovelace", email, "+49 30 555", "https://" + company.toLowerCase() + ".example",
                "We host 200 shops.");
    }

    /** The mails queued to the address, oldest first, each as subject, a line break and body. */
    List<String> mailsTo(String address) {
        return base.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT subject, body FROM mail_outbox WHERE recipient = ? ORDER BY id")) {
                select.setString(1, address);
                List<String> mails = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        mails.add(row.getString(1) + "\n" + row.getString(2));
                    }
                }
                return mails;
            }
        });
    }

    @Override
    public void close() {
        base.close();
    }
}
