package dev.kontor.users.internal.token;

import dev.kontor.api.security.Identity;
import dev.kontor.api.storage.Database;
import dev.kontor.users.internal.access.Access;
import dev.kontor.users.internal.access.BearerAuthentication;
import dev.kontor.users.internal.login.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a bearer token acts as, decided on every request (U10, U13): a personal token
 * as its login in its organization with its scopes cut down to what the login may do
 * there now; an OAuth access token as its client, with its scopes cut down to the
 * organization's administrator role. So a removal, a role change, a revoked token or
 * client takes effect with the next request.
 */
@Component(service = BearerAuthentication.class)
public class TokenAuthentication implements BearerAuthentication {

    /** Longer than any token this module issues: such a string is refused without a lookup. */
    private static final int MAX_TOKEN_LENGTH = 100;

    private final Database database;
    private final Access access;
    private final OAuthClients clients;
    private final Clock clock;

    @Activate
    public TokenAuthentication(@Reference Database database, @Reference Access access, @Reference OAuthClients clients) {
        this(database, access, clients, Clock.systemUTC());
    }

    public TokenAuthentication(Database database, Access access, OAuthClients clients, Clock clock) {
        this.database = database;
        this.access = access;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public Optional<Identity> authenticate(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH
                || !(token.startsWith(ApiTokens.PREFIX) || token.startsWith(OAuthClients.ACCESS_TOKEN_PREFIX))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<TokenStore.Token> found = database.inTransaction(connection -> TokenStore.byHash(connection, Secrets.hashOf(token)))
                .filter(row -> row.usableAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<Identity> identity = TokenStore.PERSONAL.equals(found.get().kind()) ? personal(found.get())
                : TokenStore.OAUTH.equals(found.get().kind()) ? client(found.get()) : Optional.empty();
        if (identity.isPresent()) {
            database.runInTransaction(connection -> TokenStore.touch(connection, found.get(), now));
        }
        return identity;
    }

    /** The login's access now, never support access: a token is for members only. */
    private Optional<Identity> personal(TokenStore.Token token) {
        return access.of(token.userId(), token.organizationId()).filter(grant -> !grant.viaSupport()).map(grant -> {
            Identity login = grant.identity();
            return new Identity(login.userId(), login.username(), login.displayName(), login.organizationId(),
                    login.organizations().stream().filter(organization -> organization.id().equals(token.organizationId())).toList(),
                    intersection(token.scopes(), login.permissions()), login.operator(), login.language());
        });
    }

    private Optional<Identity> client(TokenStore.Token token) {
        return database.inTransaction(connection -> clients.client(connection, token.clientId()))
                .filter(client -> client.revokedAt() == null && !client.suspended())
                .map(client -> new Identity(client.id(), "client:" + client.name(), client.name(), client.organizationId(),
                        List.of(new Identity.OrganizationMembership(client.organizationId(), client.organizationName())),
                        intersection(intersection(token.scopes(), client.scopes()), clients.administrator(client.kind())),
                        false, "en"));
    }

    private static Set<String> intersection(Set<String> scopes, Set<String> permissions) {
        Set<String> held = new HashSet<>(scopes);
        held.retainAll(permissions);
        return held;
    }
}
