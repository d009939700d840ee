package dev.kontor.clients.internal.reseller;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of reseller onboarding, PID {@code dev.kontor.clients.resellers} (etc/dev.kontor.clients.resellers.cfg). */
@ObjectClassDefinition(name = "Kontor resellers", description = "Reseller applications (C9).")
public @interface ResellerSettings {

    String PID = "dev.kontor.clients.resellers";

    @AttributeDefinition(description = "Where a new reseller application is announced, e.g. sales@example.com. Empty: "
            + "nowhere; the operator finds applications under Resellers.")
    String reseller_review_address() default "";
}
