package dev.kontor.storage.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the database, PID {@value #PID}: {@code etc/dev.kontor.storage.cfg}. */
@ObjectClassDefinition(name = "Kontor storage", description = "The panel's database. Empty URL: embedded H2 in the data folder.")
public @interface StorageConfiguration {

    String PID = "dev.kontor.storage";

    @AttributeDefinition(name = "JDBC URL", description = "jdbc:postgresql://host:5432/kontor for PostgreSQL; empty for the embedded H2 database under <data>/db.")
    String url() default "";

    @AttributeDefinition(name = "User", description = "Database user (PostgreSQL).")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "Database password (PostgreSQL). Never logged.")
    String password() default "";

    @AttributeDefinition(name = "Pool size", description = "Most connections the panel keeps open.", min = "1", max = "200")
    int pool_size() default 10;
}
