package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.rest.ValidationException;
import java.util.Locale;
import java.util.Optional;

/** Where the delivery of a subscription to one provisioner stands (S3). */
public enum DeliveryState {
    /** The provisioner is owed a newer revision than it has taken, and has not failed often yet. */
    PENDING,
    /** The provisioner has taken the subscription's latest revision. */
    DELIVERED,
    /** The configured number of attempts failed; retries go on at the longest pause until one succeeds. */
    FAILING;

    /** The state as the API writes it: {@code pending}, {@code delivered}, {@code failing}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state a {@code state} parameter names; empty when none is given.
     *
     * @throws ValidationException naming {@code state} for anything else
     */
    static Optional<DeliveryState> ofWire(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (DeliveryState state : values()) {
            if (state.wire().equals(value.strip())) {
                return Optional.of(state);
            }
        }
        throw new ValidationException("state", "pending, delivered or failing");
    }
}
