package dev.kontor.clients.internal.reseller;

import java.time.Instant;

/**
 * A reseller as the operator sees it (C9).
 *
 * @param id the reseller's organization id: what {@code reseller_id} of its clients says
 * @param name its organization's name; null when its account is gone
 * @param state {@code active} or {@code suspended}
 * @param suspensionReason why the operator suspended it; null when active or none was given
 * @param since when the operator approved it
 * @param clients how many clients it has
 */
public record Reseller(String id, String name, String state, String suspensionReason, Instant since, long clients) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    public boolean suspended() {
        return SUSPENDED.equals(state);
    }

    Reseller named(String organizationName) {
        return new Reseller(id, organizationName, state, suspensionReason, since, clients);
    }
}
