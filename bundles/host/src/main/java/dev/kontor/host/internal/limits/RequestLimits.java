package dev.kontor.host.internal.limits;

import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The panel's limiters, built from {@link LimitsConfiguration}; a configuration change
 * replaces the component and starts every count afresh.
 */
@Component(service = RequestLimits.class, configurationPid = LimitsConfiguration.PID)
@Designate(ocd = LimitsConfiguration.class)
public class RequestLimits {

    private final RateLimiter perAddress;
    private final RateLimiter perToken;
    private final RateLimiter loginsPerAddress;
    private final RateLimiter loginsPerUsername;
    private final long maxRequestBytes;

    @Activate
    public RequestLimits(LimitsConfiguration configuration) {
        this(configuration, Clock.systemUTC());
    }

    /** With a clock of the caller's: tests count a minute's requests without waiting for one. */
    public RequestLimits(LimitsConfiguration configuration, Clock clock) {
        this.perAddress = new RateLimiter(configuration.requests_per_minute_per_address(), clock);
        this.perToken = new RateLimiter(configuration.requests_per_minute_per_token(), clock);
        this.loginsPerAddress = new RateLimiter(configuration.login_attempts_per_minute_per_address(), clock);
        this.loginsPerUsername = new RateLimiter(configuration.login_attempts_per_minute_per_username(), clock);
        this.maxRequestBytes = configuration.max_request_bytes();
    }

    public RateLimiter.Decision request(String sourceAddress) {
        return perAddress.acquire(sourceAddress);
    }

    /** Requests made with one API token (U13); the key identifies the token without being it. */
    public RateLimiter.Decision token(String tokenId) {
        return perToken.acquire(tokenId);
    }

    /** Login attempts count per address and per username; either may refuse. */
    public RateLimiter.Decision login(String sourceAddress, String username) {
        RateLimiter.Decision byAddress = loginsPerAddress.acquire(sourceAddress);
        if (!byAddress.allowed()) {
            return byAddress;
        }
        return loginsPerUsername.acquire(username.toLowerCase(java.util.Locale.ROOT));
    }

    public long maxRequestBytes() {
        return maxRequestBytes;
    }
}
