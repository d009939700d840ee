package dev.kontor.clients.internal.partner;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.TextInput;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import dev.kontor.api.users.AccessGrant;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.Accounts;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Grants between clients and partners once access exists (C7, C8, C10): both sides see
 * them; the client revokes, the partner disconnects; the partner assigns its staff and
 * switches e-mail copies. The grants themselves are the users module's: what is in force
 * is what {@link Accounts#grantsOf} answers, whatever this module's rows say.
 */
@Component(service = ClientGrants.class)
public class ClientGrants {

    /** Most logins one grant names, as the users module stores them. */
    static final int MAX_STAFF = 100;

    private final Database database;
    private final AuditLog audit;
    private final Accounts accounts;
    private final PartnerMails mails;
    private final PartnerMailCopies copies;

    @Activate
    public ClientGrants(@Reference Database database, @Reference AuditLog audit, @Reference Accounts accounts,
            @Reference PartnerMails mails, @Reference PartnerMailCopies copies) {
        this.database = database;
        this.audit = audit;
        this.accounts = accounts;
        this.mails = mails;
        this.copies = copies;
    }

    /** The client's grants to partners for its owners; the caller's own grant for a partner. */
    public Page<Grant> ofClient(Caller caller, String clientId) {
        return database.inTransaction(connection -> {
            ClientFacts client = client(connection, clientId);
            List<AccessGrant> inForce = accounts.grantsOf(client.organizationId());
            List<AccessGrant> shown = Partners.clientSide(caller, client) ? inForce
                    : inForce.stream().filter(grant -> Partners.partnerSide(caller, grant)).toList();
            if (shown.isEmpty() && !Partners.clientSide(caller, client)) {
                throw new NotFoundException();
            }
            Map<String, PartnerGrantRow> rows = PartnerStore.grantsOfClient(connection, client.id()).stream()
                    .collect(Collectors.toMap(PartnerGrantRow::grantId, Function.identity()));
            Map<String, String> names = new HashMap<>();
            return Page.of(shown.stream().map(grant -> Grant.of(client.id(), grant, names.computeIfAbsent(
                    grant.granteeOrganizationId(), this::organizationName), rows.get(grant.id()))).toList());
        });
    }

    /**
     * Ends the grant at once: revoked by the client's owner, or disconnected by the partner
     * (C7, C10). The other side is told by mail.
     */
    public void end(Caller caller, String clientId, String grantId) {
        database.runInTransaction(connection -> {
            ClientFacts client = client(connection, clientId);
            AccessGrant grant = inForce(client, grantId);
            Optional<PartnerGrantRow> row = PartnerStore.grant(connection, grant.id());
            boolean byClient = Partners.clientSide(caller, client);
            if (!byClient && !(Partners.actsAsPartner(caller) && grant.granteeOrganizationId().equals(caller.organizationId()))) {
                throw new NotFoundException();
            }
            accounts.revoke(caller, grant.id());
            PartnerStore.deleteGrant(connection, grant.id());
            if (byClient) {
                row.ifPresent(found -> mails.revoked(found, client));
            } else {
                mails.disconnected(organizationName(grant.granteeOrganizationId()), client);
            }
            audit.record(caller, byClient ? "clients.access.revoked" : "clients.access.disconnected", target(grant),
                    AuditOutcome.SUCCESS, "client " + client.id() + ", organization " + grant.granteeOrganizationId());
            database.afterCommit(copies::changed);
        });
    }

    /** The partner switches copies of the client's system mails on or off (C8); only with full access. */
    public Grant emailCopy(Caller caller, String clientId, String grantId, EmailCopyChange change) {
        if (change == null || change.enabled() == null) {
            throw new ValidationException("enabled", "true or false");
        }
        boolean enabled = change.enabled();
        return database.inTransaction(connection -> {
            ClientFacts client = client(connection, clientId);
            AccessGrant grant = managedByPartner(caller, client, grantId);
            if (!grant.full()) {
                throw Refusals.fullAccessRequired();
            }
            PartnerGrantRow row = PartnerStore.grant(connection, grant.id()).orElseThrow(Refusals::notRequested);
            if (row.emailCopy() != enabled) {
                PartnerStore.setEmailCopy(connection, grant.id(), enabled);
                audit.record(caller, "clients.access.email-copy", target(grant), AuditOutcome.SUCCESS,
                        (enabled ? "on" : "off") + ", client " + client.id());
                database.afterCommit(copies::changed);
            }
            return view(connection, client, grant);
        });
    }

    /** The partner chooses which of its members act for the client (C10); none listed: all of them. */
    public Grant staff(Caller caller, String clientId, String grantId, StaffChange change) {
        Set<String> userIds = staffOf(change);
        return database.inTransaction(connection -> {
            ClientFacts client = client(connection, clientId);
            AccessGrant grant = managedByPartner(caller, client, grantId);
            SentOrder.naming("user_ids", change.userIds(), () -> {
                accounts.changeGrantees(caller, grant.id(), userIds);
                return grant;
            });
            audit.record(caller, "clients.access.staff-changed", target(grant), AuditOutcome.SUCCESS, "client " + client.id()
                    + ", " + (userIds.isEmpty() ? "all members" : "logins " + String.join(" ", Grant.sorted(userIds))));
            return view(connection, client, inForce(client, grant.id()));
        });
    }

    /**
     * The clients that granted the caller's organization access, for "open account" and
     * "disconnect" (C7): to its managers all of them with their staff, to other members
     * those whose grant covers them. Paged by grant; a page may hold fewer items than
     * asked when grants ended elsewhere.
     */
    public Page<PartnerClient> ofPartner(Caller caller, PageRequest page) {
        String after = Partners.cursor(page);
        boolean manager = Partners.actsAsPartner(caller);
        return database.inTransaction(connection -> {
            List<PartnerGrantRow> rows = PartnerStore.grantsOfPartner(connection, caller.organizationId(), after,
                    page.limit() + 1);
            List<PartnerGrantRow> current = rows.subList(0, Math.min(rows.size(), page.limit()));
            List<PartnerClient> clients = new ArrayList<>();
            for (PartnerGrantRow row : current) {
                Optional<ClientFacts> client = PartnerStore.client(connection, row.clientId());
                Optional<AccessGrant> grant = client.flatMap(found -> accounts.grantsOf(found.organizationId()).stream()
                        .filter(candidate -> candidate.id().equals(row.grantId())).findFirst())
                        .filter(found -> manager || Partners.covers(found, caller));
                if (grant.isPresent()) {
                    AccessGrant given = grant.get();
                    clients.add(new PartnerClient(given.id(), row.clientId(), client.get().name(),
                            client.get().organizationId(), given.full() ? AccessRequest.FULL : AccessRequest.PARTIAL,
                            Grant.sorted(given.products()), manager ? Grant.sorted(given.granteeUserIds()) : null,
                            row.emailCopy(), given.createdAt()));
                }
            }
            String next = rows.size() > page.limit() ? PageRequest.encode(current.get(current.size() - 1).grantId()) : null;
            return new Page<>(clients, next);
        });
    }

    private Grant view(Connection connection, ClientFacts client, AccessGrant grant) throws SQLException {
        return Grant.of(client.id(), grant, organizationName(grant.granteeOrganizationId()),
                PartnerStore.grant(connection, grant.id()).orElse(null));
    }

    /** The grant in force to the caller's organization, which the caller manages as the partner. */
    private AccessGrant managedByPartner(Caller caller, ClientFacts client, String grantId) {
        AccessGrant grant = inForce(client, grantId);
        if (!grant.granteeOrganizationId().equals(caller.organizationId()) || !Partners.actsAsPartner(caller)) {
            throw new NotFoundException();
        }
        return grant;
    }

    private AccessGrant inForce(ClientFacts client, String grantId) {
        if (!TextInput.plausibleId(grantId)) {
            throw new NotFoundException();
        }
        return accounts.grantsOf(client.organizationId()).stream().filter(grant -> grant.id().equals(grantId)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private static ClientFacts client(Connection connection, String clientId) throws SQLException {
        return PartnerStore.client(connection, clientId).orElseThrow(NotFoundException::new);
    }

    private String organizationName(String organizationId) {
        return accounts.find(organizationId).map(Account::name).orElse(organizationId);
    }

    private static Set<String> staffOf(StaffChange change) {
        if (change == null || change.userIds() == null) {
            throw new ValidationException("user_ids", "a list of the logins that act for the client; empty for all members");
        }
        if (change.userIds().size() > MAX_STAFF) {
            throw new ValidationException("user_ids", "at most " + MAX_STAFF + " logins");
        }
        Set<String> userIds = new LinkedHashSet<>();
        for (int i = 0; i < change.userIds().size(); i++) {
            String userId = change.userIds().get(i);
            if (!TextInput.plausibleId(userId) || userId.isBlank()) {
                throw new ValidationException("user_ids[" + i + "]", "is not a member of your organization");
            }
            userIds.add(userId);
        }
        return Set.copyOf(userIds);
    }

    private static String target(AccessGrant grant) {
        return "access-grant:" + grant.id();
    }
}
