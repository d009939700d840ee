package dev.kontor.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of mail delivery, PID {@value #PID}: {@code etc/dev.kontor.mail.cfg}. */
@ObjectClassDefinition(name = "Kontor mail", description = "How the panel delivers mail. Without an SMTP host mails are "
        + "not sent but kept, and the operator reads them in the panel.")
public @interface MailConfiguration {

    String PID = "dev.kontor.mail";

    @AttributeDefinition(name = "SMTP host", description = "The mail server, e.g. smtp.example.com; empty: keep mails in the panel instead of sending them.")
    String smtp_host() default "";

    @AttributeDefinition(name = "SMTP port", description = "587 for submission with STARTTLS, 25 for plain SMTP.", min = "1", max = "65535")
    int smtp_port() default 587;

    @AttributeDefinition(name = "SMTP user", description = "Login at the mail server; empty: send without login.")
    String smtp_username() default "";

    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD, description = "Password of the SMTP user. Never logged.")
    String smtp_password() default "";

    @AttributeDefinition(name = "STARTTLS required", description = "Switch to TLS (STARTTLS) and refuse to send unless the server's certificate is valid for the host. "
            + "Off: plain SMTP, only for a relay on the same host or network.")
    boolean smtp_starttls_required() default true;

    @AttributeDefinition(name = "Connect timeout (seconds)", min = "1")
    int smtp_connect_timeout_seconds() default 10;

    @AttributeDefinition(name = "Read timeout (seconds)", description = "How long to wait for each answer of the mail server.", min = "1")
    int smtp_read_timeout_seconds() default 30;

    @AttributeDefinition(name = "From", description = "Sender of every mail, e.g. Example Hosting <noreply@example.com>.")
    String from() default "Kontor <kontor@localhost>";

    @AttributeDefinition(name = "Attempts", description = "How often to try a mail before it is marked failed.", min = "1")
    int max_attempts() default 8;

    @AttributeDefinition(name = "First retry after (seconds)", description = "Pause after the first failed attempt; it doubles with each further one.", min = "1")
    int retry_base_seconds() default 30;

    @AttributeDefinition(name = "Longest pause between attempts (seconds)", min = "1")
    int retry_max_seconds() default 3600;

    @AttributeDefinition(name = "Poll interval (seconds)", description = "How often to look for mails due for another attempt.", min = "1")
    int poll_interval_seconds() default 5;

    @AttributeDefinition(name = "Sending timeout (seconds)", description = "A mail still marked as being sent after this long "
            + "(its panel node stopped while sending) is tried again. Keep it well above the SMTP timeouts.", min = "60")
    int sending_timeout_seconds() default 600;
}
