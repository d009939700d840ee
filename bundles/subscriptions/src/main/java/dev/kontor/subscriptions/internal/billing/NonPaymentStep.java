package dev.kontor.subscriptions.internal.billing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps the non-payment run takes for an overdue invoice (S4), in this order, each
 * once: the client is notified before the suspension and before the termination, and
 * told when either happened. Each step sends its mail (template {@link #template()}).
 */
public enum NonPaymentStep {
    SUSPENSION_NOTICE("suspension_notice", "invoice-suspension-notice"),
    SUSPENSION("suspension", "invoice-suspended"),
    TERMINATION_NOTICE("termination_notice", "invoice-termination-notice"),
    TERMINATION("termination", "invoice-terminated");

    private final String wire;
    private final String template;

    NonPaymentStep(String wire, String template) {
        this.wire = wire;
        this.template = template;
    }

    /** The step as the API and the database write it. */
    public String wire() {
        return wire;
    }

    /** The mail template the step sends to the client. */
    public String template() {
        return template;
    }

    static Optional<NonPaymentStep> ofWire(String wire) {
        return Arrays.stream(values()).filter(step -> step.wire.equals(wire)).findFirst();
    }
}
