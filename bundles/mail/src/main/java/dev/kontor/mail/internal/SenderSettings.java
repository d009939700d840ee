package dev.kontor.mail.internal;

import java.time.Duration;
import java.util.Optional;

/** The sender's settings in Java terms; tests set them in milliseconds. */
record SenderSettings(Optional<SmtpSettings> smtp, RetryPolicy retry, Duration pollInterval, Duration sendingTimeout) {

    static SenderSettings of(MailConfiguration configuration) {
        String host = configuration.smtp_host().trim();
        Optional<SmtpSettings> smtp = host.isEmpty() ? Optional.empty()
                : Optional.of(new SmtpSettings(host, configuration.smtp_port(), configuration.smtp_username().trim(),
                        configuration.smtp_password(), configuration.from().trim(), configuration.smtp_starttls_required(),
                        Duration.ofSeconds(configuration.smtp_connect_timeout_seconds()),
                        Duration.ofSeconds(configuration.smtp_read_timeout_seconds())));
        return new SenderSettings(smtp,
                new RetryPolicy(configuration.max_attempts(), Duration.ofSeconds(configuration.retry_base_seconds()),
                        Duration.ofSeconds(configuration.retry_max_seconds())),
                Duration.ofSeconds(configuration.poll_interval_seconds()),
                Duration.ofSeconds(configuration.sending_timeout_seconds()));
    }
}
