package dev.kontor.clients.internal.client;

import dev.kontor.api.security.Caller;
import dev.kontor.clients.internal.ClientsPermissions;
import java.util.Optional;

/**
 * Who reaches which client: the one rule of this module, applied before any work.
 *
 * <ul>
 * <li><b>Staff</b> act from the organization that manages clients. The operator's staff
 * (callers in the operator's organization) reach every client; anyone else reaches the
 * clients whose {@code reseller_id} is the organization they act in, which makes a
 * reseller's staff (C9) manage their own clients only. What staff may do there is what
 * their {@code clients.*} permissions say: {@code clients.view} to list and read,
 * {@code clients.manage} to create and edit, {@code clients.suspend},
 * {@code clients.remove}; the internal description (C2) shows only with
 * {@code clients.internal}. Outside the operator's organization only an approved
 * reseller's owner and administrators hold them (C9); a client is moved between
 * resellers only by {@code dev.kontor.clients.internal.reseller.ResellerMoves}, and never
 * to its own organization, so no one manages (and reads the description of) their own
 * client.</li>
 * <li><b>The client's own users</b>, any member acting in the client's organization
 * whatever their role, read their own client ({@code GET /api/v1/clients/{id}}) and
 * nothing else of this module: no list, no change, and never the description or the
 * suspension reason, even if they held {@code clients.internal}. When the client's
 * organization is itself a reseller, its staff read their own client this way too.</li>
 * <li>Everyone else, and every client out of reach, is answered like a missing client
 * (404), so no one learns that another's client exists.</li>
 * </ul>
 */
public final class ClientScope {

    private ClientScope() {
    }

    /** The reseller whose clients the caller manages as staff; empty for the operator's staff, who manage all. */
    public static Optional<String> resellerOf(Caller caller) {
        return caller.isOperator() ? Optional.empty() : Optional.of(caller.organizationId());
    }

    /** Whether the caller manages the client as staff (which of its permissions allow what is checked apart). */
    public static boolean managedBy(Caller caller, ClientDetails client) {
        return caller.isOperator() || caller.organizationId().equals(client.resellerId());
    }

    /** Whether the caller acts in the client's own organization. */
    public static boolean ownClient(Caller caller, ClientDetails client) {
        return caller.organizationId().equals(client.organizationId());
    }

    /** The client as the caller may read it, or empty when it is out of the caller's reach. */
    static Optional<ClientDetails> shown(Caller caller, ClientDetails client) {
        if (caller.has(ClientsPermissions.VIEW) && managedBy(caller, client)) {
            return Optional.of(forStaff(caller, client));
        }
        return ownClient(caller, client) ? Optional.of(client.withoutInternals()) : Optional.empty();
    }

    /** The client as staff who manage it see it: the description only with {@code clients.internal}. */
    static ClientDetails forStaff(Caller caller, ClientDetails client) {
        return caller.has(ClientsPermissions.INTERNAL) ? client : client.withoutDescription();
    }
}
