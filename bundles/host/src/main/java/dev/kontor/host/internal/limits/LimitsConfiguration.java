package dev.kontor.host.internal.limits;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Request limits of the panel, PID {@value #PID}: {@code etc/dev.kontor.host.limits.cfg}. */
@ObjectClassDefinition(name = "Kontor request limits", description = "Rate limits and request size limits of the REST API.")
public @interface LimitsConfiguration {

    String PID = "dev.kontor.host.limits";

    @AttributeDefinition(name = "Requests per minute per source address",
            description = "All REST requests from one address; past it the panel answers 429.", min = "1")
    int requests_per_minute_per_address() default 600;

    @AttributeDefinition(name = "Requests per minute per API token",
            description = "All REST requests made with one API token (U13).", min = "1")
    int requests_per_minute_per_token() default 60;

    @AttributeDefinition(name = "Login attempts per minute per source address", min = "1")
    int login_attempts_per_minute_per_address() default 10;

    @AttributeDefinition(name = "Login attempts per minute per username", min = "1")
    int login_attempts_per_minute_per_username() default 5;

    @AttributeDefinition(name = "Largest request body (bytes)", description = "Larger bodies are answered with 413.", min = "1024")
    int max_request_bytes() default 1_048_576;
}
