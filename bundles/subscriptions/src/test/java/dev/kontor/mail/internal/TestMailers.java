package dev.kontor.mail.internal;

/**
 * The mail bundle's real mailer for this module's tests without a framework: templates
 * from the test's class path (where {@code src/main/resources/mail/} is), mails into the
 * real outbox. The mailer's constructor is the mail bundle's own, hence this package.
 */
public final class TestMailers {

    private TestMailers() {
    }

    public static BundleMailer of(Outbox outbox, String module) {
        return new BundleMailer(outbox, module, new MailTemplates(TestMailers.class.getClassLoader()::getResource));
    }
}
