package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscribedService;
import java.util.List;

/**
 * {@code PATCH /api/v1/subscriptions/{id}} (S1): the fields to change; an absent (or
 * null) field stays as it is. {@code services} replaces the whole list ({@code []}
 * empties it). A price once set is changed, not removed.
 *
 * @param autoRenew switches auto-renewal on or off (S5): needs {@code subscriptions.renew}
 *        rather than {@code subscriptions.manage}, and cannot be switched on fewer than
 *        {@value AutoRenewal#DAYS_BEFORE_EXPIRY} days before expiry
 */
public record SubscriptionChange(String plan, String startsAt, String expiresAt, Price price,
        List<SubscribedService> services, Boolean autoRenew) {

    /** A change of plan, term, price or services only. */
    public SubscriptionChange(String plan, String startsAt, String expiresAt, Price price, List<SubscribedService> services) {
        this(plan, startsAt, expiresAt, price, services, null);
    }

    /** Whether it changes more than auto-renewal: the staff's work of {@code subscriptions.manage}. */
    boolean changesTerms() {
        return plan != null || startsAt != null || expiresAt != null || price != null || services != null;
    }
}
