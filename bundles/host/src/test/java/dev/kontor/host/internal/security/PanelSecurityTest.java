package dev.kontor.host.internal.security;

import static dev.kontor.host.internal.security.FakeIdentityProvider.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.security.IdentityProvider;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelSecurityTest {

    @TempDir
    Path data;

    private OperatorLogin operatorLogin;
    private PanelSecurity security;

    @BeforeEach
    void start() throws Exception {
        operatorLogin = SecurityFixtures.operatorLogin(data);
        security = SecurityFixtures.panelSecurity(operatorLogin);
    }

    @Test
    void highestRankingProviderAnswersAndTheNextTakesOverWhenItGoes() {
        FakeIdentityProvider low = new FakeIdentityProvider();
        FakeIdentityProvider high = new FakeIdentityProvider();
        FakeIdentityProvider unranked = new FakeIdentityProvider();
        security.addIdentityProvider(low, SecurityFixtures.providerProperties(20, 5));
        security.addIdentityProvider(high, SecurityFixtures.providerProperties(21, 50));
        security.addIdentityProvider(unranked, SecurityFixtures.providerProperties(19, null));

        assertSame(high, security.provider());
        security.removeIdentityProvider(high, SecurityFixtures.providerProperties(21, 50));
        assertSame(low, security.provider());
        security.removeIdentityProvider(low, SecurityFixtures.providerProperties(20, 5));
        assertSame(unranked, security.provider(), "no ranking counts as 0");
    }

    @Test
    void onEqualRankingTheOlderServiceWins() {
        FakeIdentityProvider older = new FakeIdentityProvider();
        FakeIdentityProvider newer = new FakeIdentityProvider();
        security.addIdentityProvider(newer, SecurityFixtures.providerProperties(31, 1));
        security.addIdentityProvider(older, SecurityFixtures.providerProperties(30, 1));

        assertSame(older, security.provider());
    }

    @Test
    void builtInOperatorLoginAnswersWhenNoProviderIsRegistered() {
        assertSame(operatorLogin, security.provider());
        PanelCaller operator = security.login(OperatorLogin.USERNAME, SecurityFixtures.OPERATOR_PASSWORD.toCharArray(), null).orElseThrow();
        assertEquals(IdentityProvider.OPERATOR_ADMIN_ID, operator.userId());
        assertEquals(IdentityProvider.OPERATOR_ORGANIZATION_ID, operator.organizationId());

        FakeIdentityProvider provider = new FakeIdentityProvider();
        security.addIdentityProvider(provider, SecurityFixtures.providerProperties(40, 0));
        security.removeIdentityProvider(provider, SecurityFixtures.providerProperties(40, 0));
        assertSame(operatorLogin, security.provider(), "back to the fallback");
    }

    @Test
    void builtInServiceIsTheFallbackAndNotCountedAmongTheReplacingProviders() {
        AtomicInteger changes = new AtomicInteger();
        security.onProviderChange(changes::incrementAndGet);
        FakeIdentityProvider users = new FakeIdentityProvider();
        security.addIdentityProvider(users, SecurityFixtures.providerProperties(50, 0));

        security.addIdentityProvider(operatorLogin, SecurityFixtures.builtInProperties(2));
        assertSame(users, security.provider());
        security.removeIdentityProvider(users, SecurityFixtures.providerProperties(50, 0));
        assertSame(operatorLogin, security.provider());
        security.removeIdentityProvider(operatorLogin, SecurityFixtures.builtInProperties(2));

        assertSame(operatorLogin, security.provider(), "its service going changes nothing");
        assertEquals(2, changes.get(), "only the replacing provider's coming and going are changes");
    }

    @Test
    void bearerTokenIsCheckedByTheCurrentProviderAndGivesACallerWithoutSession_U13() {
        FakeIdentityProvider provider = new FakeIdentityProvider().withToken("kt_valid", identity("api", "org-a", "x.read"));
        assertTrue(security.authenticateBearer("kt_valid", null).isEmpty(), "the operator login knows no tokens");
        security.addIdentityProvider(provider, SecurityFixtures.providerProperties(60, 0));

        PanelCaller caller = security.authenticateBearer("kt_valid", null).orElseThrow();

        assertEquals("api", caller.username());
        assertTrue(caller.has("x.read"));
        assertNull(caller.session());
        assertEquals("de", caller.locale().getLanguage(), "the identity's language when the request names none");
        assertTrue(security.authenticateBearer("kt_other", null).isEmpty());
        assertTrue(security.authenticateBearer(" ", null).isEmpty());
    }
}
