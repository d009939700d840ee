package dev.kontor.e2e;

import static dev.kontor.e2e.ClientsApi.body;
import static dev.kontor.e2e.PanelSession.json;
import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kontor.e2e.ClientsApi.Client;
import dev.kontor.e2e.ClientsApi.Reseller;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of the clients module against every kind of caller, in a running panel
 * (C2, C7, C9; "authorization is enforced in the REST layer"). A cell expects one of:
 * allowed (2xx; for a bulk request, the item {@code done}), forbidden (403: the caller
 * lacks the permission), not found (404, or the bulk item {@code not_found}: a client out
 * of reach answers like a missing one), a named 409 (allowed to ask, refused by the
 * state of things) or unauthenticated (401).
 *
 * <p>The callers and what they act on: the operator on an operator's client; a reseller's
 * owner on its own client and on an operator's client; partners (approved resellers)
 * with full and with partial access to the operator's client Clara, switched into
 * Clara's organization and acting from their own; a reseller that never got access;
 * Clara's owner and one of her basic users; another client's owner; nobody logged in.
 *
 * <p>A cell that could consume what it acts on (a removal, a suspension, an answer to a
 * request) works on objects made for it alone, related to the caller as its shared
 * object is. Callers whose relation is to Clara herself (her users, her partners) act
 * on Clara; every answer expected of them leaves her as she is.
 *
 * <p>Every answer of every cell is also checked for the internal descriptions (C2):
 * that of the operator's clients reaches no one but the operator; that of Rex's clients
 * no one but the operator and Rex.
 */
class ClientsAuthorizationMatrixIT {

    private static final String PASSWORD = "e2e-Clients-Matrix-Passw0rd";
    /** The internal description of every client the operator makes here. */
    private static final String OPERATOR_MARKER = "c2-operator-" + UUID.randomUUID();
    /** The internal description of every client the reseller Rex makes here. */
    private static final String RESELLER_MARKER = "c2-reseller-" + UUID.randomUUID();

    private static RunningPanel panel;
    private static PanelSession admin;
    private static ClientsApi api;
    private static final Map<Actor, PanelSession> sessions = new EnumMap<>(Actor.class);

    /** The operator's client that partners have access to. */
    private static Client clara;
    private static PanelSession claraOwner;
    /** Rex's own client. */
    private static Client dora;
    private static Reseller rex;
    private static Reseller pia;
    private static Reseller quinn;
    private static Reseller sven;
    private static String piaOnClara;
    private static String quinnOnClara;
    private static String svenOnClara;
    private static String svenOnDora;
    private static String pendingApplication;

    /** Who calls, on which client. */
    enum Actor {
        /** The operator's admin, on an operator's client. */
        OPERATOR,
        /** Rex's owner, on Rex's own client Dora. */
        RESELLER_ON_OWN_CLIENT,
        /** Rex's owner, on an operator's client. */
        RESELLER_ON_OPERATOR_CLIENT,
        /** Pia's owner switched into Clara's organization, where Pia has full access. */
        FULL_PARTNER_IN_CLIENT,
        /** Pia's owner in Pia's organization, on Clara. */
        FULL_PARTNER_AT_HOME,
        /** Quinn's owner switched into Clara's organization, where Quinn has access to one product. */
        PARTIAL_PARTNER_IN_CLIENT,
        /** Quinn's owner in Quinn's organization, on Clara. */
        PARTIAL_PARTNER_AT_HOME,
        /** Nora's owner, a reseller that never got access to any client, on an operator's client. */
        PARTNER_WITHOUT_ACCESS,
        /** Clara's owner, on Clara. */
        CLIENT_OWNER,
        /** A basic user of Clara's, on Clara. */
        CLIENT_BASIC,
        /** Otto's owner, another client of the operator's, on Clara. */
        OTHER_CLIENT_OWNER,
        ANONYMOUS;

        /** Callers whose relation is to Clara herself: they act on Clara, not on a fresh client. */
        boolean actsOnClara() {
            return EnumSet.of(FULL_PARTNER_IN_CLIENT, FULL_PARTNER_AT_HOME, PARTIAL_PARTNER_IN_CLIENT, PARTIAL_PARTNER_AT_HOME,
                    CLIENT_OWNER, CLIENT_BASIC).contains(this);
        }

        /** Rex's staff, who may read Rex's clients' internal descriptions. */
        boolean rexStaff() {
            return this == RESELLER_ON_OWN_CLIENT || this == RESELLER_ON_OPERATOR_CLIENT;
        }
    }

