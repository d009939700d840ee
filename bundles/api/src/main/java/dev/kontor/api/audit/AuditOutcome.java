package dev.kontor.api.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done. */
    SUCCESS,
    /** Refused for lack of permission. */
    DENIED,
    /** Attempted, but failed. */
    FAILED
}
