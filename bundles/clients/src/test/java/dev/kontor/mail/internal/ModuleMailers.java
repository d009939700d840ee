package dev.kontor.mail.internal;

/**
 * The mail bundle's real mailer for a module under test without a framework: its
 * templates come from the test's class path, where the module's
 * {@code src/main/resources/mail/} is; what it queues lands in the real outbox.
 */
public final class ModuleMailers {

    private ModuleMailers() {
    }

    public static BundleMailer of(Outbox outbox, String module) {
        return new BundleMailer(outbox, module, new MailTemplates(ModuleMailers.class.getClassLoader()::getResource));
    }
}
