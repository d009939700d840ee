package dev.kontor.clients.internal.reseller;

/** A body with a reason only: rejecting an application (required), suspending a reseller (optional). */
public record Reason(String reason) {
}
