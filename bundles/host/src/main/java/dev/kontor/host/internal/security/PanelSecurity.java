package dev.kontor.host.internal.security;

import dev.kontor.api.security.Identity;
import dev.kontor.api.security.IdentityProvider;
import dev.kontor.host.internal.DataFolder;
import dev.kontor.host.internal.HostConfiguration;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins, sessions and API tokens of the panel. Asks the best registered
 * {@link IdentityProvider} (highest service ranking), or the built-in operator login
 * when there is none, and re-asks it on every request so that a login or token the
 * provider no longer accepts stops working at once.
 *
 * <p>The built-in operator login is registered as a provider service too (named
 * {@link IdentityProvider#BUILT_IN}, lowest ranking), for a replacing provider to use;
 * it is the fallback here and never counted among the replacing ones. Immediate, so
 * that service is there from the start.
 */
@Component(service = PanelSecurity.class, configurationPid = HostConfiguration.PID, immediate = true)
@Designate(ocd = HostConfiguration.class)
public class PanelSecurity {

    /** The browser session cookie. */
    public static final String SESSION_COOKIE = "KONTOR_SESSION";

    private static final Logger LOG = LoggerFactory.getLogger(PanelSecurity.class);

    /** Providers by (ranking, service id), best first. */
    private final Map<ProviderKey, IdentityProvider> providers = new ConcurrentSkipListMap<>();
    private final CopyOnWriteArrayList<Runnable> providerListeners = new CopyOnWriteArrayList<>();
    private final OperatorLogin operatorLogin;
    private final SessionStore sessions;
    /** The operator login as a service; null where there is no framework (tests). */
    private final ServiceRegistration<IdentityProvider> builtInService;

    @Activate
    public PanelSecurity(BundleContext context, HostConfiguration configuration) throws IOException {
        this(OperatorLogin.loadOrCreate(DataFolder.of(context), initialPassword(context)),
                new SessionStore(Duration.ofMinutes(configuration.session_idle_minutes()), Clock.systemUTC()), context);
    }

    private static String initialPassword(BundleContext context) {
        return Optional.ofNullable(System.getenv("KONTOR_ADMIN_PASSWORD")).orElse(context.getProperty("kontor.admin.password"));
    }

    PanelSecurity(OperatorLogin operatorLogin, SessionStore sessions) {
        this(operatorLogin, sessions, null);
    }

    private PanelSecurity(OperatorLogin operatorLogin, SessionStore sessions, BundleContext context) {
        this.operatorLogin = operatorLogin;
        this.sessions = sessions;
        this.builtInService = context == null ? null : context.registerService(IdentityProvider.class, operatorLogin,
                new Hashtable<>(Map.of(IdentityProvider.NAME_PROPERTY, IdentityProvider.BUILT_IN,
                        Constants.SERVICE_RANKING, Integer.MIN_VALUE)));
    }

    @Deactivate
    void deactivate() {
        if (builtInService != null) {
            try {
                builtInService.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addIdentityProvider(IdentityProvider provider, Map<String, Object> properties) {
        if (isBuiltIn(properties)) {
            return; // the fallback already: among the replacing providers it would only be counted twice
        }
        providers.put(ProviderKey.of(properties), provider);
        LOG.info("Identity provider {} registered", provider.getClass().getName());
        providerListeners.forEach(Runnable::run);
    }

    void removeIdentityProvider(IdentityProvider provider, Map<String, Object> properties) {
        if (isBuiltIn(properties)) {
            return;
        }
        providers.remove(ProviderKey.of(properties));
        LOG.info("Identity provider {} removed", provider.getClass().getName());
        providerListeners.forEach(Runnable::run);
    }

    private static boolean isBuiltIn(Map<String, Object> properties) {
        return IdentityProvider.BUILT_IN.equals(properties.get(IdentityProvider.NAME_PROPERTY));
    }

    /** Called when the identity provider changes, since what users may see changes with it. */
    public void onProviderChange(Runnable listener) {
        providerListeners.add(listener);
    }

    IdentityProvider provider() {
        return providers.values().stream().findFirst().orElse(operatorLogin);
    }

    /** Checks the credentials and opens a session; empty when they are wrong. */
    public Optional<PanelCaller> login(String username, char[] password, Locale locale) {
        Optional<Identity> identity = provider().authenticate(username, password);
        return identity.map(id -> {
            sessions.purgeExpired(); // logins are rare next to requests: a fine moment to tidy up
            return new PanelCaller(id, languageOf(id, locale), sessions.open(id.userId(), id.organizationId()), null);
        });
    }

    /** The caller behind a session cookie, checked against the identity provider now. */
    public Optional<PanelCaller> authenticate(String sessionId, Locale requested) {
        return sessions.touch(sessionId).flatMap(session -> {
            Optional<Identity> identity = provider().refresh(session.userId(), session.organizationId());
            if (identity.isEmpty()) {
                sessions.close(session.id());
            }
            return identity.map(id -> new PanelCaller(id, languageOf(id, requested), session, null));
        });
    }

    /**
     * The caller an API token acts as (U13), asked of the identity provider on every
     * request so that a revoked token stops at once. Such a caller has no session.
     */
    public Optional<PanelCaller> authenticateBearer(String token, Locale requested) {
        if (token.isBlank()) {
            return Optional.empty();
        }
        return provider().authenticateBearer(token).map(id -> new PanelCaller(id, languageOf(id, requested), null, null));
    }

    /** Switches the session's organization, if the login belongs to it (U12). */
    public Optional<PanelCaller> switchOrganization(PanelCaller caller, String organizationId, Locale requested) {
        return provider().refresh(caller.userId(), organizationId).flatMap(identity -> sessions
                .switchOrganization(caller.session().id(), organizationId)
                .map(session -> new PanelCaller(identity, languageOf(identity, requested), session, caller.sourceAddress())));
    }

    public void logout(PanelCaller caller) {
        sessions.close(caller.session().id());
    }

    private static Locale languageOf(Identity identity, Locale requested) {
        return requested != null ? requested : Locale.forLanguageTag(identity.language());
    }

    private record ProviderKey(int ranking, long serviceId) implements Comparable<ProviderKey> {

        static ProviderKey of(Map<String, Object> properties) {
            Object ranking = properties.get(Constants.SERVICE_RANKING);
            return new ProviderKey(ranking instanceof Integer value ? value : 0, (Long) properties.get(Constants.SERVICE_ID));
        }

        @Override
        public int compareTo(ProviderKey other) {
            // Highest ranking first; on a tie the oldest service (lowest id) wins, as in the OSGi registry.
            int byRanking = Integer.compare(other.ranking, ranking);
            return byRanking != 0 ? byRanking : Long.compare(serviceId, other.serviceId);
        }
    }
}
