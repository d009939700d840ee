package dev.kontor.host.internal.security;

import static dev.kontor.host.internal.security.FakeIdentityProvider.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.host.internal.limits.RateLimiter;
import dev.kontor.host.internal.limits.RequestLimits;
import dev.kontor.host.internal.security.InMemoryApi.Answer;
import dev.kontor.host.internal.web.PanelRequestFilter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access check in front of every resource, for API tokens (U13) and browser sessions alike. */
class AccessFilterTest {

    private static final String EDITOR_TOKEN = "kt_editor-token-0123456789";
    private static final String READER_TOKEN = "kt_reader-token-0123456789";

    @TempDir
    Path data;

    private final FakeIdentityProvider provider = new FakeIdentityProvider()
            .withLogin(identity("alice", "org-a", ProbeResource.EDIT))
            .withToken(EDITOR_TOKEN, identity("api-editor", "org-a", ProbeResource.EDIT))
            .withToken(READER_TOKEN, identity("api-reader", "org-b"));
    private PanelSecurity security;
    private InMemoryApi api;

    @BeforeEach
    void start() throws Exception {
        security = SecurityFixtures.panelSecurity(SecurityFixtures.operatorLogin(data));
        security.addIdentityProvider(provider, SecurityFixtures.providerProperties(7, 10));
        RequestLimits limits = SecurityFixtures.defaultLimitsAtOneInstant();
        api = new InMemoryApi(security, limits, new ProbeResource(), new SessionResource(security, limits));
    }

    @Test
    void bearerTokenActsAsTheProvidersIdentityWithItsPermissions_U13() {
        Answer editor = api.request("GET", "v1/probe/me").bearer(EDITOR_TOKEN).send();
        assertEquals(200, editor.status(), editor::toString);
        assertEquals("api-editor", editor.json().path("caller").asText());
        assertEquals("org-a", editor.json().path("organization_id").asText());
        assertTrue(editor.json().path("may_edit").asBoolean());
        assertEquals(InMemoryApi.SOURCE_ADDRESS, editor.json().path("source_address").asText(), "the audit trail needs it");

        Answer reader = api.request("GET", "v1/probe/reports").bearer(READER_TOKEN).send();
        assertProblem(403, "forbidden", reader);
    }

    @Test
    void bearerTokenIsAuthenticatedOnPublicEndpointsToo() {
        Answer answer = api.request("GET", "v1/probe/open").bearer(READER_TOKEN).send();

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("api-reader", answer.json().path("caller").asText());
    }

    @Test
    void unknownOrRevokedBearerTokenIsRefusedWith401EvenOnAPublicEndpoint_U13() {
        assertInvalidToken(api.request("GET", "v1/probe/open").bearer("kt_never-issued").send());
        assertInvalidToken(api.request("GET", "v1/probe/me").bearer("kt_never-issued").send());
        assertInvalidToken(api.request("GET", "v1/probe/open").header("Authorization", "Bearer").send());

        provider.revoke(READER_TOKEN);
        assertInvalidToken(api.request("GET", "v1/probe/open").bearer(READER_TOKEN).send());
    }

    @Test
    void bearerRequestNeedsNoCsrfTokenWhileASessionRequestDoes_U13() throws Exception {
        Answer withToken = api.request("POST", "v1/probe/edit").bearer(EDITOR_TOKEN).send();
        assertEquals(200, withToken.status(), withToken::toString);
        assertEquals("api-editor", withToken.json().path("caller").asText());

        PanelCaller alice = security.login("alice", FakeIdentityProvider.PASSWORD.toCharArray(), null).orElseThrow();
        assertProblem(403, "csrf", api.request("POST", "v1/probe/edit").session(alice).send());
        Answer withCsrf = api.request("POST", "v1/probe/edit").session(alice).header(AccessFilter.CSRF_HEADER, alice.session().csrfToken()).send();
        assertEquals(200, withCsrf.status(), withCsrf::toString);
    }

    @Test
    void anotherAuthorizationSchemeIsLeftToWhateverStandsInFrontOfThePanel() {
        PanelCaller alice = security.login("alice", FakeIdentityProvider.PASSWORD.toCharArray(), null).orElseThrow();

        Answer answer = api.request("GET", "v1/probe/me").session(alice).header("Authorization", "Basic cHJveHk6cHc=").send();

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("alice", answer.json().path("caller").asText());
    }

    @Test
    void sixtyFirstRequestOfAMinuteWithOneTokenIsRefusedWith429AndRetryAfter_U13() {
        for (int i = 1; i <= 60; i++) {
            Answer allowed = api.request("GET", "v1/probe/me").bearer(EDITOR_TOKEN).send();
            assertEquals(200, allowed.status(), () -> "request " + allowed);
            assertEquals("60", allowed.header("RateLimit-Limit"), allowed::toString);
        }

        Answer refused = api.request("GET", "v1/probe/me").bearer(EDITOR_TOKEN).send();

        assertProblem(429, "rate-limited", refused);
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1, refused::toString);
        assertEquals("60", refused.header("RateLimit-Limit"), refused::toString);
        assertEquals("0", refused.header("RateLimit-Remaining"), refused::toString);
        assertEquals(200, api.request("GET", "v1/probe/me").bearer(READER_TOKEN).send().status(), "counted per token");
    }

    @Test
    void tokenAnswersTellTheTokensAllowanceUnlessTheAddressIsNearerItsEnd() {
        Answer first = api.request("GET", "v1/probe/me").bearer(EDITOR_TOKEN).send();
        assertEquals("59", first.header("RateLimit-Remaining"), first::toString);

        RateLimiter.Decision addressNearlySpent = new RateLimiter.Decision(true, 600, 3, 60, 0);
        Answer second = api.request("GET", "v1/probe/me").bearer(EDITOR_TOKEN)
                .property(PanelRequestFilter.ADDRESS_LIMIT, addressNearlySpent).send();
        assertEquals(null, second.header("RateLimit-Remaining"), "left as the address filter set it: " + second);
    }

    @Test
    void sessionResourceShowsATokensIdentityWithoutCsrfToken_U13() {
        Answer session = api.request("GET", "v1/session").bearer(READER_TOKEN).send();

        assertEquals(200, session.status(), session::toString);
        assertEquals("api-reader", session.json().path("user").path("username").asText());
        assertEquals("org-b", session.json().path("organization_id").asText());
        assertTrue(session.json().has("csrf_token") && session.json().path("csrf_token").isNull(), session::toString);
    }

    @Test
    void tokenHasNoSessionToSwitchOrEnd_U13() {
        assertProblem(409, "no-session", api.request("PUT", "v1/session/organization").bearer(READER_TOKEN)
                .header("Content-Type", "application/json").send("{\"organization_id\":\"org-a\"}"));
        assertProblem(409, "no-session", api.request("DELETE", "v1/session").bearer(READER_TOKEN).send());
    }

    private static void assertInvalidToken(Answer answer) {
        assertProblem(401, "unauthenticated", answer);
        assertEquals("Bearer error=\"invalid_token\"", answer.header("WWW-Authenticate"), answer::toString);
    }

    private static void assertProblem(int status, String type, Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer::toString);
        assertEquals("/problems/" + type, answer.json().path("type").asText(), answer::toString);
    }
}
