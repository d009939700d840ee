package dev.kontor.mail.internal;

import dev.kontor.api.storage.Database;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox every module's {@code Mailer} writes to. The senders listen: each queued
 * mail wakes them once its transaction has committed, so delivery does not wait for
 * the next poll.
 */
@Component(service = Outbox.class)
public class Outbox {

    private final Database database;
    private final MailStore store;
    private final Set<Runnable> listeners = new CopyOnWriteArraySet<>();

    @Activate
    public Outbox(@Reference Database database) {
        this.database = database;
        this.store = new MailStore(database);
    }

    /** Writes the mail in the caller's transaction, or in one of its own outside a transaction. */
    void queue(OutboxMail mail) {
        database.runInTransaction(connection -> {
            store.insert(mail);
            database.afterCommit(this::queued);
        });
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
