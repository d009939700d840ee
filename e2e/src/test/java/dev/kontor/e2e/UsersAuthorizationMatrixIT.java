package dev.kontor.e2e;

import static dev.kontor.e2e.PanelSession.json;
import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the users module against every built-in role, a member of another
 * organization and an anonymous caller, in a running panel (U2, U8; "authorization is
 * enforced in the REST layer"). A cell expects one of: allowed (2xx), forbidden (403:
 * a member without the permission), not found (404: another organization's objects
 * answer like missing ones) or unauthenticated (401).
 *
 * <p>Each cell works on objects made for it alone (a fresh member to remove, a fresh
 * role to delete...), so the cells do not depend on each other's order.
 */
class UsersAuthorizationMatrixIT {

    private static final String PASSWORD = "e2e-Matrix-Passw0rd";
    private static final String MEMBER_PASSWORD = "Member-Passw0rd-1";
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private static RunningPanel panel;
    private static PanelSession admin;
    private static String acme;
    private static String other;
    private static final Map<Actor, PanelSession> sessions = new EnumMap<>(Actor.class);

    /** Who calls. The five built-in roles are members of Acme; OUTSIDER owns another organization. */
    enum Actor {
        OWNER("owner"), ADMINISTRATOR("administrator"), BILLING("billing"), REPORTS("reports"), BASIC("basic"),
        OUTSIDER(null), ANONYMOUS(null);

        final String role;

        Actor(String role) {
            this.role = role;
        }
    }

    /** What the built-in roles hold of the users module's permissions (UsersPermissions' declaration). */
    private static final Map<String, Set<Actor>> HOLDERS = Map.of(
            "users.members.view", Set.of(Actor.OWNER, Actor.ADMINISTRATOR, Actor.BILLING, Actor.REPORTS, Actor.BASIC),
            "users.members.manage", Set.of(Actor.OWNER, Actor.ADMINISTRATOR),
            "users.roles.manage", Set.of(Actor.OWNER, Actor.ADMINISTRATOR),
            "users.organization.edit", Set.of(Actor.OWNER, Actor.ADMINISTRATOR),
            "users.workgroups.view", Set.of(Actor.OWNER, Actor.ADMINISTRATOR, Actor.REPORTS, Actor.BASIC),
            "users.workgroups.manage", Set.of(Actor.OWNER, Actor.ADMINISTRATOR),
            "users.support.view", Set.of(Actor.OWNER, Actor.ADMINISTRATOR, Actor.REPORTS),
            "users.support.manage", Set.of(Actor.OWNER),
            "users.clients.manage", Set.of(Actor.OWNER, Actor.ADMINISTRATOR),
            "users.profile", Set.of(Actor.OWNER, Actor.ADMINISTRATOR, Actor.BILLING, Actor.REPORTS, Actor.BASIC));

    /** A login is enough: the endpoint acts on the caller's own things or current organization. */
    private static final String LOGIN = "login";

    @BeforeAll
    static void start() throws IOException {
        panel = RunningPanel.fresh("users-matrix", PASSWORD)
                .config(RunningPanel.LIMITS, Map.of("requests.per.minute.per.address", 100_000,
                        "login.attempts.per.minute.per.address", 10_000, "login.attempts.per.minute.per.username", 1_000))
                .start();
        admin = panel.login(ADMIN, PASSWORD);
        acme = created(admin.send(admin.jsonRequest("POST", "/api/v1/organizations", "{\"name\":\"Acme\"}"))).path("id").asText();
        other = created(admin.send(admin.jsonRequest("POST", "/api/v1/organizations", "{\"name\":\"Other\"}"))).path("id").asText();
        for (Actor actor : Actor.values()) {
            if (actor.role != null) {
                sessions.put(actor, panel.login(newMember(acme, actor.role), MEMBER_PASSWORD));
            }
        }
        sessions.put(Actor.OUTSIDER, panel.login(newMember(other, "owner"), MEMBER_PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryCaller() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Actor actor : Actor.values()) {
                Outcome expected = expected(endpoint, actor);
                cells.add(DynamicTest.dynamicTest(actor + " " + endpoint.name + " -> " + expected,
                        () -> assertOutcome(expected, endpoint.call(actor))));
            }
        }
        return cells.stream();
    }

    @Test
    void anotherOrganizationsMemberSeesNothingOfAcmeInItsOwnLists() throws IOException {
        PanelSession outsider = sessions.get(Actor.OUTSIDER);
        String acmeOwnRole = freshRole();
        String organizations = outsider.getJson("/api/v1/organizations").toString();
        String roles = outsider.getJson("/api/v1/roles").toString();
        assertFalse(organizations.contains(acme), organizations);
        assertFalse(roles.contains(acmeOwnRole), roles);
        assertEquals(404, outsider.get("/api/v1/roles/" + acmeOwnRole).statusCode());
        assertEquals(404, outsider.get("/api/v1/organizations/" + acme + "/members").statusCode());
    }

