package dev.kontor.host.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the host panel, PID {@value #PID}: {@code etc/dev.kontor.host.cfg}. */
@ObjectClassDefinition(name = "Kontor host panel", description = "Sessions and the data folder of the host panel.")
public @interface HostConfiguration {

    String PID = "dev.kontor.host";


    @AttributeDefinition(name = "Session idle time (minutes)",
            description = "A browser session ends after this long without a request.", min = "1")
    int session_idle_minutes() default 30;
}
