package dev.kontor.examples.provisioner.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the example provisioner, PID {@code dev.kontor.examples.provisioner}. */
@ObjectClassDefinition(name = "Kontor example provisioner", description = "Where the web server's site table is written.")
public @interface WebServerConfiguration {

    String PID = "dev.kontor.examples.provisioner";

    @AttributeDefinition(description = "The site table the web server reads. Empty: provisioner/webserver.conf in the "
            + "panel's data folder (framework property kontor.data).")
    String output_file() default "";
}
