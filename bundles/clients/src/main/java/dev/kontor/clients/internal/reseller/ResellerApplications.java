package dev.kontor.clients.internal.reseller;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.mail.Mailer;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.Accounts;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.FieldErrors;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reseller onboarding (C9): an organization's owner applies, the operator approves or
 * rejects. Approving makes the organization a reseller in the same transaction: the users
 * module's mark (its owner and administrators then hold the resellers' permissions) and
 * this module's reseller row. The applicant gets the answer by mail, and a new
 * application is announced to the review address when one is configured.
 */
@Designate(ocd = ResellerSettings.class)
@Component(service = ResellerApplications.class, configurationPid = ResellerSettings.PID)
public class ResellerApplications {

    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 50;
    static final int MAX_WEBSITE = 500;
    static final int MAX_MESSAGE = 4000;
    static final int MAX_REASON = 1000;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = LoggerFactory.getLogger(ResellerApplications.class);
    private static final List<String> STATES = List.of(ResellerApplication.PENDING, ResellerApplication.APPROVED,
            ResellerApplication.REJECTED);

    private final Database database;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Mailer mailer;
    private final String reviewAddress;

    @Activate
    public ResellerApplications(@Reference Database database, @Reference AuditLog audit, @Reference Accounts accounts,
            @Reference Mailer mailer, ResellerSettings settings) {
        this(database, audit, accounts, mailer, settings.reseller_review_address());
    }

    /** @param reviewAddress where new applications are announced; null or blank for nowhere */
    public ResellerApplications(Database database, AuditLog audit, Accounts accounts, Mailer mailer, String reviewAddress) {
        this.database = database;
        this.audit = audit;
        this.accounts = accounts;
        this.mailer = mailer;
        String address = reviewAddress == null ? "" : reviewAddress.strip();
        if (!address.isEmpty() && !MailAddress.valid(address)) {
            LOG.warn("reseller_review_address '{}' is not one valid e-mail address; new applications are not announced",
                    address);
            address = "";
        }
        this.reviewAddress = address.isEmpty() ? null : address;
    }

