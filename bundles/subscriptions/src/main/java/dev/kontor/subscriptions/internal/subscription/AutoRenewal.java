package dev.kontor.subscriptions.internal.subscription;

import java.time.LocalDate;

/** The rule of S5 that every way of switching auto-renewal on shares. */
public final class AutoRenewal {

    /** The first charge attempt is made this many days before expiry; later, auto-renewal cannot be switched on. */
    public static final int DAYS_BEFORE_EXPIRY = 14;

    private AutoRenewal() {
    }

    /** Whether auto-renewal may be switched on today for a term ending on that day. */
    public static boolean canSwitchOn(LocalDate expiresOn, LocalDate today) {
        return !today.plusDays(DAYS_BEFORE_EXPIRY).isAfter(expiresOn);
    }

    /** Why it cannot, in the caller's terms. */
    public static String whyNot(LocalDate expiresOn) {
        return "cannot be switched on fewer than " + DAYS_BEFORE_EXPIRY + " days before expiry (" + expiresOn
                + "): renew manually first";
    }
}
