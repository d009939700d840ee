package dev.kontor.clients.internal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kontor.api.clients.Client;
import java.time.Instant;

/**
 * A client as this module's API shows it; {@code version} is also its ETag. The
 * internal fields are left out of the JSON when null, and {@link ClientScope} makes them
 * null for whoever may not see them: the description (C2) shows only to staff holding
 * {@code clients.internal}, the suspension reason only to staff.
 *
 * @param organizationId the client's organization, its users' account
 * @param resellerId the reseller organization it belongs to; null for the operator's own client
 * @param state {@code active} or {@code suspended}
 */
public record ClientDetails(String id, String organizationId, String resellerId, String name, String company, String email,
        String phone, String address, String language, String additionalInfo,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description, String state,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suspensionReason, Instant createdAt, long version) {

    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    public boolean suspended() {
        return SUSPENDED.equals(state);
    }

    /** The contact data, for a change of some of it. */
    Contact contact() {
        return new Contact(name, company, email, phone, address, language, additionalInfo, description);
    }

    /** As other modules see it, through the API bundle. */
    public Client asClient() {
        return new Client(id, organizationId, name, resellerId, suspended());
    }

    /** The same without the internal description (C2). */
    ClientDetails withoutDescription() {
        return new ClientDetails(id, organizationId, resellerId, name, company, email, phone, address, language, additionalInfo,
                null, state, suspensionReason, createdAt, version);
    }

    /** The same without anything internal: what the client's own users read. */
    ClientDetails withoutInternals() {
        return new ClientDetails(id, organizationId, resellerId, name, company, email, phone, address, language, additionalInfo,
                null, state, null, createdAt, version);
    }
}