    /**
     * Applies for the caller's organization to become a reseller.
     *
     * @throws ValidationException naming every invalid field
     * @throws ProblemException 409 when the caller acts for the operator, the organization
     *         is a reseller already or has a pending application
     */
    public ResellerApplication apply(Caller caller, NewApplication request) {
        Require.permission(caller, ClientsPermissions.APPLY);
        if (caller.isOperator()) {
            throw new ProblemException(409, "operator-cannot-apply",
                    "The operator's organization manages every client already; it cannot become a reseller.");
        }
        ResellerApplication application = valid(caller, request);
        return database.inTransaction(connection -> {
            if (ResellerStore.find(connection, caller.organizationId()).isPresent()) {
                throw new ProblemException(409, "already-reseller", "Your organization is a reseller already.");
            }
            if (ApplicationStore.pendingOf(connection, caller.organizationId()).isPresent()) {
                throw pending();
            }
            try {
                ApplicationStore.insert(connection, application, caller.userId());
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw pending(); // applied twice at once: the other one came first
                }
                throw e;
            }
            record(caller, "clients.reseller.applied", application, "organization " + application.organizationId());
            if (reviewAddress != null) {
                mailer.queue(reviewAddress, "reseller-application-received", null, Map.of("company", application.company(),
                        "contact_name", application.contactName(), "email", application.email(), "organization",
                        accounts.find(application.organizationId()).map(Account::name).orElse(application.organizationId())));
            }
            return application;
        });
    }

    /**
     * The applications the caller may read, newest first: every one for the operator's
     * staff holding {@code clients.resellers}, else the caller's own organization's.
     */
    public Page<ResellerApplication> list(Caller caller, String state, PageRequest page) {
        String organization = scope(caller);
        String filter = StateFilter.of(state, STATES);
        return database.inTransaction(connection -> ApplicationStore.page(connection, organization, filter, page));
    }

    /** One application the caller may read ({@link #list}); 404 otherwise. */
    public ResellerApplication read(Caller caller, String id) {
        String organization = scope(caller);
        return database.inTransaction(connection -> found(TextInput.plausibleId(id) ? ApplicationStore.find(connection, id)
                : Optional.empty(), organization));
    }

    /**
     * Approves a pending application: the organization becomes a reseller, in one
     * transaction with the answer and its mail.
     *
     * @throws ProblemException 409 {@code application-answered} when it was answered before
     */
    public ResellerApplication approve(Caller caller, String id) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        return answer(caller, id, (connection, application, at) -> {
            if (accounts.find(application.organizationId()).isEmpty()) {
                throw new ProblemException(409, "no-account", "The applicant's organization is gone.");
            }
            if (ResellerStore.find(connection, application.organizationId()).isPresent()) {
                throw new ProblemException(409, "already-reseller", "The organization is a reseller already.");
            }
            accounts.markReseller(caller, application.organizationId(), true);
            ResellerStore.insert(connection, application.organizationId(), at, application.id());
            ApplicationStore.answer(connection, application.id(), ResellerApplication.APPROVED, caller.userId(), at, null);
            record(caller, "clients.reseller.approved", application, "organization " + application.organizationId());
            mail(application, "reseller-application-approved", Map.of());
        });
    }

    /**
     * Rejects a pending application with a reason the applicant reads.
     *
     * @throws ValidationException naming {@code reason}
     * @throws ProblemException 409 {@code application-answered} when it was answered before
     */
    public ResellerApplication reject(Caller caller, String id, Reason request) {
        Require.permission(caller, ClientsPermissions.RESELLERS);
        String reason = TextInput.multiline("reason", request == null ? null : request.reason(), MAX_REASON);
        if (reason == null) {
            throw new ValidationException("reason", "required: the applicant reads why, 1 to " + MAX_REASON + " characters");
        }
        return answer(caller, id, (connection, application, at) -> {
            ApplicationStore.answer(connection, application.id(), ResellerApplication.REJECTED, caller.userId(), at, reason);
            record(caller, "clients.reseller.rejected", application, "reason: " + reason);
            mail(application, "reseller-application-rejected", Map.of("reason", reason));
        });
    }

    /** Answers the pending application under a lock, then reads it as answered. */
    private ResellerApplication answer(Caller caller, String id, Answer answer) {
        return database.inTransaction(connection -> {
            ResellerApplication application = found(TextInput.plausibleId(id) ? ApplicationStore.lock(connection, id)
                    : Optional.empty(), null);
            if (!application.pending()) {
                throw new ProblemException(409, "application-answered",
                        "The application was " + application.state() + " already.");
            }
            answer.give(connection, application, Instant.now().truncatedTo(ChronoUnit.MICROS));
            return ApplicationStore.find(connection, id).orElseThrow();
        });
    }

    /** The organization whose applications the caller reads; null for all. */
    private static String scope(Caller caller) {
        if (caller.has(ClientsPermissions.RESELLERS)) {
            return null;
        }
        Require.permission(caller, ClientsPermissions.APPLY);
        return caller.organizationId();
    }

    private static ResellerApplication found(Optional<ResellerApplication> application, String organization) {
        return application.filter(found -> organization == null || organization.equals(found.organizationId()))
                .orElseThrow(NotFoundException::new);
    }

    private ResellerApplication valid(Caller caller, NewApplication request) {
        NewApplication given = request == null ? new NewApplication(null, null, null, null, null, null) : request;
        FieldErrors errors = new FieldErrors();
        String company = errors.check(() -> TextInput.required("company", given.company(), MAX_NAME));
        String contact = errors.check(() -> TextInput.required("contact_name", given.contactName(), MAX_NAME));
        String email = errors.check(() -> MailAddress.required("email", given.email()));
        String phone = errors.check(() -> TextInput.optional("phone", given.phone(), MAX_PHONE));
        String website = errors.check(() -> TextInput.optional("website", given.website(), MAX_WEBSITE));
        String message = errors.check(() -> TextInput.multiline("message", given.message(), MAX_MESSAGE));
        errors.throwIfAny();
        String language = "de".equals(caller.locale() == null ? null : caller.locale().getLanguage()) ? "de" : "en";
        return new ResellerApplication(Ids.newId("ra"), caller.organizationId(), company, contact, email, phone, website,
                message, language, ResellerApplication.PENDING, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
    }

    private void mail(ResellerApplication application, String template, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put("company", application.company());
        values.put("contact_name", application.contactName());
        mailer.queue(application.email(), template, Locale.forLanguageTag(application.language()), values);
    }

    private static ProblemException pending() {
        return new ProblemException(409, "application-pending",
                "Your organization has applied already; the operator answers that application first.");
    }

    private void record(Caller caller, String action, ResellerApplication application, String detail) {
        audit.record(caller, action, "reseller-application:" + application.id(), AuditOutcome.SUCCESS, detail);
    }

    /** What answering does to a pending application, inside the answer's transaction. */
    private interface Answer {
        void give(Connection connection, ResellerApplication application, Instant at) throws SQLException;
    }
}
