package dev.kontor.api.clients;

import dev.kontor.api.security.Caller;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The client accounts, as other modules may read them. Never the internal description (C2). */
@ProviderType
public interface ClientDirectory {

    /** A client by id, whoever asks: for modules acting on the system's behalf. */
    Optional<Client> find(String clientId);

    /** The client whose account is this organization, if it is a client's. */
    Optional<Client> byOrganization(String organizationId);

    /**
     * Whether the caller may see the client: the operator's staff, the client's reseller's
     * staff, members of the client's own organization, and partners it granted access.
     * Modules that keep data per client use it to answer another's client like a missing one.
     */
    boolean visibleTo(Caller caller, String clientId);

    /** Every suspended client: what a module installed later reconciles with on its start. */
    List<Client> suspended();

    /**
     * The clients of a reseller (its organization id), for modules that act on all of
     * them when the reseller's state changes.
     *
     * @since 1.1
     */
    List<Client> ofReseller(String resellerId);

    /**
     * The organization ids of every suspended reseller, for reconciling on start like
     * {@link #suspended()}.
     *
     * @since 1.1
     */
    List<String> suspendedResellers();

    /**
     * The client's contact address and language, for mail about its account (invoices,
     * reminders); empty for an unknown client.
     *
     * @since 1.2
     */
    Optional<ClientContact> contact(String clientId);
}