    private static final Actor[] IN_CLARA = {Actor.FULL_PARTNER_IN_CLIENT, Actor.PARTIAL_PARTNER_IN_CLIENT, Actor.CLIENT_OWNER,
        Actor.CLIENT_BASIC};
    /** Callers acting in a customer's organization, holding none of the staff permissions. */
    private static final Actor[] NOT_STAFF = plus(IN_CLARA, Actor.OTHER_CLIENT_OWNER);
    /** Resellers' staff acting on a client that is not theirs. */
    private static final Actor[] RESELLERS_ELSEWHERE = {Actor.RESELLER_ON_OPERATOR_CLIENT, Actor.FULL_PARTNER_AT_HOME,
        Actor.PARTIAL_PARTNER_AT_HOME, Actor.PARTNER_WITHOUT_ACCESS};
    /** Resellers' staff wherever they act from their own organization. */
    private static final Actor[] RESELLERS = plus(RESELLERS_ELSEWHERE, Actor.RESELLER_ON_OWN_CLIENT);
    private static final Actor[] SWITCHED_PARTNERS = {Actor.FULL_PARTNER_IN_CLIENT, Actor.PARTIAL_PARTNER_IN_CLIENT};
    private static final Actor[] EVERYONE_BUT_OPERATOR = plus(RESELLERS, NOT_STAFF);

