package dev.kontor.api.audit;

import dev.kontor.api.security.Caller;

/**
 * One entry for {@link AuditLog#recordAll}: what a caller did, as {@link AuditLog#record}
 * takes it.
 *
 * @param action namespaced verb, e.g. {@code clients.client.suspended}
 * @param target what it was done to, e.g. {@code client:cl_7f3a}
 * @param detail more for the reader, never secrets; may be null
 * @since 1.1
 */
public record AuditRecord(Caller actor, String action, String target, AuditOutcome outcome, String detail) {
}
