package dev.kontor.e2e;

import static dev.kontor.e2e.PanelSession.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clients module's objects made through the REST API of a running panel, as the
 * operator, resellers and clients make them: clients with their first login, resellers
 * (an account that applied and was approved, C9), partner access (C7) and attach
 * requests. Every login made here has {@link #PASSWORD}; names and addresses are unique
 * per panel.
 */
final class ClientsApi {

    static final String PASSWORD = "Clients-e2e-Passw0rd-1";
    /**
     * Request limits ({@link RunningPanel#LIMITS}) for tests that log in many people from
     * one address: the defaults (10 logins a minute) are meant for attackers.
     */
    static final Map<String, Integer> MANY_LOGINS = Map.of("requests.per.minute.per.address", 1_000_000,
            "login.attempts.per.minute.per.address", 100_000, "login.attempts.per.minute.per.username", 1_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A client as the tests need it: its id, its account and the first login's username. */
    record Client(String id, String organizationId, String email, String username) {
    }

    /** An approved reseller: its organization (the reseller id), its own client record and its owner's session. */
    record Reseller(String organizationId, Client account, PanelSession owner) {
    }

    private final RunningPanel panel;
    private final PanelSession operator;
    private final AtomicInteger unique = new AtomicInteger();

    ClientsApi(RunningPanel panel, PanelSession operator) {
        this.panel = panel;
        this.operator = operator;
    }

    /** A client of the operator's; {@code description} is the internal one (C2), null for none. */
    Client client(String name, String description) throws IOException {
        return clientBy(operator, name, description);
    }

    /** A client made by the given staff: the operator's own, or a reseller's when a reseller's staff make it. */
    Client clientBy(PanelSession staff, String name, String description) throws IOException {
        int n = unique.incrementAndGet();
        String username = "client" + n;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", username + "@example.com");
        fields.put("additional_info", "Visible to the client " + n);
        if (description != null) {
            fields.put("description", description);
        }
        fields.put("username", username);
        fields.put("password", PASSWORD);
        JsonNode created = created(staff.send(staff.jsonRequest("POST", "/api/v1/clients", body(fields))));
        return new Client(created.path("id").asText(), created.path("organization_id").asText(),
                created.path("email").asText(), username);
    }

    PanelSession logIn(Client client) throws IOException {
        return panel.login(client.username(), PASSWORD);
    }

    /** A fresh session of the client's first login, switched into another organization it may act in. */
    PanelSession logInSwitchedInto(Client login, String organizationId) throws IOException {
        PanelSession session = logIn(login);
        RunningPanel.assertStatus(200, session.send(session.jsonRequest("PUT", "/api/v1/session/organization",
                body(Map.of("organization_id", organizationId)))));
        return session;
    }

    /** An account of the operator's that applied to become a reseller and was approved (C9). */
    Reseller reseller(String name, String description) throws IOException {
        Client account = client(name, description);
        PanelSession owner = logIn(account);
        approve(apply(owner));
        return new Reseller(account.organizationId(), account, owner);
    }

    /** The owner's application for its organization; answers its id. */
    String apply(PanelSession owner) throws IOException {
        int n = unique.incrementAndGet();
        return created(owner.send(owner.jsonRequest("POST", "/api/v1/reseller-applications", body(Map.of(
                "company", "Applicant " + n + " GmbH", "contact_name", "Applicant " + n,
                "email", "applicant" + n + "@example.com"))))).path("id").asText();
    }

    void approve(String applicationId) throws IOException {
        RunningPanel.assertStatus(200, operator.send("POST", "/api/v1/reseller-applications/" + applicationId + "/approve"));
    }

    /** A pending application of a fresh account of the operator's; answers its id. */
    String pendingApplication(String name) throws IOException {
        return apply(logIn(client(name, null)));
    }

    /** The partner's open request for access to the client, sent to the client's contact address; answers its id. */
    String requestAccess(PanelSession partner, Client client, String scope) throws IOException {
        return created(partner.send(partner.jsonRequest("POST", "/api/v1/clients/" + client.id() + "/access-requests",
                body(Map.of("scope", scope, "email", client.email()))))).path("id").asText();
    }

    /**
     * Access given by the client's owner on the partner's request: full, or partial for the
     * products given (C7). Answers the grant's id.
     */
    String grant(PanelSession partner, Client client, PanelSession clientOwner, String scope, List<String> products)
            throws IOException {
        String request = requestAccess(partner, client, scope);
        String answer = products.isEmpty() ? "{}" : body(Map.of("products", products));
        return created(clientOwner.send(clientOwner.jsonRequest("POST", "/api/v1/access-requests/" + request + "/accept",
                answer))).path("id").asText();
    }

    /** The reseller's pending request that one of the operator's clients join it (C9); answers its id. */
    String attachRequest(PanelSession reseller, Client client) throws IOException {
        return created(reseller.send(reseller.jsonRequest("POST", "/api/v1/clients/" + client.id() + "/attach-requests",
                body(Map.of("email", client.email()))))).path("id").asText();
    }

    /** Suspends or activates clients as the operator; each must change. */
    void bulk(String action, String... clientIds) throws IOException {
        JsonNode answer = created(operator.send(operator.jsonRequest("POST", "/api/v1/clients/bulk",
                body(Map.of("action", action, "ids", List.of(clientIds))))));
        for (JsonNode result : answer.path("results")) {
            if (!"done".equals(result.path("status").asText())) {
                throw new AssertionError("bulk " + action + " did not change " + result);
            }
        }
    }

    /** A new login in the organization with the role, added by one of its owners; answers the username. */
    String addMember(PanelSession owner, String organizationId, String role) throws IOException {
        String username = "member" + unique.incrementAndGet();
        created(owner.send(owner.jsonRequest("POST", "/api/v1/organizations/" + organizationId + "/members", body(Map.of(
                "new_login", Map.of("username", username, "email", username + "@example.com", "display_name", username,
                        "password", PASSWORD),
                "role", role)))));
        return username;
    }

    /** A number no other object of this panel's tests uses, for names. */
    int next() {
        return unique.incrementAndGet();
    }

    /** A JSON object of the fields given, in their order. */
    static String body(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of an answer that must be a success (200 or 201). */
    static JsonNode created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new AssertionError(answer.request().method() + " " + answer.request().uri() + " answered "
                    + answer.statusCode() + " " + answer.body());
        }
        return json(answer);
    }
}
