package dev.kontor.subscriptions.internal.billing;

import java.util.Arrays;
import java.util.Optional;

/** Where an invoice stands (S4): open until it is paid or cancelled; both are final. */
public enum InvoiceState {
    OPEN("open"),
    PAID("paid"),
    CANCELLED("cancelled");

    static final String CHOICES = "open, paid or cancelled";

    private final String wire;

    InvoiceState(String wire) {
        this.wire = wire;
    }

    /** The state as the API and the database write it. */
    public String wire() {
        return wire;
    }

    static Optional<InvoiceState> ofWire(String wire) {
        return Arrays.stream(values()).filter(state -> state.wire.equals(wire)).findFirst();
    }
}
