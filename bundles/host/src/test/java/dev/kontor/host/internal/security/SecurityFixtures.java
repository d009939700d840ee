package dev.kontor.host.internal.security;

import dev.kontor.api.security.IdentityProvider;
import dev.kontor.host.internal.limits.LimitsConfiguration;
import dev.kontor.host.internal.limits.RequestLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.osgi.framework.Constants;

/** The host's security pieces as the framework would wire them, without a framework. */
final class SecurityFixtures {

    static final String OPERATOR_PASSWORD = "operator-Passw0rd";
    /** Hashing is slow on purpose: once for all tests. */
    private static final String OPERATOR_HASH = PasswordHash.hash(OPERATOR_PASSWORD.toCharArray());

    private SecurityFixtures() {
    }

    /** The built-in operator login of a data folder whose operator has logged in before. */
    static OperatorLogin operatorLogin(Path data) throws IOException {
        Path file = data.resolve("host").resolve("operator.properties");
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.setProperty("username", OperatorLogin.USERNAME);
        properties.setProperty("password", OPERATOR_HASH);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, null);
        }
        return OperatorLogin.loadOrCreate(data, null);
    }

    static PanelSecurity panelSecurity(OperatorLogin operatorLogin) {
        return new PanelSecurity(operatorLogin, new SessionStore(Duration.ofMinutes(30), Clock.systemUTC()));
    }

    /** The properties the service registry gives a provider's binding. */
    static Map<String, Object> providerProperties(long serviceId, Integer ranking) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.SERVICE_ID, serviceId);
        if (ranking != null) {
            properties.put(Constants.SERVICE_RANKING, ranking);
        }
        return properties;
    }

    /** The properties under which the host registers its operator login. */
    static Map<String, Object> builtInProperties(long serviceId) {
        Map<String, Object> properties = providerProperties(serviceId, Integer.MIN_VALUE);
        properties.put(IdentityProvider.NAME_PROPERTY, IdentityProvider.BUILT_IN);
        return properties;
    }

    /**
     * The limits as shipped (each attribute's declared default, as Config Admin gives them
     * without a file), counted on a clock that stands still: a minute's requests all fall
     * in one instant.
     */
    static RequestLimits defaultLimitsAtOneInstant() {
        LimitsConfiguration defaults = (LimitsConfiguration) Proxy.newProxyInstance(LimitsConfiguration.class.getClassLoader(),
                new Class<?>[] {LimitsConfiguration.class}, (proxy, attribute, arguments) -> attribute.getDefaultValue());
        return new RequestLimits(defaults, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    }
}
