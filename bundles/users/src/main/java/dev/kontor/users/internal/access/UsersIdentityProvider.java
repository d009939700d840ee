package dev.kontor.users.internal.access;

import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.api.storage.Database;
import dev.kontor.users.internal.login.Logins;
import dev.kontor.users.internal.login.PasswordHasher;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The panel's logins while this module is installed: it outranks the host's built-in
 * operator login, which it still asks for the {@code admin} password until the
 * operator sets one here. The host calls {@link #refresh} on every request, so a
 * removal or suspension ends that login's sessions at once (U10, C4).
 */
@Component(service = IdentityProvider.class,
        property = {"service.ranking:Integer=100", IdentityProvider.NAME_PROPERTY + "=users"})
public class UsersIdentityProvider implements IdentityProvider {

    /** Checked for unknown usernames too, so an answer's timing does not tell which names exist. */
    private static final String DECOY_HASH = PasswordHasher.DEFAULT.hash("decoy".toCharArray());

    private final Database database;
    private final Access access;
    private final IdentityProvider builtIn;
    private final BearerAuthentication bearers;

    @Activate
    public UsersIdentityProvider(@Reference Database database, @Reference Access access,
            @Reference(target = "(" + IdentityProvider.NAME_PROPERTY + "=" + IdentityProvider.BUILT_IN + ")") IdentityProvider builtIn,
            @Reference BearerAuthentication bearers) {
        this.database = database;
        this.access = access;
        this.builtIn = builtIn;
        this.bearers = bearers;
        database.runInTransaction(Logins::ensureOperatorAdmin);
    }

    @Override
    public Optional<Identity> authenticate(String username, char[] password) {
        Optional<Logins.Login> login = database.inTransaction(connection -> Logins.byUsername(connection, username));
        if (login.isEmpty()) {
            PasswordHasher.DEFAULT.matches(password, DECOY_HASH);
            return Optional.empty();
        }
        boolean matches = login.get().passwordHash() == null
                ? builtIn.authenticate(login.get().username(), password).isPresent()
                : PasswordHasher.DEFAULT.matches(password, login.get().passwordHash());
        if (!matches) {
            return Optional.empty();
        }
        return access.firstOrganization(login.get().id()).flatMap(organization -> refresh(login.get().id(), organization));
    }

    @Override
    public Optional<Identity> refresh(String userId, String organizationId) {
        return access.of(userId, organizationId).map(Access.Grant::identity);
    }

    @Override
    public Optional<Identity> authenticateBearer(String token) {
        return bearers.authenticate(token);
    }
}
