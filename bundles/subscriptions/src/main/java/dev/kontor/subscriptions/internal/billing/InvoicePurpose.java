package dev.kontor.subscriptions.internal.billing;

import java.util.Arrays;
import java.util.Optional;

/** What an invoice is for. */
public enum InvoicePurpose {
    /** Created by staff, for anything. */
    MANUAL("manual"),
    /** The charge of a subscription's next term (S5), made by the renewal run or a manual renewal. */
    RENEWAL("renewal");

    private final String wire;

    InvoicePurpose(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static Optional<InvoicePurpose> ofWire(String wire) {
        return Arrays.stream(values()).filter(purpose -> purpose.wire.equals(wire)).findFirst();
    }
}
