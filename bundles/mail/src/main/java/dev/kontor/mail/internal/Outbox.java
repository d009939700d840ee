package dev.kontor.mail.internal;

import dev.kontor.api.mail.MailCopies;
import dev.kontor.api.storage.Database;
import dev.kontor.api.storage.Ids;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox every module's {@code Mailer} writes to. The senders listen: each queued
 * mail wakes them once its transaction has committed, so delivery does not wait for
 * the next poll. Every {@link MailCopies} service is asked who gets a copy of a mail;
 * each copy is a mail of its own, written in the same transaction.
 */
@Component(service = Outbox.class)
public class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Database database;
    private final MailStore store;
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();
    private final List<MailCopies> copies = new CopyOnWriteArrayList<>();

    @Activate
    public Outbox(@Reference Database database) {
        this.database = database;
        this.store = new MailStore(database);
    }

    /** Writes the mail in the caller's transaction, or in one of its own outside a transaction. */
    void queue(OutboxMail mail, boolean copies) {
        database.runInTransaction(connection -> {
            store.insert(mail);
            for (String copyTo : copies ? copyRecipients(mail.to()) : Set.<String>of()) {
                store.insert(OutboxMail.queued(Ids.newId("ml"), copyTo, mail.subject(),
                        "(Copy of a mail to " + mail.to() + ")\n\n" + mail.body(), mail.language(), mail.module(),
                        mail.createdAt()));
            }
            database.afterCommit(this::queued);
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMailCopies(MailCopies source) {
        copies.add(source);
    }

    void removeMailCopies(MailCopies source) {
        copies.remove(source);
    }

    /** Who gets a copy: valid addresses other than the recipient, each once. */
    private Set<String> copyRecipients(String to) {
        String recipient = to.toLowerCase(Locale.ROOT);
        Set<String> result = new LinkedHashSet<>();
        for (MailCopies source : copies) {
            Set<String> answered;
            try {
                answered = source.copiesFor(recipient);
            } catch (RuntimeException e) {
                // A copy is a courtesy: its source failing must not cost the original mail.
                LOG.warn("Copies of a mail to {} could not be asked for: {}", recipient, e.toString());
                continue;
            }
            for (String address : answered == null ? Set.<String>of() : answered) {
                try {
                    String checked = BundleMailer.checkedAddress(address).toLowerCase(Locale.ROOT);
                    if (!checked.equals(recipient)) {
                        result.add(checked);
                    }
                } catch (IllegalArgumentException e) {
                    LOG.warn("A copy of a mail to {} is not sent to an invalid address", recipient);
                }
            }
        }
        return result;
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    MailStore store() {
        return store;
    }

    private void queued() {
        listeners.forEach(Runnable::run);
    }
}
