package dev.kontor.e2e;

import static dev.kontor.e2e.Organizations.items;
import static dev.kontor.e2e.Organizations.menuIds;
import static dev.kontor.e2e.PanelSession.assertProblem;
import static dev.kontor.e2e.PanelSession.json;
import static dev.kontor.e2e.RunningPanel.ADMIN;
import static dev.kontor.e2e.RunningPanel.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator's module management in the standalone panel, with the real gate of the
 * {@code modules} bundle: the example module {@code hello} switched off for one
 * organization is gone there from menu, pages and API alike while another organization
 * keeps it; uploads stay refused until etc/ allows them; removing with the export policy
 * archives the rows, drops the tables and takes the module away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuleManagementIT {

    private static final String PASSWORD = "e2e-Modules-Passw0rd";
    private static final String MENU_ITEM = "hello.main";
    private static final String HELLO = "/api/v1/hello";
    private static final String PAGE = "/modules/hello/index.html";
    private static final String ENABLEMENT = "/api/v1/modules/hello/enablement";
    /** Several runs of the digest job, which runs every second here. */
    private static final Duration JOB_RUNS = Duration.ofSeconds(15);

    private static RunningPanel panel;
    private static Path jar;
    private static PanelSession admin;
    private static String alpha;
    private static String beta;
    /** The owner of Alpha, which holds every permission of Alpha. */
    private static PanelSession alphaOwner;
    private static PanelSession betaOwner;
    /** Greetings posted so far, all organizations together. */
    private static int greeted;

    @BeforeAll
    static void deployHelloAndMakeTwoOrganizations() throws IOException {
        panel = RunningPanel.startFresh("module-management", PASSWORD);
        // Hello's digest job every second instead of every hour, through the component's configuration.
        Files.writeString(panel.home().resolve("etc/dev.kontor.examples.hello.digest.cfg"), "kontor.job.intervalSeconds = 1\n");
        admin = panel.login(ADMIN, PASSWORD);
        jar = panel.deploy().resolve(panel.helloJar().getFileName());
        Files.copy(panel.helloJar(), jar);
        admin.awaitHello();
        alpha = Organizations.create(admin, "Alpha");
        beta = Organizations.create(admin, "Beta");
        alphaOwner = panel.login(Organizations.newMember(admin, alpha, "alpha-owner", "owner"), Organizations.MEMBER_PASSWORD);
        betaOwner = panel.login(Organizations.newMember(admin, beta, "beta-owner", "owner"), Organizations.MEMBER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    /** Every test starts from "no rules": hello on everywhere. */
    @AfterEach
    void dropRules() throws IOException {
        if (items(admin.getJson("/api/v1/modules")).anyMatch(module -> module.path("id").asText().equals("hello"))) {
            for (JsonNode rule : admin.getJson("/api/v1/modules/hello/management").path("rules")) {
                String query = "?scope=" + rule.path("scope").asText()
                        + (rule.path("scope_id").isTextual() ? "&scope_id=" + rule.path("scope_id").asText() : "");
                assertStatus(204, admin.send("DELETE", ENABLEMENT + query));
            }
        }
    }

    @Test
    @Order(1)
    void offForOneOrganizationClosesMenuPageAndApiThereWhileTheOtherKeepsThem() throws IOException {
        assertServed(alphaOwner);
        switchHello("{\"scope\":\"organization\",\"scope_id\":\"" + alpha + "\",\"enabled\":false}");

        assertClosed(alphaOwner);
        assertServed(betaOwner);

        assertStatus(204, admin.send("DELETE", ENABLEMENT + "?scope=organization&scope_id=" + alpha));
        assertServed(alphaOwner);
    }

    @Test
    @Order(2)
    void scheduledJobLeavesAnOrganizationAloneWhileTheModuleIsOffThereAndGoesOnForTheOther() throws IOException {
        greet(alphaOwner, "Ada");
        greet(betaOwner, "Bea");
        Eventually.until("both digests count one greeting", JOB_RUNS, () -> greetings(alpha) == 1 && greetings(beta) == 1);

        switchHello("{\"scope\":\"organization\",\"scope_id\":\"" + alpha + "\",\"enabled\":false}");
        Instant switchedOff = Instant.now();
        greet(betaOwner, "Ben");
        Eventually.until("a run after the switch counts Beta's second greeting", JOB_RUNS,
                () -> greetings(beta) == 2 && computedAt(beta).isAfter(switchedOff));

        assertTrue(computedAt(alpha).isBefore(switchedOff), "no run acted for Alpha while hello was off there: "
                + digest(alpha));
    }

    @Test
    @Order(3)
    void organizationRuleBeatsThePanelRule() throws IOException {
        switchHello("{\"scope\":\"panel\",\"enabled\":false}");
        switchHello("{\"scope\":\"organization\",\"scope_id\":\"" + beta + "\",\"enabled\":true}");

        assertClosed(alphaOwner);
        assertServed(betaOwner);
        JsonNode management = admin.getJson("/api/v1/modules/hello/management");
        assertEquals(2, management.path("rules").size(), management.toString());
    }

    @Test
    @Order(4)
    void switchingOffAnUnknownScopeOrTheModulesModuleItselfIsRefusedNamingTheField() throws IOException {
        HttpResponse<String> unknownScope = admin.send(admin.jsonRequest("PUT", ENABLEMENT, "{\"scope\":\"galaxy\",\"enabled\":false}"));
        assertProblem(400, unknownScope);
        assertEquals("scope", json(unknownScope).path("errors").path(0).path("field").asText(), unknownScope.body());

        HttpResponse<String> itself = admin.send(admin.jsonRequest("PUT", "/api/v1/modules/modules/enablement",
                "{\"scope\":\"panel\",\"enabled\":false}"));
        assertProblem(400, itself);
    }

    @Test
    @Order(5)
    void uploadIsRefusedUntilEtcAllowsItAndTheModulesListStillAnswers() throws IOException {
        HttpResponse<String> upload = admin.send(admin.request("/api/v1/module-uploads").header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(panel.helloJar())));
        assertProblem(403, upload);
        assertTrue(json(upload).path("type").asText().endsWith("upload-disabled"), upload.body());

        JsonNode modules = admin.getJson("/api/v1/modules");
        assertTrue(items(modules).anyMatch(module -> module.path("id").asText().equals("hello")), modules.toString());
        assertTrue(items(modules).anyMatch(module -> module.path("id").asText().equals("modules")), modules.toString());
    }

    @Test
    @Order(6)
    void removalWithExportArchivesTheRowsDropsTheTablesAndTakesTheModuleAway() throws IOException {
        greet(alphaOwner, "Archive me");
        HttpResponse<String> planned = admin.send(admin.jsonRequest("POST", "/api/v1/modules/hello/removal",
                "{\"policy\":\"export\",\"dry_run\":true}"));
        assertStatus(200, planned);
        assertEquals(greeted, json(planned).path("tables").path("hello_greeting").asInt(), planned.body());

        HttpResponse<String> removed = admin.send(admin.jsonRequest("POST", "/api/v1/modules/hello/removal", "{\"policy\":\"export\"}"));
        assertStatus(200, removed);
        String file = json(removed).path("export_file").asText();
        HttpResponse<String> archive = admin.get("/api/v1/modules/hello/exports/" + file);
        assertStatus(200, archive);
        assertTrue(archive.body().contains("Archive me"), archive.body());

        assertFalse(Files.exists(jar), "the jar leaves deploy/, else it would come back");
        assertFalse(items(admin.getJson("/api/v1/modules")).anyMatch(module -> module.path("id").asText().equals("hello")));
        assertStatus(404, alphaOwner.get(HELLO));
        JsonNode audit = admin.getJson("/api/v1/audit?q=modules.remove");
        assertEquals(1, audit.path("items").size(), audit.toString());
    }

    @Test
    @Order(7)
    void removingAModuleThatOthersUseIsRefusedNamingThem() throws IOException {
        HttpResponse<String> refused = admin.send(admin.jsonRequest("POST", "/api/v1/modules/clients/removal", "{\"dry_run\":true}"));
        assertProblem(409, refused);
        assertTrue(json(refused).path("detail").asText().contains("subscriptions"), refused.body());
        assertTrue(items(admin.getJson("/api/v1/modules")).anyMatch(module -> module.path("id").asText().equals("clients")));
    }

    @Test
    @Order(8)
    void onceEtcAllowsUploadsAnUploadedJarIsDeployedAndServed() throws IOException {
        Files.writeString(panel.home().resolve("etc/dev.kontor.modules.cfg"), "upload.enabled = true\n");
        Path myAccess = example("kontor-example-myaccess-");
        Eventually.until("the upload accepted", Eventually.HOT_DEPLOY, () -> admin.send(admin.request("/api/v1/module-uploads")
                .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofFile(myAccess)))
                .statusCode() == 202);

        try (var deployed = Files.list(panel.deploy())) {
            assertTrue(deployed.anyMatch(file -> file.getFileName().toString().contains("myaccess")),
                    "the jar lies in deploy/, so it survives a restart");
        }
        Eventually.until("myaccess active", Eventually.HOT_DEPLOY, () -> items(admin.getJson("/api/v1/modules"))
                .anyMatch(module -> module.path("id").asText().equals("myaccess") && module.path("state").asText().equals("active")));

        HttpResponse<String> notAModule = admin.send(admin.request("/api/v1/module-uploads")
                .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.ofString("not a jar")));
        assertProblem(400, notAModule);
        assertEquals("file", json(notAModule).path("errors").path(0).path("field").asText(), notAModule.body());
    }

    /** A jar of the distribution's examples/ folder. */
    private static Path example(String prefix) throws IOException {
        try (var files = Files.list(panel.home().resolve("examples"))) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static void greet(PanelSession member, String name) throws IOException {
        assertStatus(200, member.send(member.jsonRequest("POST", HELLO, "{\"name\":\"" + name + "\"}")));
        greeted++;
    }

    /** The organization's digest as the operator sees it; missing until the job ran for it. */
    private static JsonNode digest(String organization) throws IOException {
        HttpResponse<String> answer = admin.get(HELLO + "/digest?organization_id=" + organization);
        return answer.statusCode() == 200 ? json(answer) : null;
    }

    private static long greetings(String organization) throws IOException {
        JsonNode digest = digest(organization);
        return digest == null ? -1 : digest.path("greetings").asLong();
    }

    private static Instant computedAt(String organization) throws IOException {
        return Instant.parse(digest(organization).path("computed_at").asText());
    }

    private static void switchHello(String rule) throws IOException {
        assertStatus(200, admin.send(admin.jsonRequest("PUT", ENABLEMENT, rule)));
    }

    /** Menu item, page and API answer the member. */
    private static void assertServed(PanelSession member) throws IOException {
        assertTrue(menuIds(member).contains(MENU_ITEM), member.get("/api/v1/menu").body());
        assertStatus(200, member.get(PAGE));
        assertStatus(200, member.get(HELLO));
    }

    /** Menu item, page and API are all gone for the member: no page that loads while its API answers 404. */
    private static void assertClosed(PanelSession member) throws IOException {
        assertFalse(menuIds(member).contains(MENU_ITEM), member.get("/api/v1/menu").body());
        assertStatus(404, member.get(PAGE));
        HttpResponse<String> api = member.get(HELLO);
        assertProblem(404, api);
        assertTrue(json(api).path("type").asText().endsWith("module-disabled"), api.body());
    }
}
