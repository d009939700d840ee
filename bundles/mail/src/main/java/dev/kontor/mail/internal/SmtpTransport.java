package dev.kontor.mail.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends over SMTP with Jakarta Mail (Angus). Inside OSGi, Jakarta Mail finds its
 * implementation through the thread's context class loader, which there belongs to
 * whoever started the thread; every call therefore runs with the class loader of the
 * Angus bundle, which sees Angus' own service files. The transport is created directly
 * for the same reason, instead of being looked up by protocol name.
 */
final class SmtpTransport implements MailTransport {

    private final SmtpSettings settings;
    private final InternetAddress from;
    private final Session session;

    /** @throws IllegalArgumentException when the sender address is not valid */
    SmtpTransport(SmtpSettings settings) {
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("The configured sender (from) is not a valid mail address: " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.login()));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.starttlsRequired()));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttlsRequired()));
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        this.session = withMailClassLoader(() -> Session.getInstance(properties));
    }

    @Override
    public void send(OutboxMail mail) throws MessagingException {
        withMailClassLoader(() -> {
            MimeMessage message = message(mail);
            try (Transport transport = new SMTPTransport(session, null)) {
                transport.connect(settings.host(), settings.port(), settings.login() ? settings.username() : null,
                        settings.login() ? settings.password() : null);
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException e) {
                throw refusedForGood(e) ? new MailRejectedException(e) : e;
            }
            return null;
        });
    }

    /** Whether the server answered the recipient or the content with a permanent (5xx) error. */
    static boolean refusedForGood(MessagingException failure) {
        for (Exception next = failure; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            int code = next instanceof SMTPAddressFailedException address ? address.getReturnCode()
                    : next instanceof SMTPSendFailedException send ? send.getReturnCode() : 0;
            if (code >= 500) {
                return true;
            }
        }
        return false;
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.language() != null) {
            message.setHeader("Content-Language", mail.language());
        }
        // A data source rather than setText: a text object needs a text/plain handler from
        // Jakarta Activation's mailcap registry (more bundles, more service lookups); bytes need none.
        message.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.body().getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8")));
        message.saveChanges();
        return message;
    }

    private static <T, E extends Exception> T withMailClassLoader(MailWork<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface MailWork<T, E extends Exception> {
        T run() throws E;
    }
}
