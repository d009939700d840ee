package dev.kontor.mail.internal;

import dev.kontor.api.mail.Mailer;
import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.storage.Ids;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** The {@link Mailer} of one module bundle: its templates, its name on the mails. */
@Component(service = Mailer.class, scope = ServiceScope.BUNDLE)
public class BundleMailer implements Mailer {

    static final int MAX_SUBJECT = 1000;
    static final int MAX_BODY = 100_000;
    private static final int MAX_ADDRESS = 320;

    private final Outbox outbox;
    private final String module;
    private final MailTemplates templates;

    @Activate
    public BundleMailer(ComponentContext context, @Reference Outbox outbox) {
        this(outbox, moduleOf(context.getUsingBundle()), new MailTemplates(context.getUsingBundle()::getEntry));
    }

    BundleMailer(Outbox outbox, String module, MailTemplates templates) {
        this.outbox = outbox;
        this.module = module;
        this.templates = templates;
    }

    @Override
    public String queue(String to, String template, Locale language, Map<String, String> values) {
        MailTemplates.Filled mail = templates.fill(template, language, values);
        return enqueue(to, mail.subject(), mail.body(), mail.language(), mail.copies());
    }

    @Override
    public String queueText(String to, String subject, String body) {
        return enqueue(to, subject, body, null, true);
    }

    private String enqueue(String to, String subject, String body, String language, boolean copies) {
        String recipient = checkedAddress(to);
        String line = oneLine(subject);
        if (line.isBlank() || line.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("A mail subject needs 1 to " + MAX_SUBJECT + " characters");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("A mail body needs 1 to " + MAX_BODY + " characters");
        }
        OutboxMail mail = OutboxMail.queued(Ids.newId("ml"), recipient, line, body, language, module, Instant.now());
        outbox.queue(mail, copies);
        return mail.id();
    }

    /** The address as given, if it is exactly one valid address. */
    static String checkedAddress(String to) {
        String address = to == null ? "" : to.trim();
        try {
            if (address.isEmpty() || address.length() > MAX_ADDRESS || address.chars().anyMatch(Character::isISOControl)) {
                throw new AddressException("empty, too long or with control characters");
            }
            new InternetAddress(address, true).validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not one valid mail address: " + e.getMessage());
        }
    }

    /** Line breaks would end the Subject header; a subject is one line. */
    static String oneLine(String subject) {
        return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").trim();
    }

    private static String moduleOf(Bundle bundle) {
        String id = bundle.getHeaders("").get(ModuleLayout.HEADER);
        return id == null || id.isBlank() ? bundle.getSymbolicName() : id.trim();
    }
}
