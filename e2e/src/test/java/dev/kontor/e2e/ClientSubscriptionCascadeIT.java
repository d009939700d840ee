package dev.kontor.e2e;

import static dev.kontor.e2e.ClientsApi.body;
import static dev.kontor.e2e.ClientsApi.created;
import static dev.kontor.e2e.PanelSession.json;
import static dev.kontor.e2e.RunningPanel.ADMIN;
import static dev.kontor.e2e.RunningPanel.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kontor.e2e.ClientsApi.Client;
import dev.kontor.e2e.ClientsApi.Reseller;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suspending, activating and removing clients and resellers through the running panel,
 * and what that does to their subscriptions and logins (C4, C6, C9, S2): the clients
 * module's change and the subscriptions module's cascade holds commit together, so every
 * effect is there when the answer comes.
 */
class ClientSubscriptionCascadeIT {

    private static final String PASSWORD = "e2e-Cascade-Passw0rd";

    private static RunningPanel panel;
    private static PanelSession admin;
    private static ClientsApi api;

    @BeforeAll
    static void start() throws IOException {
        panel = RunningPanel.fresh("clients-cascade", PASSWORD).config(RunningPanel.LIMITS, ClientsApi.MANY_LOGINS).start();
        admin = panel.login(ADMIN, PASSWORD);
        api = new ClientsApi(panel, admin);
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @Test
    void clientSuspensionHoldsEverySubscriptionActivationLiftsOnlyItsOwnHoldRemovalTakesThemAll_C4_S2_C6() throws IOException {
        Client kim = api.client("Kim Cascade", "internal note on Kim");
        PanelSession kimsOpenSession = api.logIn(kim);
        String held = subscription(admin, kim, "kim-held.example");
        String plain = subscription(admin, kim, "kim-plain.example");
        String operatorHold = created(admin.send(admin.jsonRequest("POST", "/api/v1/subscriptions/" + held + "/holds",
                body(Map.of("reason", "operator", "public_note", "Checked by the operator"))))).path("id").asText();
        assertSuspension(held, "operator");
        assertActive(plain);

        api.bulk("suspend", kim.id());
        assertEquals("suspended", admin.getJson("/api/v1/clients/" + kim.id()).path("state").asText());
        assertSuspension(held, "operator"); // the operator's hold takes precedence over the cascade (S2)
        assertSuspension(plain, "cascade_client");
        JsonNode cascade = onlyHoldInForce(plain);
        assertEquals("cascade_client", cascade.path("reason").asText());
        assertEquals(kim.id(), cascade.path("source_id").asText());
        assertEquals(List.of("cascade_client", "operator"), reasonsInForce(held));
        assertEquals(401, kimsOpenSession.get("/api/v1/users/me").statusCode(), "the suspended client's session still works");
        assertStatus(401, panel.tryLogin(kim.username(), ClientsApi.PASSWORD));

        api.bulk("activate", kim.id());
        assertEquals("active", admin.getJson("/api/v1/clients/" + kim.id()).path("state").asText());
        assertActive(plain);
        assertEquals(List.of(), reasonsInForce(plain));
        assertSuspension(held, "operator"); // suspended for another reason: activation leaves it (C4)
        assertEquals(List.of("operator"), reasonsInForce(held));
        assertTrue(hold(held, operatorHold).path("in_force").asBoolean(), "the operator's hold was lifted by the activation");
        assertStatus(200, panel.tryLogin(kim.username(), ClientsApi.PASSWORD));

        JsonNode counts = json(admin.send("DELETE", "/api/v1/clients/" + kim.id() + "?dry_run=true"));
        assertEquals(1, counts.path("client").asLong(), counts.toString());
        assertEquals(2, counts.path("subscriptions").asLong(), counts.toString());
        assertEquals(2, counts.path("domains").asLong(), counts.toString());
        assertStatus(200, admin.get("/api/v1/subscriptions/" + held)); // the preview removed nothing

        assertStatus(204, admin.send("DELETE", "/api/v1/clients/" + kim.id()));
        assertStatus(404, admin.get("/api/v1/clients/" + kim.id()));
        assertStatus(404, admin.get("/api/v1/subscriptions/" + held));
        assertStatus(404, admin.get("/api/v1/subscriptions/" + plain));
        assertEquals(List.of(), admin.allItems("/api/v1/subscriptions?client_id=" + kim.id()));
        assertStatus(401, panel.tryLogin(kim.username(), ClientsApi.PASSWORD));
    }

    @Test
    void resellerSuspensionHoldsItsClientsSubscriptionsAndActivationLiftsOnlyThat_C9_S2() throws IOException {
        Reseller rex = api.reseller("Rex Cascade", null);
        PanelSession rexStaff = rex.owner();
        Client dana = api.clientBy(rexStaff, "Dana of Rex", null);
        Client dirk = api.clientBy(rexStaff, "Dirk of Rex", null);
        Client olga = api.client("Olga of the operator", null);
        String danaPlain = subscription(rexStaff, dana, "dana-plain.example");
        String danaHeld = subscription(rexStaff, dana, "dana-held.example");
        String dirkOnly = subscription(rexStaff, dirk, "dirk.example");
        String olgaOnly = subscription(admin, olga, "olga.example");
        created(admin.send(admin.jsonRequest("POST", "/api/v1/subscriptions/" + danaHeld + "/holds",
                body(Map.of("reason", "operator")))));
        // Rex suspends one of his clients himself: a second, independent reason on Dirk's subscription.
        JsonNode dirkSuspended = created(rexStaff.send(rexStaff.jsonRequest("POST", "/api/v1/clients/bulk",
                body(Map.of("action", "suspend", "ids", List.of(dirk.id()))))));
        assertEquals("done", dirkSuspended.path("results").path(0).path("status").asText(), dirkSuspended.toString());

        JsonNode suspended = created(admin.send(admin.jsonRequest("POST", "/api/v1/resellers/" + rex.organizationId()
                + "/suspend", body(Map.of("reason", "Reseller contract on hold")))));
        assertEquals("suspended", suspended.path("state").asText(), suspended.toString());
        assertSuspension(danaPlain, "cascade_reseller");
        assertEquals(List.of("cascade_reseller"), reasonsInForce(danaPlain));
        assertEquals(rex.organizationId(), onlyHoldInForce(danaPlain).path("source_id").asText());
        assertEquals(List.of("cascade_reseller", "operator"), reasonsInForce(danaHeld));
        assertEquals(List.of("cascade_client", "cascade_reseller"), reasonsInForce(dirkOnly));
        assertActive(olgaOnly);
        // The reseller's staff stop at once; its clients themselves are not suspended and still log in.
        assertEquals(401, rexStaff.get("/api/v1/users/me").statusCode(), "the suspended reseller's session still works");
        assertStatus(401, panel.tryLogin(rex.account().username(), ClientsApi.PASSWORD));
        assertEquals("active", admin.getJson("/api/v1/clients/" + dana.id()).path("state").asText());
        assertStatus(200, panel.tryLogin(dana.username(), ClientsApi.PASSWORD));

        JsonNode activated = created(admin.send("POST", "/api/v1/resellers/" + rex.organizationId() + "/activate"));
        assertEquals("active", activated.path("state").asText(), activated.toString());
        assertActive(danaPlain);
        assertSuspension(danaHeld, "operator");
        assertEquals(List.of("operator"), reasonsInForce(danaHeld));
        assertSuspension(dirkOnly, "cascade_client");
        assertEquals(List.of("cascade_client"), reasonsInForce(dirkOnly));
        assertActive(olgaOnly);

        PanelSession rexAgain = panel.login(rex.account().username(), ClientsApi.PASSWORD);
        JsonNode dirkActivated = created(rexAgain.send(rexAgain.jsonRequest("POST", "/api/v1/clients/bulk",
                body(Map.of("action", "activate", "ids", List.of(dirk.id()))))));
        assertEquals("done", dirkActivated.path("results").path(0).path("status").asText(), dirkActivated.toString());
        assertActive(dirkOnly);
    }

    /** A subscription of the client with one domain, made by the given staff; answers its id. */
    private static String subscription(PanelSession staff, Client client, String domain) throws IOException {
        JsonNode created = created(staff.send(staff.jsonRequest("POST", "/api/v1/subscriptions", body(Map.of(
                "client_id", client.id(), "plan", "Hosting S", "expires_at", LocalDate.now().plusYears(1).toString(),
                "services", List.of(Map.of("kind", "domain", "name", domain)))))));
        assertEquals("active", created.path("state").asText(), created.toString());
        return created.path("id").asText();
    }

    private static void assertActive(String subscription) throws IOException {
        JsonNode read = admin.getJson("/api/v1/subscriptions/" + subscription);
        assertEquals("active", read.path("state").asText(), read.toString());
        assertTrue(read.path("suspension").isNull(), read.toString());
    }

    /** Suspended, showing the client the reason that takes precedence. */
    private static void assertSuspension(String subscription, String shownReason) throws IOException {
        JsonNode read = admin.getJson("/api/v1/subscriptions/" + subscription);
        assertEquals("suspended", read.path("state").asText(), read.toString());
        assertEquals(shownReason, read.path("suspension").path("reason").asText(), read.toString());
    }

    /** The reasons of the holds in force, sorted. */
    private static List<String> reasonsInForce(String subscription) throws IOException {
        List<String> reasons = new ArrayList<>();
        for (JsonNode hold : admin.allItems("/api/v1/subscriptions/" + subscription + "/holds")) {
            if (hold.path("in_force").asBoolean()) {
                reasons.add(hold.path("reason").asText());
            } else {
                assertFalse(hold.path("lifted_at").isNull(), "a hold out of force without a lift: " + hold);
            }
        }
        return reasons.stream().sorted().toList();
    }

    private static JsonNode onlyHoldInForce(String subscription) throws IOException {
        List<JsonNode> inForce = admin.allItems("/api/v1/subscriptions/" + subscription + "/holds").stream()
                .filter(hold -> hold.path("in_force").asBoolean()).toList();
        assertEquals(1, inForce.size(), inForce.toString());
        return inForce.get(0);
    }

    private static JsonNode hold(String subscription, String hold) throws IOException {
        return admin.getJson("/api/v1/subscriptions/" + subscription + "/holds/" + hold);
    }
}
