package dev.kontor.modules.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of module management, PID {@value #PID}: {@code etc/dev.kontor.modules.cfg}. */
@ObjectClassDefinition(name = "Kontor module management", description = "What the operator's modules page may do beyond switching and removing modules.")
public @interface ModulesConfiguration {

    String PID = "dev.kontor.modules";

    @AttributeDefinition(name = "Upload", description = "Whether operators may upload module jars through "
            + "POST /api/v1/module-uploads. Off: modules are installed by copying their jar into deploy/.")
    boolean upload_enabled() default false;

    @AttributeDefinition(name = "Upload folder", description = "The folder the panel watches for module jars; "
            + "uploads are written there. Empty: deploy/ under the panel's home (kontor.home), or under karaf.base in Karaf.")
    String upload_folder() default "";

    @AttributeDefinition(name = "Largest upload (MiB)", min = "1")
    int upload_max_mebibytes() default 50;
}
