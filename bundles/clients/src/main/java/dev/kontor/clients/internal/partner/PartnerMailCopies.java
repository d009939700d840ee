package dev.kontor.clients.internal.partner;

import dev.kontor.api.mail.MailCopies;
import dev.kontor.api.storage.Database;
import dev.kontor.api.users.Accounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Copies of a client's system mails for a partner with full access that switched them
 * on (C8): a mail to the client's contact address or to a member of the client's
 * organization gets a copy to the address the partner's request came from.
 *
 * <p>The mail bundle asks for every mail the panel queues, so the common answer, no
 * copy, costs no query: the addresses that may get copies (of the few clients with
 * copies on) are kept in memory, rebuilt after a change here commits and at least every
 * {@link #MAX_AGE}. Only a hit is checked against the database at once (the grant still
 * in force and full, copies still on, the address still the client's), so a stale
 * snapshot can delay a copy for a new address but never send one that is no longer due.
 */
@Component(service = {MailCopies.class, PartnerMailCopies.class})
public class PartnerMailCopies implements MailCopies {

    /** How long member addresses, which change in the users module without telling this one, are reused. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final Database database;
    private final Accounts accounts;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(-1, Instant.MIN, Map.of());

    @Activate
    public PartnerMailCopies(@Reference Database database, @Reference Accounts accounts) {
        this(database, accounts, Clock.systemUTC());
    }

    public PartnerMailCopies(Database database, Accounts accounts, Clock clock) {
        this.database = database;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Set<String> copiesFor(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return Set.of();
        }
        String address = recipient.strip().toLowerCase(Locale.ROOT);
        List<PartnerStore.CopyTarget> candidates = current().byAddress().getOrDefault(address, List.of());
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Set<String> copies = new TreeSet<>();
        for (PartnerStore.CopyTarget target : candidates) {
            if (stillDue(target, address) && !target.copyAddress().equalsIgnoreCase(address)) {
                copies.add(target.copyAddress());
            }
        }
        return copies;
    }

    /** Called after a change of grants or copies committed: the next mail sees it. */
    void changed() {
        generation.incrementAndGet();
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        if (now.generation() == generation.get() && now.builtAt().plus(MAX_AGE).isAfter(clock.instant())) {
            return now;
        }
        return rebuild();
    }

    private synchronized Snapshot rebuild() {
        long wanted = generation.get();
        Snapshot now = snapshot;
        if (now.generation() == wanted && now.builtAt().plus(MAX_AGE).isAfter(clock.instant())) {
            return now; // another thread rebuilt it meanwhile
        }
        Instant builtAt = clock.instant();
        Map<String, List<PartnerStore.CopyTarget>> byAddress = new HashMap<>();
        for (PartnerStore.CopyTarget target : database.inTransaction(PartnerStore::copyTargets)) {
            Set<String> addresses = new TreeSet<>(accounts.memberAddresses(target.clientOrganizationId()));
            addresses.add(target.contactKey());
            addresses.forEach(address -> byAddress.computeIfAbsent(address, key -> new ArrayList<>()).add(target));
        }
        byAddress.replaceAll((address, targets) -> List.copyOf(targets));
        Snapshot built = new Snapshot(wanted, builtAt, Map.copyOf(byAddress));
        snapshot = built;
        return built;
    }

    /** Whether the copy is still due now: full grant in force, copies on, the address still the client's. */
    private boolean stillDue(PartnerStore.CopyTarget target, String address) {
        boolean fullGrant = accounts.grantsOf(target.clientOrganizationId()).stream()
                .anyMatch(grant -> grant.id().equals(target.grantId()) && grant.full());
        if (!fullGrant) {
            return false;
        }
        return database.inTransaction(connection -> PartnerStore.contactWithCopies(connection, target.grantId()))
                .map(contact -> contact.equals(address)
                        || accounts.memberAddresses(target.clientOrganizationId()).contains(address))
                .orElse(false);
    }

    /** The addresses that may get copies, each with the grants that would copy it. */
    private record Snapshot(long generation, Instant builtAt, Map<String, List<PartnerStore.CopyTarget>> byAddress) {
    }
}
