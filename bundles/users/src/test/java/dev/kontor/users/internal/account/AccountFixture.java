package dev.kontor.users.internal.account;

import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.users.Account;
import dev.kontor.api.users.NewLogin;
import dev.kontor.storage.internal.NoBuiltInLogin;
import dev.kontor.users.internal.UsersFixture;
import dev.kontor.users.internal.access.UsersIdentityProvider;
import dev.kontor.users.internal.token.ApiTokens;
import dev.kontor.users.internal.token.OAuthClients;
import dev.kontor.users.internal.token.TokenAuthentication;
import java.time.Duration;
import java.util.Optional;

/**
 * The accounts service over a {@link UsersFixture}, with what a login and a bearer token
 * go through in the panel: the module's identity provider, its personal tokens and
 * OAuth clients. The operator's staff call it, as the clients module does for them.
 */
final class AccountFixture {

    static final String PASSWORD = "correct horse battery";

    final UsersFixture users;
    final UsersAccounts accounts;
    final ApiTokens tokens;
    final OAuthClients clients;
    final TokenAuthentication bearers;
    final UsersIdentityProvider identities;

    AccountFixture(UsersFixture users) {
        this.users = users;
        accounts = new UsersAccounts(users.database, users.audit, users.access, users.declared, UsersFixture.PASSWORD_MIN_LENGTH,
                users.clock);
        tokens = new ApiTokens(users.database, users.audit, users.access, users.declared, Duration.ofDays(365), users.clock);
        clients = new OAuthClients(users.database, users.audit, users.access, users.declared, Duration.ofHours(1), users.clock);
        bearers = new TokenAuthentication(users.database, users.access, clients, users.clock);
        identities = new UsersIdentityProvider(users.database, users.access, new NoBuiltInLogin(), bearers);
    }

    /** The operator's login admin in the operator's organization: staff administering every organization. */
    Caller operator() {
        return users.caller(IdentityProvider.OPERATOR_ADMIN_ID, IdentityProvider.OPERATOR_ORGANIZATION_ID);
    }

    /** Opens an account whose owner has the username and {@link #PASSWORD}. */
    Account open(String name, String username) {
        return accounts.open(operator(), name, newLogin(username));
    }

    static NewLogin newLogin(String username) {
        return new NewLogin(username, PASSWORD, username + "@example.com", "Name of " + username, null);
    }

    /** Logging in with the username and {@link #PASSWORD}. */
    Optional<Identity> logIn(String username) {
        return identities.authenticate(username, PASSWORD.toCharArray());
    }
}