    @BeforeAll
    static void start() throws IOException {
        panel = RunningPanel.fresh("clients-matrix", PASSWORD)
                .config(RunningPanel.LIMITS, ClientsApi.MANY_LOGINS).start();
        admin = panel.login(ADMIN, PASSWORD);
        api = new ClientsApi(panel, admin);

        clara = api.client("Clara Client", OPERATOR_MARKER);
        claraOwner = api.logIn(clara);
        String claraBasic = api.addMember(claraOwner, clara.organizationId(), "basic");
        rex = api.reseller("Rex Reseller", OPERATOR_MARKER);
        dora = api.clientBy(rex.owner(), "Dora of Rex", RESELLER_MARKER);
        pia = api.reseller("Pia Partner", OPERATOR_MARKER);
        quinn = api.reseller("Quinn Partner", OPERATOR_MARKER);
        Reseller nora = api.reseller("Nora Nobody", OPERATOR_MARKER);
        sven = api.reseller("Sven Spare", OPERATOR_MARKER);
        Client otto = api.client("Otto Other", OPERATOR_MARKER);

        piaOnClara = api.grant(pia.owner(), clara, claraOwner, "full", List.of());
        quinnOnClara = api.grant(quinn.owner(), clara, claraOwner, "partial", List.of("subscriptions"));
        svenOnClara = api.grant(sven.owner(), clara, claraOwner, "full", List.of());
        svenOnDora = api.grant(sven.owner(), dora, api.logIn(dora), "full", List.of());
        pendingApplication = api.pendingApplication("Applicant Anna");

        sessions.put(Actor.OPERATOR, admin);
        sessions.put(Actor.RESELLER_ON_OWN_CLIENT, rex.owner());
        sessions.put(Actor.RESELLER_ON_OPERATOR_CLIENT, rex.owner());
        sessions.put(Actor.FULL_PARTNER_IN_CLIENT, api.logInSwitchedInto(pia.account(), clara.organizationId()));
        sessions.put(Actor.FULL_PARTNER_AT_HOME, pia.owner());
        sessions.put(Actor.PARTIAL_PARTNER_IN_CLIENT, api.logInSwitchedInto(quinn.account(), clara.organizationId()));
        sessions.put(Actor.PARTIAL_PARTNER_AT_HOME, quinn.owner());
        sessions.put(Actor.PARTNER_WITHOUT_ACCESS, nora.owner());
        sessions.put(Actor.CLIENT_OWNER, claraOwner);
        sessions.put(Actor.CLIENT_BASIC, panel.login(claraBasic, ClientsApi.PASSWORD));
        sessions.put(Actor.OTHER_CLIENT_OWNER, api.logIn(otto));
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
                Expected expected = endpoint.expected(actor);
                cells.add(DynamicTest.dynamicTest(actor + " " + endpoint.name + " -> " + expected, () -> {
                    HttpResponse<String> answer = endpoint.call.as(actor);
                    expected.assertMatches(answer, endpoint.bulk);
                    assertNoInternalDescription(actor, answer);
                }));
            }
        }
        return cells.stream();
    }

    /** C2: every read of the module, by every caller but the operator; the operator's and Rex's reads show the markers are there to find. */
    @Test
    void internalDescriptionsReachOnlyTheStaffWhoManageTheClient_C2() throws IOException {
        assertTrue(admin.get("/api/v1/clients/" + clara.id()).body().contains(OPERATOR_MARKER), "the operator reads Clara's description");
        assertTrue(rex.owner().get("/api/v1/clients/" + dora.id()).body().contains(RESELLER_MARKER), "Rex reads Dora's description");
        List<String> reads = List.of("/api/v1/clients/" + clara.id(), "/api/v1/clients/" + dora.id(),
                "/api/v1/clients?limit=500", "/api/v1/clients?q=Clara", "/api/v1/clients?q=Dora", "/api/v1/clients/own",
                "/api/v1/clients/" + clara.id() + "/grants", "/api/v1/clients/" + dora.id() + "/grants",
                "/api/v1/clients/" + clara.id() + "/access-requests", "/api/v1/partner/clients",
                "/api/v1/partner/access-requests", "/api/v1/attach-requests", "/api/v1/reseller-applications",
                "/api/v1/resellers");
        for (Actor actor : EVERYONE_BUT_OPERATOR) {
            for (String path : reads) {
                assertNoInternalDescription(actor, sessions.get(actor).get(path));
            }
        }
    }

    /** C9: Rex and Sven are both resellers; neither reaches the other's client by any path of the client resource. */
    @Test
    void oneResellerNeverReachesAnotherResellersClient_C9() throws IOException {
        Client selma = api.clientBy(sven.owner(), "Selma of Sven", "internal of Sven's " + api.next());
        PanelSession rexOwner = rex.owner();

        List<String> listed = ids(rexOwner.allItems("/api/v1/clients"));
        assertTrue(listed.contains(dora.id()), "Rex's list lacks his own client: " + listed);
        assertFalse(listed.contains(selma.id()), "Rex's list shows Sven's client");
        for (JsonNode item : rexOwner.allItems("/api/v1/clients?reseller_id=" + sven.organizationId())) {
            assertEquals(rex.organizationId(), item.path("reseller_id").asText(), "asking for Sven's clients showed " + item);
        }
        assertEquals(List.of(), ids(rexOwner.allItems("/api/v1/clients?q=Selma")));

        String selmaPath = "/api/v1/clients/" + selma.id();
        assertEquals(404, rexOwner.get(selmaPath).statusCode());
        assertEquals(404, rexOwner.send(rexOwner.jsonRequest("PATCH", selmaPath, body(Map.of("name", "Taken by Rex")))
                .header("If-Match", etagOf(selma))).statusCode());
        assertEquals(404, rexOwner.send("DELETE", selmaPath + "?dry_run=true").statusCode());
        assertEquals(404, rexOwner.send("DELETE", selmaPath + "?projects=keep").statusCode());
        assertEquals(404, rexOwner.send("DELETE", selmaPath + "?projects=remove").statusCode());
        for (String action : List.of("suspend", "activate", "delete")) {
            JsonNode results = json(rexOwner.send(rexOwner.jsonRequest("POST", "/api/v1/clients/bulk",
                    body(Map.of("action", action, "ids", List.of(selma.id())))))).path("results");
            assertEquals("not_found", results.path(0).path("status").asText(), action + ": " + results);
        }

        JsonNode untouched = admin.getJson(selmaPath);
        assertEquals("Selma of Sven", untouched.path("name").asText());
        assertEquals("active", untouched.path("state").asText());
        assertEquals(sven.organizationId(), untouched.path("reseller_id").asText());

        PanelSession svenOwner = sven.owner();
        assertFalse(ids(svenOwner.allItems("/api/v1/clients")).contains(dora.id()), "Sven's list shows Rex's client");
        assertEquals(404, svenOwner.get("/api/v1/clients/" + dora.id()).statusCode());
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.path("id").asText()).toList();
    }

    private static void assertNoInternalDescription(Actor actor, HttpResponse<String> answer) {
        String what = actor + " got from " + answer.request().method() + " " + answer.request().uri() + ": " + answer.body();
        if (actor != Actor.OPERATOR) {
            assertFalse(answer.body().contains(OPERATOR_MARKER), "an operator's client's description leaked (C2): " + what);
        }
        if (actor != Actor.OPERATOR && !actor.rexStaff()) {
            assertFalse(answer.body().contains(RESELLER_MARKER), "a reseller's client's description leaked (C2): " + what);
        }
    }

    // The expected outcomes ---------------------------------------------------------------------

    enum Kind { ALLOWED, FORBIDDEN, NOT_FOUND, CONFLICT, UNAUTHENTICATED }

    /** One cell's expectation; for CONFLICT the problem type too. */
    record Expected(Kind kind, String problem) {

        static final Expected ALLOWED = new Expected(Kind.ALLOWED, null);
        static final Expected FORBIDDEN = new Expected(Kind.FORBIDDEN, "/problems/forbidden");
        static final Expected NOT_FOUND = new Expected(Kind.NOT_FOUND, null);
        static final Expected UNAUTHENTICATED = new Expected(Kind.UNAUTHENTICATED, null);

        static Expected conflict(String problem) {
            return new Expected(Kind.CONFLICT, "/problems/" + problem);
        }

        /** A bulk request answers 200 with one result per id: its status is the cell's outcome. */
        void assertMatches(HttpResponse<String> answer, boolean bulk) {
            String seen = answer.statusCode() + " " + answer.body();
            int status = answer.statusCode();
            if (bulk && status == 200 && (kind == Kind.ALLOWED || kind == Kind.NOT_FOUND)) {
                String item = json(answer).path("results").path(0).path("status").asText();
                assertEquals(kind == Kind.ALLOWED ? "done" : "not_found", item, seen);
                return;
            }
            switch (kind) {
                case ALLOWED -> assertTrue(!bulk && status >= 200 && status < 300, seen);
                case FORBIDDEN -> {
                    assertEquals(403, status, seen);
                    assertEquals(problem, json(answer).path("type").asText(), seen);
                }
                case NOT_FOUND -> assertEquals(404, status, seen);
                case CONFLICT -> {
                    assertEquals(409, status, seen);
                    assertEquals(problem, json(answer).path("type").asText(), seen);
                }
                case UNAUTHENTICATED -> assertEquals(401, status, seen);
            }
        }

        @Override
        public String toString() {
            return kind == Kind.CONFLICT ? "409 " + problem.substring(problem.lastIndexOf('/') + 1) : kind.toString();
        }
    }

    /** One endpoint: its expectation per caller (anonymous callers always 401) and how to call it. */
    record Endpoint(String name, Map<Actor, Expected> expectations, boolean bulk, Call call) {

        Expected expected(Actor actor) {
            return actor == Actor.ANONYMOUS ? Expected.UNAUTHENTICATED : expectations.get(actor);
        }
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> as(Actor actor) throws IOException;
    }

    /** Collects an endpoint's expectations; every caller but the anonymous one must be named exactly once. */
    private static final class Cells {
        private final Map<Actor, Expected> expectations = new EnumMap<>(Actor.class);

        Cells allowed(Actor... actors) {
            return put(Expected.ALLOWED, actors);
        }

        Cells forbidden(Actor... actors) {
            return put(Expected.FORBIDDEN, actors);
        }

        Cells notFound(Actor... actors) {
            return put(Expected.NOT_FOUND, actors);
        }

        Cells conflict(String problem, Actor... actors) {
            return put(Expected.conflict(problem), actors);
        }

        private Cells put(Expected expected, Actor... actors) {
            for (Actor actor : actors) {
                if (expectations.put(actor, expected) != null) {
                    throw new IllegalStateException(actor + " named twice");
                }
            }
            return this;
        }

        Endpoint endpoint(String name, Call call) {
            return endpoint(name, false, call);
        }

        Endpoint endpoint(String name, boolean bulk, Call call) {
            Set<Actor> missing = EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS));
            missing.removeAll(expectations.keySet());
            if (!missing.isEmpty() || expectations.containsKey(Actor.ANONYMOUS)) {
                throw new IllegalStateException(name + ": no expectation for " + missing);
            }
            return new Endpoint(name, Map.copyOf(expectations), bulk, call);
        }
    }

    private static Cells cells() {
        return new Cells();
    }

    /** Staff work on a client: the operator and the client's reseller may; other resellers do not find it. */
    private static Cells staffOnTheClient() {
        return cells().allowed(Actor.OPERATOR, Actor.RESELLER_ON_OWN_CLIENT).notFound(RESELLERS_ELSEWHERE).forbidden(NOT_STAFF);
    }

    /** Staff lists and creation: whoever holds the staff permissions, wherever. */
    private static Cells staffAnywhere() {
        return cells().allowed(plus(RESELLERS, Actor.OPERATOR)).forbidden(NOT_STAFF);
    }

    /** The operator's business alone (clients.resellers). */
    private static Cells operatorOnly() {
        return cells().allowed(Actor.OPERATOR).forbidden(EVERYONE_BUT_OPERATOR);
    }

    private static List<Endpoint> endpoints() {
        String client = "/api/v1/clients/{id}";
        String grant = client + "/grants/{grant}";
        return List.of(
                staffAnywhere().endpoint("GET /clients", actor -> send(actor, "GET", "/api/v1/clients", null)),
                staffAnywhere().endpoint("POST /clients", actor -> send(actor, "POST", "/api/v1/clients", newClientBody())),
                cells().allowed(Actor.OPERATOR, Actor.RESELLER_ON_OWN_CLIENT).allowed(IN_CLARA)
                        .notFound(plus(RESELLERS_ELSEWHERE, Actor.OTHER_CLIENT_OWNER))
                        .endpoint("GET " + client, actor -> send(actor, "GET", clientPath(target(actor)), null)),
                staffOnTheClient().endpoint("PATCH " + client, actor -> {
                    Client fresh = freshTarget(actor);
                    return send(actor, "PATCH", clientPath(fresh), body(Map.of("name", "Renamed " + api.next())),
                            "If-Match", etagOf(fresh));
                }),
                staffOnTheClient().endpoint("DELETE " + client + "?dry_run=true",
                        actor -> send(actor, "DELETE", clientPath(target(actor)) + "?dry_run=true", null)),
                staffOnTheClient().endpoint("DELETE " + client, actor -> send(actor, "DELETE",
                        clientPath(freshTarget(actor)) + (actor == Actor.OPERATOR ? "" : "?projects=remove"), null)),
                staffOnTheClient().endpoint("POST /clients/bulk suspend", true,
                        actor -> bulk(actor, "suspend", freshTarget(actor))),
                staffOnTheClient().endpoint("POST /clients/bulk activate", true,
                        actor -> bulk(actor, "activate", freshSuspendedTarget(actor))),
                staffOnTheClient().endpoint("POST /clients/bulk delete", true,
                        actor -> bulk(actor, "delete", freshTarget(actor))),
                // Every reseller and client owner here is itself a client of the operator's.
                cells().allowed(plus(RESELLERS, Actor.CLIENT_OWNER, Actor.OTHER_CLIENT_OWNER)).notFound(Actor.OPERATOR)
                        .forbidden(plus(SWITCHED_PARTNERS, Actor.CLIENT_BASIC))
                        .endpoint("GET /clients/own", actor -> send(actor, "GET", "/api/v1/clients/own", null)),

                // Partner access (C7, C8, C10).
                cells().allowed(Actor.RESELLER_ON_OWN_CLIENT, Actor.RESELLER_ON_OPERATOR_CLIENT, Actor.PARTNER_WITHOUT_ACCESS)
                        .conflict("operator-not-partner", Actor.OPERATOR)
                        .conflict("access-exists", Actor.FULL_PARTNER_AT_HOME, Actor.PARTIAL_PARTNER_AT_HOME)
                        .forbidden(NOT_STAFF)
                        .endpoint("POST " + client + "/access-requests", actor -> {
                            Client asked = freshTarget(actor);
                            return send(actor, "POST", clientPath(asked) + "/access-requests",
                                    body(Map.of("scope", "full", "email", asked.email())));
                        }),
                cells().allowed(Actor.FULL_PARTNER_AT_HOME, Actor.PARTIAL_PARTNER_AT_HOME, Actor.CLIENT_OWNER)
                        .notFound(Actor.OPERATOR, Actor.RESELLER_ON_OWN_CLIENT, Actor.RESELLER_ON_OPERATOR_CLIENT,
                                Actor.PARTNER_WITHOUT_ACCESS, Actor.FULL_PARTNER_IN_CLIENT, Actor.PARTIAL_PARTNER_IN_CLIENT,
                                Actor.CLIENT_BASIC, Actor.OTHER_CLIENT_OWNER)
                        .endpoint("GET " + client + "/access-requests",
                                actor -> send(actor, "GET", clientPath(target(actor)) + "/access-requests", null)),
                answeringCells().endpoint("POST /access-requests/{id}/accept", actor -> send(actor, "POST",
                        "/api/v1/access-requests/" + freshAccessRequestTo(target(actor)) + "/accept", null)),
                answeringCells().endpoint("POST /access-requests/{id}/decline", actor -> send(actor, "POST",
                        "/api/v1/access-requests/" + freshAccessRequestTo(target(actor)) + "/decline", null)),
                cells().allowed(Actor.FULL_PARTNER_AT_HOME, Actor.PARTIAL_PARTNER_AT_HOME, Actor.CLIENT_OWNER)
                        .notFound(Actor.OPERATOR, Actor.RESELLER_ON_OWN_CLIENT, Actor.RESELLER_ON_OPERATOR_CLIENT,
                                Actor.PARTNER_WITHOUT_ACCESS, Actor.FULL_PARTNER_IN_CLIENT, Actor.PARTIAL_PARTNER_IN_CLIENT,
                                Actor.CLIENT_BASIC, Actor.OTHER_CLIENT_OWNER)
                        .endpoint("GET " + client + "/grants",
                                actor -> send(actor, "GET", clientPath(target(actor)) + "/grants", null)),
                cells().allowed(Actor.CLIENT_OWNER, Actor.FULL_PARTNER_AT_HOME, Actor.PARTIAL_PARTNER_AT_HOME)
                        .notFound(Actor.OPERATOR, Actor.RESELLER_ON_OWN_CLIENT, Actor.RESELLER_ON_OPERATOR_CLIENT,
                                Actor.PARTNER_WITHOUT_ACCESS, Actor.FULL_PARTNER_IN_CLIENT, Actor.PARTIAL_PARTNER_IN_CLIENT,
                                Actor.CLIENT_BASIC, Actor.OTHER_CLIENT_OWNER)
                        .endpoint("DELETE " + grant, actor -> send(actor, "DELETE", grantFor(actor).path(), null)),
                cells().allowed(Actor.FULL_PARTNER_AT_HOME).conflict("full-access-required", Actor.PARTIAL_PARTNER_AT_HOME)
                        .notFound(Actor.OPERATOR, Actor.RESELLER_ON_OWN_CLIENT, Actor.RESELLER_ON_OPERATOR_CLIENT,
                                Actor.PARTNER_WITHOUT_ACCESS)
                        .forbidden(NOT_STAFF)
                        .endpoint("PUT " + grant + "/email-copy", actor -> send(actor, "PUT",
                                grantFor(actor).path() + "/email-copy", "{\"enabled\":true}")),
                cells().allowed(Actor.FULL_PARTNER_AT_HOME, Actor.PARTIAL_PARTNER_AT_HOME)
                        .notFound(Actor.OPERATOR, Actor.RESELLER_ON_OWN_CLIENT, Actor.RESELLER_ON_OPERATOR_CLIENT,
                                Actor.PARTNER_WITHOUT_ACCESS)
                        .forbidden(NOT_STAFF)
                        .endpoint("PUT " + grant + "/staff", actor -> send(actor, "PUT",
                                grantFor(actor).path() + "/staff", "{\"user_ids\":[]}")),
                cells().allowed(plus(EVERYONE_BUT_OPERATOR, Actor.OPERATOR))
                        .endpoint("GET /partner/clients", actor -> send(actor, "GET", "/api/v1/partner/clients", null)),
                staffAnywhere().endpoint("GET /partner/access-requests",
                        actor -> send(actor, "GET", "/api/v1/partner/access-requests", null)),

                // Resellers (C9).
                cells().allowed(Actor.CLIENT_OWNER, Actor.OTHER_CLIENT_OWNER).conflict("operator-cannot-apply", Actor.OPERATOR)
                        .conflict("already-reseller", RESELLERS).forbidden(plus(SWITCHED_PARTNERS, Actor.CLIENT_BASIC))
                        .endpoint("POST /reseller-applications", actor -> send(actor, "POST", "/api/v1/reseller-applications",
                                body(Map.of("company", "Applying " + api.next(), "contact_name", "Ann Applicant",
                                        "email", "apply" + api.next() + "@example.com")))),
                cells().allowed(plus(RESELLERS, Actor.OPERATOR, Actor.CLIENT_OWNER, Actor.OTHER_CLIENT_OWNER))
                        .forbidden(plus(SWITCHED_PARTNERS, Actor.CLIENT_BASIC))
                        .endpoint("GET /reseller-applications", actor -> send(actor, "GET", "/api/v1/reseller-applications", null)),
                cells().allowed(Actor.OPERATOR).notFound(plus(RESELLERS, Actor.CLIENT_OWNER, Actor.OTHER_CLIENT_OWNER))
                        .forbidden(plus(SWITCHED_PARTNERS, Actor.CLIENT_BASIC))
                        .endpoint("GET /reseller-applications/{id}",
                                actor -> send(actor, "GET", "/api/v1/reseller-applications/" + pendingApplication, null)),
                operatorOnly().endpoint("POST /reseller-applications/{id}/approve", actor -> send(actor, "POST",
                        "/api/v1/reseller-applications/" + api.pendingApplication("Approvable " + actor) + "/approve", null)),
                operatorOnly().endpoint("POST /reseller-applications/{id}/reject", actor -> send(actor, "POST",
                        "/api/v1/reseller-applications/" + api.pendingApplication("Rejectable " + actor) + "/reject",
                        "{\"reason\":\"Not now\"}")),
                operatorOnly().endpoint("GET /resellers", actor -> send(actor, "GET", "/api/v1/resellers", null)),
                operatorOnly().endpoint("GET /resellers/{id}",
                        actor -> send(actor, "GET", "/api/v1/resellers/" + rex.organizationId(), null)),
                operatorOnly().endpoint("POST /resellers/{id}/suspend", actor -> send(actor, "POST",
                        "/api/v1/resellers/" + freshReseller(actor).organizationId() + "/suspend", "{}")),
                operatorOnly().endpoint("POST /resellers/{id}/activate", actor -> {
                    Reseller suspended = freshReseller(actor);
                    RunningPanel.assertStatus(200, admin.send(admin.jsonRequest("POST",
                            "/api/v1/resellers/" + suspended.organizationId() + "/suspend", "{}")));
                    return send(actor, "POST", "/api/v1/resellers/" + suspended.organizationId() + "/activate", null);
                }),
                operatorOnly().endpoint("DELETE /resellers/{id}", actor -> send(actor, "DELETE",
                        "/api/v1/resellers/" + freshReseller(actor).organizationId(), null)),
                operatorOnly().endpoint("PATCH " + client + " {reseller_id} (move)", actor -> {
                    Client fresh = freshTarget(actor);
                    return send(actor, "PATCH", clientPath(fresh), body(Map.of("reseller_id", sven.organizationId())),
                            "If-Match", etagOf(fresh));
                }),
                cells().allowed(Actor.RESELLER_ON_OPERATOR_CLIENT, Actor.PARTNER_WITHOUT_ACCESS, Actor.FULL_PARTNER_AT_HOME,
                                Actor.PARTIAL_PARTNER_AT_HOME)
                        .conflict("operator-reaches-all", Actor.OPERATOR)
                        .conflict("already-in-portfolio", Actor.RESELLER_ON_OWN_CLIENT)
                        .forbidden(NOT_STAFF)
                        .endpoint("POST " + client + "/attach-requests", actor -> {
                            Client asked = freshTarget(actor);
                            return send(actor, "POST", clientPath(asked) + "/attach-requests",
                                    body(Map.of("email", asked.email())));
                        }),
                cells().allowed(plus(RESELLERS, Actor.OPERATOR, Actor.CLIENT_OWNER, Actor.OTHER_CLIENT_OWNER))
                        .forbidden(plus(SWITCHED_PARTNERS, Actor.CLIENT_BASIC))
                        .endpoint("GET /attach-requests", actor -> send(actor, "GET", "/api/v1/attach-requests", null)),
                answeringCells().endpoint("POST /attach-requests/{id}/accept", ClientsAuthorizationMatrixIT::acceptAttachRequest),
                answeringCells().endpoint("POST /attach-requests/{id}/decline", actor -> send(actor, "POST",
                        "/api/v1/attach-requests/" + api.attachRequest(freshReseller(actor).owner(), clara) + "/decline",
                        null)));
    }

    /** Answering a request to a client: only the client's owner; others holding clients.access do not find it. */
    private static Cells answeringCells() {
        return cells().allowed(Actor.CLIENT_OWNER)
                .notFound(plus(RESELLERS, Actor.OPERATOR, Actor.OTHER_CLIENT_OWNER))
                .forbidden(plus(SWITCHED_PARTNERS, Actor.CLIENT_BASIC));
    }

    /**
     * Accepting moves the client to the reseller: Clara's owner accepts as the owner of a
     * fresh client (her twin), so that Clara stays the operator's. Everyone else is asked
     * about a request to Clara.
     */
    private static HttpResponse<String> acceptAttachRequest(Actor actor) throws IOException {
        PanelSession asker = freshReseller(actor).owner();
        if (actor == Actor.CLIENT_OWNER) {
            Client twin = api.client("Twin of Clara", OPERATOR_MARKER);
            PanelSession twinOwner = api.logIn(twin);
            String request = api.attachRequest(asker, twin);
            return twinOwner.send(twinOwner.request("/api/v1/attach-requests/" + request + "/accept")
                    .POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(actor, "POST", "/api/v1/attach-requests/" + api.attachRequest(asker, clara) + "/accept", null);
    }

    // The objects the cells act on ----------------------------------------------------------

    /** The shared client the caller acts on: Rex's own Dora for Rex's own-client cells, else Clara. */
    private static Client target(Actor actor) {
        return actor == Actor.RESELLER_ON_OWN_CLIENT ? dora : clara;
    }

    /**
     * A client made for the cell alone, related to the caller as the shared one is: one of
     * Rex's for his own-client cells, one of the operator's for callers that are strangers
     * to it; Clara for those whose relation is to Clara.
     */
    private static Client freshTarget(Actor actor) throws IOException {
        if (actor == Actor.RESELLER_ON_OWN_CLIENT) {
            return api.clientBy(rex.owner(), "Fresh of Rex " + api.next(), RESELLER_MARKER);
        }
        return actor.actsOnClara() ? clara : api.client("Fresh " + api.next(), OPERATOR_MARKER);
    }

    private static Client freshSuspendedTarget(Actor actor) throws IOException {
        Client fresh = freshTarget(actor);
        if (!actor.actsOnClara()) {
            api.bulk("suspend", fresh.id());
        }
        return fresh;
    }

    /** A fresh reseller's open request for full access to the client. */
    private static String freshAccessRequestTo(Client client) throws IOException {
        return api.requestAccess(freshReseller(null).owner(), client, "full");
    }

    private static Reseller freshReseller(Actor forWhom) throws IOException {
        return api.reseller("Fresh reseller " + api.next() + (forWhom == null ? "" : " for " + forWhom), OPERATOR_MARKER);
    }

    /** A grant between a client and a partner. */
    record GrantOf(Client client, String grantId) {
        String path() {
            return clientPath(client) + "/grants/" + grantId;
        }
    }

    /**
     * The grant the cell acts on: fresh where the caller may end or change it (Clara's owner:
     * a fresh partner's on Clara; Pia and Quinn: their own on a fresh client); the
     * switched partners their own on Clara; everyone else Sven's on the shared target.
     */
    private static GrantOf grantFor(Actor actor) throws IOException {
        return switch (actor) {
            case CLIENT_OWNER -> new GrantOf(clara, api.grant(freshReseller(actor).owner(), clara, claraOwner, "full", List.of()));
            case FULL_PARTNER_AT_HOME -> grantOnFreshClient(pia, "full", List.of());
            case PARTIAL_PARTNER_AT_HOME -> grantOnFreshClient(quinn, "partial", List.of("subscriptions"));
            case FULL_PARTNER_IN_CLIENT -> new GrantOf(clara, piaOnClara);
            case PARTIAL_PARTNER_IN_CLIENT -> new GrantOf(clara, quinnOnClara);
            case RESELLER_ON_OWN_CLIENT -> new GrantOf(dora, svenOnDora);
            default -> new GrantOf(clara, svenOnClara);
        };
    }

    private static GrantOf grantOnFreshClient(Reseller partner, String scope, List<String> products) throws IOException {
        Client fresh = api.client("Granting " + api.next(), OPERATOR_MARKER);
        return new GrantOf(fresh, api.grant(partner.owner(), fresh, api.logIn(fresh), scope, products));
    }

    private static String newClientBody() {
        int n = api.next();
        return body(Map.of("name", "Created " + n, "email", "created" + n + "@example.com", "username", "created" + n,
                "password", ClientsApi.PASSWORD));
    }

    private static String clientPath(Client client) {
        return "/api/v1/clients/" + client.id();
    }

    /** The client's current ETag, as the operator reads it. */
    private static String etagOf(Client client) throws IOException {
        return admin.get(clientPath(client)).headers().firstValue("ETag")
                .orElseThrow(() -> new AssertionError("no ETag for " + client));
    }

    private static HttpResponse<String> bulk(Actor actor, String action, Client client) throws IOException {
        return send(actor, "POST", "/api/v1/clients/bulk", body(Map.of("action", action, "ids", List.of(client.id()))));
    }

    /** Sends as the actor: with its session cookie and CSRF token, or with nothing at all; extra headers as name, value pairs. */
    private static HttpResponse<String> send(Actor actor, String method, String path, String body, String... headers)
            throws IOException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = actor == Actor.ANONYMOUS ? HttpRequest.newBuilder(panel.uri(path))
                : sessions.get(actor).request(path);
        request.method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return actor == Actor.ANONYMOUS ? panel.send(request) : sessions.get(actor).send(request);
    }

    private static Actor[] plus(Actor[] group, Actor... more) {
        return Stream.concat(Stream.of(group), Stream.of(more)).toArray(Actor[]::new);
    }
}
