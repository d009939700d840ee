package dev.kontor.subscriptions.internal.subscription;

import dev.kontor.api.subscriptions.SubscribedService;
import java.util.List;

/**
 * {@code PATCH /api/v1/subscriptions/{id}} (S1): the fields to change; an absent (or
 * null) field stays as it is. {@code services} replaces the whole list ({@code []}
 * empties it). A price once set is changed, not removed.
 */
public record SubscriptionChange(String plan, String startsAt, String expiresAt, Price price,
        List<SubscribedService> services) {
}
