package dev.kontor.users.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the users module, PID {@code dev.kontor.users} (etc/dev.kontor.users.cfg). */
@ObjectClassDefinition(name = "Kontor users and roles", description = "Invitations, support access, tokens, sessions.")
public @interface UsersConfiguration {

    String PID = "dev.kontor.users";

    @AttributeDefinition(description = "How long an invitation link or an e-mail confirmation link stays valid, in hours (U9).")
    int invitation_validity_hours() default 48;

    @AttributeDefinition(description = "How long a support grant lasts unless revoked earlier, in days (U11).")
    int support_access_days() default 7;

    @AttributeDefinition(description = "Longest lifetime of a personal API token, in days.")
    int token_max_days() default 365;

    @AttributeDefinition(description = "Lifetime of an access token issued to an OAuth client, in minutes.")
    int oauth_token_minutes() default 60;

    @AttributeDefinition(description = "Shortest password accepted for a new login.")
    int password_min_length() default 10;

    @AttributeDefinition(description = "How long a login's computed access may be reused, in milliseconds. Changes made on "
            + "this node take effect at once; on several nodes a change made elsewhere takes effect after this long.")
    long access_cache_millis() default 2000;

    @AttributeDefinition(description = "The panel's address as users reach it, for links in mails, e.g. "
            + "https://panel.example.com. Empty: http://127.0.0.1 with the panel's HTTP port.")
    String panel_url() default "";
}
