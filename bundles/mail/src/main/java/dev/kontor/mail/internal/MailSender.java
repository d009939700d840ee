package dev.kontor.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox on one thread of its own: woken after each commit that queued a
 * mail, and every poll interval for retries that have come due. A new configuration
 * replaces the component, so its settings never change under it.
 */
@Component(configurationPid = MailConfiguration.PID)
@Designate(ocd = MailConfiguration.class)
public class MailSender {

    static final String THREAD_NAME = "kontor-mail-sender";
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 20;

    private final Outbox outbox;
    private final Delivery delivery;
    private final Duration stopWait;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(MailSender::newThread);
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Runnable wake = this::wake;
    private volatile boolean stopping;

    @Activate
    public MailSender(MailConfiguration configuration, @Reference Outbox outbox) {
        this(outbox, SenderSettings.of(configuration));
    }

    MailSender(Outbox outbox, SenderSettings settings) {
        this.outbox = outbox;
        this.delivery = new Delivery(outbox.store(), settings.smtp().map(SmtpTransport::new), settings.retry(),
                settings.sendingTimeout(), Clock.systemUTC());
        // A pass in progress ends after its current mail, which the SMTP timeouts bound.
        this.stopWait = settings.smtp().map(smtp -> smtp.connectTimeout().plus(smtp.readTimeout()).plusSeconds(5))
                .orElse(Duration.ofSeconds(5));
        outbox.addListener(wake);
        thread.scheduleWithFixedDelay(this::deliverDue, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Mail: {}", settings.smtp().map(smtp -> "delivering through " + smtp)
                .orElse("no SMTP server configured; mails are kept for the operator"));
    }

    /** Runs a delivery pass soon, unless one is already queued. */
    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakeQueued.set(false);
                    deliverDue();
                });
            } catch (RejectedExecutionException stopped) {
                // Stopping: the mail stays pending for the next start or another node.
            }
        }
    }

    private void deliverDue() {
        try {
            delivery.releaseStuck();
            List<String> due = delivery.due(BATCH);
            for (String id : due) {
                if (stopping) {
                    return;
                }
                delivery.deliver(id);
            }
            if (due.size() == BATCH) {
                wake();
            }
        } catch (RuntimeException e) {
            // Logged and swallowed: an exception would end the periodic schedule for good.
            LOG.error("Mail delivery pass failed; trying again at the next poll", e);
        }
    }

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, THREAD_NAME);
        // Whatever thread activates the component, this one never holds the JVM open on exit.
        thread.setDaemon(true);
        return thread;
    }

    /** Ends the thread; no interrupt, which could break a database write or an SMTP dialogue midway. */
    @Deactivate
    void stop() {
        stopping = true;
        outbox.removeListener(wake);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Mail sender thread still busy after {}; it ends when its SMTP call times out", stopWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
