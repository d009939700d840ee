package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.rest.ProblemException;
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

    /**
     * The refusal of switching it on for a subscription that exists: 409
     * {@code auto-renew-too-late}, the same for a change of one subscription and for each
     * of a bulk action's.
     */
    public static ProblemException tooLate(LocalDate expiresOn) {
        return new ProblemException(409, "auto-renew-too-late", "The subscription expires on " + expiresOn + ", fewer than "
                + DAYS_BEFORE_EXPIRY + " days away: renew manually first.");
    }

    /** Why it cannot, in the caller's terms. */
    public static String whyNot(LocalDate expiresOn) {
        return "cannot be switched on fewer than " + DAYS_BEFORE_EXPIRY + " days before expiry (" + expiresOn
                + "): renew manually first";
    }
}
