package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscribedService;
import java.util.List;

/**
 * {@code POST /api/v1/subscriptions} (S1).
 *
 * @param clientId the client it belongs to, one the caller manages
 * @param startsAt first day of the term, {@code YYYY-MM-DD}; today when absent
 * @param expiresAt last day of the term, {@code YYYY-MM-DD}; today or later
 * @param price optional
 * @param services optional: domains, websites, mailboxes
 * @param autoRenew optional, off by default; cannot be on within {@link AutoRenewal#DAYS_BEFORE_EXPIRY} days of expiry (S5)
 */
public record NewSubscription(String clientId, String plan, String startsAt, String expiresAt, Price price,
        List<SubscribedService> services, Boolean autoRenew) {
}
