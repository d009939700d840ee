package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.mail.Mailer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real mailer, which can be told to fail once at one template: the outbox write
 * failing (or the panel dying) in the middle of a step's transaction, after the step's
 * hold or termination was written.
 */
final class CrashingMailer implements Mailer {

    private final Mailer mailer;
    private final AtomicReference<String> crashAt = new AtomicReference<>();

    CrashingMailer(Mailer mailer) {
        this.mailer = mailer;
    }

    /** The next mail of this template fails instead of being queued. */
    void crashOnce(String template) {
        crashAt.set(template);
    }

    @Override
    public String queue(String to, String template, Locale language, Map<String, String> values) {
        if (crashAt.compareAndSet(template, null)) {
            throw new IllegalStateException("simulated crash while queuing " + template);
        }
        return mailer.queue(to, template, language, values);
    }

    @Override
    public String queueText(String to, String subject, String body) {
        return mailer.queueText(to, subject, body);
    }
}
