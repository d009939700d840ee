package dev.kontor.api.mail;

import java.util.Locale;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Queues mails of one module. The service is bundle-scoped: each module bundle gets its
 * own instance, which reads templates from that bundle and records the module as the
 * sender of the mails. Get it like any service, e.g. {@code @Reference Mailer mailer}.
 *
 * <h2>Transactions and delivery</h2>
 * Queuing writes the mail into the panel's outbox. Inside a transaction of
 * {@link dev.kontor.api.storage.Database} the write joins it: the mail is delivered
 * only once that transaction committed, and a change that rolls back sends nothing.
 * Outside a transaction the mail is written in a transaction of its own and delivered
 * right after. Delivery runs in the background, never in the caller's thread, so
 * queuing is as fast as one insert and does not fail when the mail server is down.
 *
 * <p>The panel retries a mail the server did not accept, with growing pauses, up to a
 * number of attempts the operator configures; then the mail is marked failed. Delivery
 * is at least once: a panel node that stops in the middle of handing a mail to the
 * server may have it sent again later. When the operator configured no mail server
 * (the embedded default), mails are not sent but kept; the operator reads them in the
 * panel ({@code GET /api/v1/mail}). Either way the operator can read every mail: send
 * links that expire, never passwords.
 *
 * <h2>Templates</h2>
 * A template is a UTF-8 text file in the module's bundle at
 * {@code mail/<name>.<language>.txt} (source folder {@code src/main/resources/mail/}),
 * one per language: {@code en} is required, {@code de} and others are optional and
 * used when the recipient's language asks for them. The first line is
 * {@code Subject: <subject>}; an empty line may follow; the rest is the body:
 *
 * <pre>
 * Subject: Welcome to {{organization}}
 *
 * Hello {{name}},
 *
 * your account at {{organization}} is ready.
 * </pre>
 *
 * A line {@code Copies: none} right after the subject line marks a mail that carries a
 * secret, such as a link that confirms or signs in: no {@link MailCopies} copy of it is
 * made. Mark every template whose link acts on the recipient's behalf.
 *
 * Placeholders {@code {{key}}} (letters, digits, {@code _ . -}) are replaced by the
 * value of that key; every placeholder needs a value. Values are plain text and are
 * inserted as they are: mails are {@code text/plain} in UTF-8, nothing is interpreted
 * as HTML. Line breaks in values are turned into spaces in the subject.
 *
 * <h2>Example</h2>
 * <pre>
 * database.runInTransaction(connection -&gt; {
 *     String id = createInvitation(connection, email);
 *     mailer.queue(email, "invitation", caller.locale(), Map.of("link", linkTo(id)));
 * });
 * </pre>
 */
@ProviderType
public interface Mailer {

    /** The language every template exists in, used when the asked one is missing. */
    String DEFAULT_LANGUAGE = "en";

    /**
     * Queues a mail made from a template of the calling module's bundle.
     *
     * @param to the recipient's address, e.g. {@code alice@example.com}
     * @param template the template's name: lower case letters, digits, {@code -} and
     *        {@code _}, e.g. {@code invitation} for {@code mail/invitation.en.txt}
     * @param language the recipient's language (only its language code counts); null or
     *        a language without a template falls back to {@value #DEFAULT_LANGUAGE}
     * @param values the value of each placeholder of the template
     * @return the id of the mail in the outbox, e.g. {@code ml_0193a1b2c3d4e5f60718293a4b5c}
     * @throws IllegalArgumentException when the address is not one valid address, the
     *         template does not exist, a placeholder has no value, or the filled-in
     *         template is too long (1000 characters subject, 100000 body)
     * @throws dev.kontor.api.storage.StorageException when the outbox cannot be written;
     *         the surrounding transaction is then rolled back
     */
    String queue(String to, String template, Locale language, Map<String, String> values);

    /**
     * Queues a mail whose subject and body are ready, e.g. written by a person.
     *
     * @param to the recipient's address
     * @param subject one line of plain text; line breaks are turned into spaces
     * @param body plain text
     * @return the id of the mail in the outbox
     * @throws IllegalArgumentException when the address is not one valid address, or
     *         subject or body are empty or too long (1000 characters subject, 100000 body)
     * @throws dev.kontor.api.storage.StorageException when the outbox cannot be written
     */
    String queueText(String to, String subject, String body);
}
