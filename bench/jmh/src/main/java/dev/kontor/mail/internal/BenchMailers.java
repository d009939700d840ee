package dev.kontor.mail.internal;

/**
 * The mail bundle's real mailer for a module benchmarked without a framework: templates
 * from the benchmark jar (where every module's {@code mail/} folder is merged), mails into
 * the real outbox. The mailer's constructor is the mail bundle's own, hence this package.
 */
public final class BenchMailers {

    private BenchMailers() {
    }

    public static BundleMailer of(Outbox outbox, String module) {
        return new BundleMailer(outbox, module, new MailTemplates(BenchMailers.class.getClassLoader()::getResource));
    }
}
