package dev.kontor.users.internal.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.mail.internal.BundleMailer;
import dev.kontor.mail.internal.Outbox;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.storage.internal.TestClock;
import dev.kontor.users.internal.workgroup.Workgroups;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;

/**
 * The users module as {@link UsersFixture} sets it up, plus what mailed links need: the
 * real outbox and mailer of the mail bundle (reading this module's templates), links
 * timed by the fixture's clock, and the invitation, e-mail change and workgroup services.
 */
public final class InvitationFixture {

    public static final String PANEL_URL = "https://panel.example.test";
    public static final Duration VALIDITY = Duration.ofHours(48);
    private static final Pattern LINK = Pattern.compile("(https://\\S+)#token=(\\S+)");

    public final UsersFixture users;
    public final TestClock clock;
    public final Outbox outbox;
    public final BundleMailer mailer;
    public final Invitations invitations;
    public final EmailChanges emailChanges;
    public final Workgroups workgroups;

    public InvitationFixture(DatabaseKind kind) {
        users = new UsersFixture(kind);
        clock = users.clock;
        users.database.withModule("mail", Outbox.class);
        outbox = new Outbox(users.database);
        mailer = new BundleMailer(usersBundleContext(), outbox);
        MailedLinks links = new MailedLinks(PANEL_URL, VALIDITY, clock);
        invitations = new Invitations(users.database, users.audit, mailer, users.access, users.declared, users.roles, links,
                UsersFixture.PASSWORD_MIN_LENGTH);
        emailChanges = new EmailChanges(users.database, users.audit, mailer, users.access, links);
        workgroups = new Workgroups(users.database, users.audit, users.access, users.declared);
    }

    /** The mails queued to the address, oldest first. */
    public List<QueuedMail> mailsTo(String address) {
        return users.database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT recipient, subject, body, module "
                    + "FROM mail_outbox WHERE recipient = ? ORDER BY id")) {
                select.setString(1, address);
                List<QueuedMail> mails = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        mails.add(new QueuedMail(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
                    }
                }
                return mails;
            }
        });
    }

    /** The one mail queued to the address; fails when there is none or more. */
    public QueuedMail onlyMailTo(String address) {
        List<QueuedMail> mails = mailsTo(address);
        if (mails.size() != 1) {
            throw new AssertionError("Expected one mail to " + address + ", found " + mails);
        }
        return mails.get(0);
    }

    /** The newest mail queued to the address. */
    public QueuedMail lastMailTo(String address) {
        List<QueuedMail> mails = mailsTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + address);
        }
        return mails.get(mails.size() - 1);
    }

    /** The action is refused with this status and problem type. */
    public static void assertRefused(int status, String type, Executable action) {
        ProblemException refused = assertThrows(ProblemException.class, action);
        assertEquals(List.of(status, type), List.of(refused.status(), refused.type()), refused.getMessage());
    }

    /** The action is refused as bad input, first of all in this field. */
    public static void assertField(String field, Executable action) {
        ValidationException invalid = assertThrows(ValidationException.class, action);
        assertEquals(field, invalid.errors().get(0).field(), invalid.getMessage());
    }

    /** A mail in the outbox. */
    public record QueuedMail(String to, String subject, String body, String module) {

        /** The page the mail links to, without its token. */
        public String linkPage() {
            return link().group(1);
        }

        /** The token of the mail's link. */
        public String token() {
            return link().group(2);
        }

        private Matcher link() {
            Matcher link = LINK.matcher(body);
            if (!link.find()) {
                throw new AssertionError("No link with a token in " + body);
            }
            return link;
        }
    }

    /**
     * What the mail bundle's mailer reads of the bundle using it: its module id, and its
     * templates, here from the test class path as the bundle would hold them.
     */
    private static ComponentContext usersBundleContext() {
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(ModuleLayout.HEADER, "users");
        Bundle bundle = proxy(Bundle.class, (method, args) -> switch (method) {
            case "getHeaders" -> headers;
            case "getEntry" -> InvitationFixture.class.getClassLoader().getResource((String) args[0]);
            case "getSymbolicName" -> "dev.kontor.users";
            default -> throw new UnsupportedOperationException(method);
        });
        return proxy(ComponentContext.class, (method, args) -> switch (method) {
            case "getUsingBundle" -> bundle;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(InvitationFixture.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + " of the users module in tests";
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> answer.of(method.getName(), args);
                }));
    }

    private interface Answer {
        Object of(String method, Object[] args);
    }
}
