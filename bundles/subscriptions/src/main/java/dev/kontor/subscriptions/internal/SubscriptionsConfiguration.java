package dev.kontor.subscriptions.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the subscriptions module, PID {@code dev.kontor.subscriptions} (etc/dev.kontor.subscriptions.cfg). */
@ObjectClassDefinition(name = "Kontor subscriptions", description = "Subscriptions and their suspension holds.")
public @interface SubscriptionsConfiguration {

    String PID = "dev.kontor.subscriptions";

    @AttributeDefinition(description = "How often holds past their expiry are recorded as lapsed, in seconds. "
            + "A hold stops counting at its expiry; until the sweep records it, the subscription may still show suspended.")
    int hold_sweep_seconds() default 60;
}