    private static Outcome expected(Endpoint endpoint, Actor actor) {
        if (actor == Actor.ANONYMOUS) {
            return Outcome.UNAUTHENTICATED;
        }
        if (actor == Actor.OUTSIDER) {
            // The outsider owns its own organization: it holds every permission there, but Acme's objects are not there.
            return endpoint.acmeScoped ? Outcome.NOT_FOUND : Outcome.ALLOWED;
        }
        return endpoint.permission.equals(LOGIN) || HOLDERS.get(endpoint.permission).contains(actor)
                ? Outcome.ALLOWED : Outcome.FORBIDDEN;
    }

    private static void assertOutcome(Outcome expected, HttpResponse<String> answer) {
        String seen = answer.statusCode() + " " + answer.body();
        switch (expected) {
            case ALLOWED -> assertTrue(answer.statusCode() >= 200 && answer.statusCode() < 300, seen);
            case FORBIDDEN -> {
                assertEquals(403, answer.statusCode(), seen);
                assertEquals("/problems/forbidden", json(answer).path("type").asText(), seen);
            }
            case NOT_FOUND -> assertEquals(404, answer.statusCode(), seen);
            case UNAUTHENTICATED -> assertEquals(401, answer.statusCode(), seen);
        }
    }

    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED }

    /** One endpoint: how to call it as an actor, preparing what the call consumes. */
    record Endpoint(String name, String permission, boolean acmeScoped, Call call) {

        HttpResponse<String> call(Actor actor) throws IOException {
            return call.as(actor);
        }
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> as(Actor actor) throws IOException;
    }

    private static List<Endpoint> endpoints() {
        String org = "/api/v1/organizations/{acme}";
        return List.of(
                endpoint("GET /organizations", LOGIN, false, actor -> send(actor, "GET", "/api/v1/organizations", null)),
                endpoint("POST /organizations", LOGIN, false, actor -> send(actor, "POST", "/api/v1/organizations",
                        "{\"name\":\"Made by " + actor + " " + UNIQUE.incrementAndGet() + "\"}")),
                endpoint("GET " + org, LOGIN, true, actor -> send(actor, "GET", acme(""), null)),
                endpoint("PATCH " + org, "users.organization.edit", true, actor -> send(actor, "PATCH", acme(""), "{\"name\":\"Acme\"}")),
                endpoint("GET " + org + "/members", "users.members.view", true, actor -> send(actor, "GET", acme("/members"), null)),
                endpoint("GET " + org + "/members/{user}", "users.members.view", true,
                        actor -> send(actor, "GET", acme("/members/" + freshMember()), null)),
                endpoint("POST " + org + "/members", "users.members.manage", true, actor -> send(actor, "POST", acme("/members"),
                        newLoginBody("basic"))),
                endpoint("PATCH " + org + "/members/{user}", "users.members.manage", true, actor -> send(actor, "PATCH",
                        acme("/members/" + freshMember()), "{\"contact\":{\"news\":true}}")),
                endpoint("DELETE " + org + "/members/{user}", "users.members.manage", true,
                        actor -> send(actor, "DELETE", acme("/members/" + freshMember()), null)),
                endpoint("POST " + org + "/members/bulk-remove", "users.members.manage", true, actor -> send(actor, "POST",
                        acme("/members/bulk-remove"), "{\"user_ids\":[\"" + freshMember() + "\"]}")),
                endpoint("POST " + org + "/leave", LOGIN, true, UsersAuthorizationMatrixIT::leaveAsFreshTwin),
                endpoint("GET " + org + "/invitations", "users.members.manage", true, actor -> send(actor, "GET", acme("/invitations"), null)),
                endpoint("POST " + org + "/invitations", "users.members.manage", true, actor -> send(actor, "POST", acme("/invitations"),
                        invitationBody())),
                endpoint("DELETE " + org + "/invitations/{id}", "users.members.manage", true,
                        actor -> send(actor, "DELETE", acme("/invitations/" + freshInvitation()), null)),
                endpoint("POST " + org + "/invitations/{id}/resend", "users.members.manage", true,
                        actor -> send(actor, "POST", acme("/invitations/" + freshInvitation() + "/resend"), null)),
                endpoint("GET /roles", "users.members.view", false, actor -> send(actor, "GET", "/api/v1/roles", null)),
                endpoint("POST /roles", "users.roles.manage", false, actor -> send(actor, "POST", "/api/v1/roles", roleBody())),
                endpoint("GET /roles/{id}", "users.members.view", true, actor -> send(actor, "GET", "/api/v1/roles/" + freshRole(), null)),
                endpoint("PATCH /roles/{id}", "users.roles.manage", true, actor -> send(actor, "PATCH", "/api/v1/roles/" + freshRole(),
                        "{\"name\":\"Renamed " + UNIQUE.incrementAndGet() + "\"}")),
                endpoint("DELETE /roles/{id}", "users.roles.manage", true,
                        actor -> send(actor, "DELETE", "/api/v1/roles/" + freshRole(), null)),
                endpoint("GET " + org + "/workgroups", "users.workgroups.view", true, actor -> send(actor, "GET", acme("/workgroups"), null)),
                endpoint("POST " + org + "/workgroups", "users.workgroups.manage", true, actor -> send(actor, "POST", acme("/workgroups"),
                        workgroupBody())),
                endpoint("GET " + org + "/workgroups/{id}", "users.workgroups.view", true,
                        actor -> send(actor, "GET", acme("/workgroups/" + freshWorkgroup()), null)),
                endpoint("PATCH " + org + "/workgroups/{id}", "users.workgroups.manage", true, actor -> send(actor, "PATCH",
                        acme("/workgroups/" + freshWorkgroup()), "{\"name\":\"Renamed " + UNIQUE.incrementAndGet() + "\"}")),
                endpoint("DELETE " + org + "/workgroups/{id}", "users.workgroups.manage", true,
                        actor -> send(actor, "DELETE", acme("/workgroups/" + freshWorkgroup()), null)),
                endpoint("GET " + org + "/support-access", "users.support.view", true, actor -> send(actor, "GET", acme("/support-access"), null)),
                endpoint("POST " + org + "/support-access", "users.support.manage", true, actor -> send(actor, "POST",
                        acme("/support-access"), "{\"content_type\":\"users\"}")),
                endpoint("GET " + org + "/support-access/{id}", "users.support.view", true,
                        actor -> send(actor, "GET", acme("/support-access/" + freshSupportGrant()), null)),
                endpoint("DELETE " + org + "/support-access/{id}", "users.support.manage", true,
                        actor -> send(actor, "DELETE", acme("/support-access/" + freshSupportGrant()), null)),
                endpoint("GET " + org + "/oauth-clients", "users.clients.manage", true, actor -> send(actor, "GET", acme("/oauth-clients"), null)),
                endpoint("POST " + org + "/oauth-clients", "users.clients.manage", true, actor -> send(actor, "POST",
                        acme("/oauth-clients"), "{\"name\":\"Client " + UNIQUE.incrementAndGet() + "\",\"scopes\":[\"users.members.view\"]}")),
                endpoint("DELETE " + org + "/oauth-clients/{id}", "users.clients.manage", true,
                        actor -> send(actor, "DELETE", acme("/oauth-clients/" + freshClient()), null)),
                endpoint("GET /tokens", "users.profile", false, actor -> send(actor, "GET", "/api/v1/tokens", null)),
                endpoint("POST /tokens", "users.profile", false, actor -> send(actor, "POST", "/api/v1/tokens",
                        "{\"name\":\"Token " + UNIQUE.incrementAndGet() + "\",\"scopes\":[\"users.members.view\"]}")),
                endpoint("DELETE /tokens/{id}", "users.profile", true, actor -> send(actor, "DELETE", "/api/v1/tokens/"
                        + freshToken(actor == Actor.OUTSIDER || actor == Actor.ANONYMOUS ? Actor.OWNER : actor), null)),
                endpoint("GET /users/me", LOGIN, false, actor -> send(actor, "GET", "/api/v1/users/me", null)),
                endpoint("PUT /users/me/email", "users.profile", false, actor -> send(actor, "PUT", "/api/v1/users/me/email",
                        "{\"email\":\"changed" + UNIQUE.incrementAndGet() + "@example.com\"}")));
    }

    private static Endpoint endpoint(String name, String permission, boolean acmeScoped, Call call) {
        return new Endpoint(name, permission, acmeScoped, call);
    }

    private static String acme(String rest) {
        return "/api/v1/organizations/" + acme + rest;
    }

    /** Sends as the actor: with its session cookie and CSRF token, or with nothing at all. */
    private static HttpResponse<String> send(Actor actor, String method, String path, String body) throws IOException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        if (actor == Actor.ANONYMOUS) {
            HttpRequest.Builder request = HttpRequest.newBuilder(panel.uri(path)).method(method, publisher);
            return panel.send(body == null ? request : request.header("Content-Type", "application/json"));
        }
        PanelSession session = sessions.get(actor);
        HttpRequest.Builder request = session.request(path).method(method, publisher);
        return session.send(body == null ? request : request.header("Content-Type", "application/json"));
    }

    /** Leaving consumes the caller: a fresh login with the actor's role in Acme (and a second organization) leaves. */
    private static HttpResponse<String> leaveAsFreshTwin(Actor actor) throws IOException {
        if (actor.role == null) {
            return send(actor, "POST", acme("/leave"), null);
        }
        String username = newMember(acme, actor.role);
        addExisting(other, username);
        PanelSession twin = panel.login(username, MEMBER_PASSWORD);
        String current = twin.getJson("/api/v1/session").path("organization_id").asText();
        if (!current.equals(acme)) {
            twin.send(twin.jsonRequest("PUT", "/api/v1/session/organization", "{\"organization_id\":\"" + acme + "\"}"));
        }
        return twin.send(twin.request(acme("/leave")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String newMember(String organization, String role) throws IOException {
        String username = "m" + UNIQUE.incrementAndGet() + "-" + role;
        created(admin.send(admin.jsonRequest("POST", "/api/v1/organizations/" + organization + "/members",
                "{\"new_login\":{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"display_name\":\""
                        + username + "\",\"password\":\"" + MEMBER_PASSWORD + "\"},\"role\":\"" + role + "\"}")));
        return username;
    }

    private static void addExisting(String organization, String username) throws IOException {
        created(admin.send(admin.jsonRequest("POST", "/api/v1/organizations/" + organization + "/members",
                "{\"username\":\"" + username + "\",\"role\":\"basic\"}")));
    }

    private static String freshMember() throws IOException {
        String username = newMember(acme, "basic");
        for (JsonNode member : admin.allItems(acme("/members") + "?q=" + username)) {
            if (member.path("username").asText().equals(username)) {
                return member.path("user_id").asText();
            }
        }
        throw new AssertionError("new member " + username + " not listed");
    }

    private static String newLoginBody(String role) {
        String username = "n" + UNIQUE.incrementAndGet();
        return "{\"new_login\":{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"display_name\":\""
                + username + "\",\"password\":\"" + MEMBER_PASSWORD + "\"},\"role\":\"" + role + "\"}";
    }

    private static String invitationBody() {
        return "{\"email\":\"invitee" + UNIQUE.incrementAndGet() + "@example.com\",\"role\":\"basic\"}";
    }

    private static String freshInvitation() throws IOException {
        return created(admin.send(admin.jsonRequest("POST", acme("/invitations"), invitationBody()))).path("id").asText();
    }

    private static String roleBody() {
        return "{\"name\":\"Role " + UNIQUE.incrementAndGet() + "\",\"permissions\":[\"users.members.view\"]}";
    }

    /** A custom role of Acme, made by Acme's owner (roles belong to the caller's current organization). */
    private static String freshRole() throws IOException {
        PanelSession owner = sessions.get(Actor.OWNER);
        return created(owner.send(owner.jsonRequest("POST", "/api/v1/roles", roleBody()))).path("id").asText();
    }

    private static String workgroupBody() {
        return "{\"name\":\"Group " + UNIQUE.incrementAndGet() + "\"}";
    }

    private static String freshWorkgroup() throws IOException {
        return created(admin.send(admin.jsonRequest("POST", acme("/workgroups"), workgroupBody()))).path("id").asText();
    }

    /** The grant for content type "users": granted anew when revoked, else the active one. */
    private static String freshSupportGrant() throws IOException {
        HttpResponse<String> answer = admin.send(admin.jsonRequest("POST", acme("/support-access"), "{\"content_type\":\"users\"}"));
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 201, answer.body());
        return json(answer).path("id").asText();
    }

    private static String freshClient() throws IOException {
        return created(admin.send(admin.jsonRequest("POST", acme("/oauth-clients"),
                "{\"name\":\"Client " + UNIQUE.incrementAndGet() + "\",\"scopes\":[\"users.members.view\"]}"))).path("id").asText();
    }

    /** A personal token of the given member of Acme. */
    private static String freshToken(Actor owner) throws IOException {
        PanelSession session = sessions.get(owner);
        return created(session.send(session.jsonRequest("POST", "/api/v1/tokens",
                "{\"name\":\"Token " + UNIQUE.incrementAndGet() + "\",\"scopes\":[\"users.members.view\"]}"))).path("id").asText();
    }

    private static JsonNode created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new AssertionError("expected a created object, got " + answer.statusCode() + " " + answer.body());
        }
        return json(answer);
    }
}
