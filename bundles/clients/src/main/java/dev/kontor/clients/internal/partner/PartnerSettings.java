package dev.kontor.clients.internal.partner;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of partner access, PID {@code dev.kontor.clients.partner} (etc/dev.kontor.clients.partner.cfg). */
@ObjectClassDefinition(name = "Kontor partner access", description = "Partner access requests to clients (C7).")
public @interface PartnerSettings {

    String PID = "dev.kontor.clients.partner";

    @AttributeDefinition(description = "How long a partner's access request waits for the client's answer, in days.")
    int request_validity_days() default 14;

    @AttributeDefinition(description = "The panel's address as users reach it, for the links in the mails of partner "
            + "access, e.g. https://panel.example.com. Empty: http://127.0.0.1 with the panel's HTTP port.")
    String panel_url() default "";
}
