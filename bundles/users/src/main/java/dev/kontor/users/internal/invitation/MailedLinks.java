package dev.kontor.users.internal.invitation;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.users.internal.UsersConfiguration;
import dev.kontor.users.internal.login.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;

/**
 * What the links this module mails have in common (U9): they point into the panel's
 * users pages, carry their token after {@code #} (a fragment never reaches a server
 * log or a Referer header), and work for the configured number of hours.
 *
 * @param panelUrl the panel's address as users reach it, without a trailing slash
 */
public record MailedLinks(String panelUrl, Duration validity, Clock clock) {

    /** The framework property Felix HTTP listens on, when no panel address is configured. */
    static final String HTTP_PORT_PROPERTY = "org.osgi.service.http.port";
    private static final int DEFAULT_PORT = 8080;
    private static final int MAX_TOKEN = 200;

    public MailedLinks {
        panelUrl = panelUrl.strip().replaceAll("/+$", "");
    }

    public static MailedLinks of(UsersConfiguration configuration, BundleContext context) {
        String configured = configuration.panel_url() == null ? "" : configuration.panel_url().strip();
        String panelUrl = configured.isEmpty() ? "http://127.0.0.1:" + port(context.getProperty(HTTP_PORT_PROPERTY)) : configured;
        return new MailedLinks(panelUrl, Duration.ofHours(Math.max(1, configuration.invitation_validity_hours())),
                Clock.systemUTC());
    }

    static int port(String property) {
        try {
            int port = property == null ? DEFAULT_PORT : Integer.parseInt(property.strip());
            return port > 0 && port < 65536 ? port : DEFAULT_PORT;
        } catch (NumberFormatException e) {
            return DEFAULT_PORT;
        }
    }

    /** The link to a page of the users module, e.g. {@code accept.html}, with the token. */
    public String to(String page, String token) {
        return panelUrl + "/modules/users/" + page + "#token=" + token;
    }

    /**
     * What is stored of a link's token: its SHA-256. A value that cannot be a token of ours
     * answers like an unknown link.
     *
     * @throws ValidationException naming {@code token} when there is none
     */
    public static String tokenHash(String token, Supplier<? extends RuntimeException> unknown) {
        if (token == null || token.isBlank()) {
            throw new ValidationException("token", "required");
        }
        if (token.length() > MAX_TOKEN) {
            throw unknown.get();
        }
        return Secrets.hashOf(token.strip());
    }

    /** Now, to the microsecond: what the database keeps, so an answer shows the times a later read shows. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** When a link issued now stops working. */
    public Instant expiryFromNow() {
        return now().plus(validity);
    }

    /** The validity as the mails state it. */
    public String hours() {
        return Long.toString(validity.toHours());
    }
}
