package dev.kontor.subscriptions.internal.subscription;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a subscription is held (S2), declared in precedence order: when several holds are
 * in force, the client is shown the first of these (abuse before non-payment before the
 * operator's, and so on down to the client's own).
 */
public enum HoldReason {
    ABUSE("abuse"),
    NON_PAYMENT("non_payment"),
    OPERATOR("operator"),
    RESELLER("reseller"),
    CASCADE_RESELLER("cascade_reseller"),
    CASCADE_CLIENT("cascade_client"),
    EXPIRED("expired"),
    CUSTOMER("customer");

    /** What a request may name; the cascade reasons are the system's alone. */
    static final String PLACEABLE = "abuse, operator, reseller, non_payment, expired or customer";

    private final String wire;

    HoldReason(String wire) {
        this.wire = wire;
    }

    /** The reason as the API and the database write it. */
    public String wire() {
        return wire;
    }

    /** The reason a wire name stands for, if any. */
    public static Optional<HoldReason> ofWire(String wire) {
        return Arrays.stream(values()).filter(reason -> reason.wire.equals(wire)).findFirst();
    }

    /** Whether only the system places it: a cascade from a suspended client or reseller. */
    public boolean cascade() {
        return this == CASCADE_CLIENT || this == CASCADE_RESELLER;
    }
}
