package dev.kontor.mail.internal;

/**
 * The mail bundle's real mailer for a module tested or benchmarked without a framework:
 * its templates come from the class path, where the module's {@code mail/} folder is (a
 * module's {@code src/main/resources}, or the benchmark jar that merges them all); what
 * it queues lands in the real outbox. In this package because the mailer's constructor
 * is the mail bundle's own; published in this module's test-jar.
 */
public final class ModuleMailers {

    private ModuleMailers() {
    }

    public static BundleMailer of(Outbox outbox, String module) {
        return new BundleMailer(outbox, module, templates());
    }

    /** The templates on the class path. */
    static MailTemplates templates() {
        return new MailTemplates(ModuleMailers.class.getClassLoader()::getResource);
    }
}
