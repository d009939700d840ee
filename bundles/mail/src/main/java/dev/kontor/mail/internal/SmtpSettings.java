package dev.kontor.mail.internal;

import java.time.Duration;

/** Where and how to reach the mail server. */
record SmtpSettings(String host, int port, String username, String password, String from, boolean starttlsRequired,
        Duration connectTimeout, Duration readTimeout) {

    boolean login() {
        return !username.isBlank();
    }

    /** Without the password: settings end up in log lines and exception messages. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (login() ? ", user " + username : "") + ", from " + from
                + ", STARTTLS " + (starttlsRequired ? "required" : "optional") + "]";
    }
}
