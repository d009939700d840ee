package dev.kontor.subscriptions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the subscriptions module, PID {@code dev.kontor.subscriptions} (etc/dev.kontor.subscriptions.cfg). */
@ObjectClassDefinition(name = "Kontor subscriptions", description = "Subscriptions, their suspension holds, their "
        + "provisioning, invoices and the billing run.")
public @interface SubscriptionsConfiguration {

    String PID = "dev.kontor.subscriptions";

    @AttributeDefinition(description = "How often holds past their expiry are recorded as lapsed, in seconds. "
            + "A hold stops counting at its expiry; until the sweep records it, the subscription may still show suspended.")
    int hold_sweep_seconds() default 60;

    @AttributeDefinition(description = "Failed attempts to deliver a subscription's state to a provisioner (S3) before the "
            + "subscription shows that provisioner as failing. Retries go on at the longest pause until one succeeds.")
    int provisioning_attempts_before_failing() default 5;

    @AttributeDefinition(description = "Pause after the first failed delivery to a provisioner, in seconds; it doubles with "
            + "every further failure, up to the longest pause.")
    int provisioning_base_pause_seconds() default 10;

    @AttributeDefinition(description = "Longest pause between two delivery attempts, in seconds.")
    int provisioning_max_pause_seconds() default 900;

    @AttributeDefinition(description = "How often each provisioner's delivery looks for due work on its own, in seconds; "
            + "a committed change of state wakes it at once.")
    int provisioning_poll_seconds() default 30;

    @AttributeDefinition(description = "How long a panel node keeps one delivery to itself, in seconds: another node takes "
            + "it over only when this ran out (the node stopped). A provisioner's call should end well within it.")
    int provisioning_lease_seconds() default 300;

    @AttributeDefinition(description = "How often the billing run takes its steps (renewal invoices, expiry, "
            + "non-payment notices, suspension and termination), in seconds. Its dates are days (UTC): running it more "
            + "often than hourly changes little.")
    int automation_interval_seconds() default 3600;

    @AttributeDefinition(description = "How many steps of the billing run (of different invoices or subscriptions) run at "
            + "once, each in its own transaction, 1 to 8. Each takes a database connection while it runs.")
    int automation_workers() default 2;

    @AttributeDefinition(description = "Days after an invoice's due date before its subscription is suspended for "
            + "non-payment (S4).")
    int grace_days() default 14;

    @AttributeDefinition(description = "Days after the suspension for non-payment before the subscription is "
            + "terminated, unless the invoice is paid or cancelled first (S4).")
    int termination_days() default 30;

    @AttributeDefinition(description = "How many days before the suspension and before the termination the client "
            + "is notified (S4); a step never comes sooner than this after its notice.")
    int notice_days() default 3;
}
