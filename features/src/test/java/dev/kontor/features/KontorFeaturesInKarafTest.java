package dev.kontor.features;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Installs the features repository into a real Karaf 4.4 (minimal distribution): feature kontor at boot, then, as an
 * operator would through the Karaf shell, feature kontor-example-hello, and feature kontor-example-provisioner, which
 * brings the modules subscriptions, clients and users through its dependencies, and last kontor-example-myaccess.
 * One Karaf for all steps, in order: each starts from what the steps before it installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KontorFeaturesInKarafTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Predicate<JsonNode> UP = health -> "UP".equals(health.path("status").asText());
    /** The modules of feature kontor-example-provisioner and the features it depends on. */
    private static final List<String> PROVISIONER_MODULES = List.of("users", "clients", "subscriptions", "provisioner");
    /** One REST resource of each of the modules users, clients (with resellers) and subscriptions (with invoices). */
    private static final List<String> MODULE_ENDPOINTS = List.of("/api/v1/organizations", "/api/v1/clients",
            "/api/v1/resellers", "/api/v1/subscriptions", "/api/v1/invoices");
    private static final Set<String> MODULE_MENU_ITEMS = Set.of("users.members", "clients.main", "subscriptions.main");
    private static final String PROVISIONER_COMPONENT = "dev.kontor.examples.provisioner.internal.WebServerProvisioner";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private KarafRuntime karaf;

    @BeforeAll
    void startKarafWithKontorAsBootFeature() throws IOException {
        karaf = KarafRuntime.prepare(
                BuildProperties.path("karaf.check.home"),
                BuildProperties.path("karaf.check.work"),
                BuildProperties.path("karaf.check.repository"));
        karaf.bootFeatures(BuildProperties.value("kontor.features.url"), "kontor");
        karaf.start();
    }

    @AfterAll
    void stopKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void kontorFeatureServesHealthyPanel() throws InterruptedException {
        awaitHealth("status UP", UP);
    }

    @Test
    @Order(2)
    void exampleFeatureInstalledAtRuntimeAddsActiveHelloModule() throws IOException, InterruptedException {
        JsonNode before = awaitHealth("status UP", UP);
        assertFalse(hasModule(before, "hello"), "hello is there before its feature is installed: " + before);

        karaf.shell("feature:install kontor-example-hello");

        awaitHealth("module hello active", health -> isActive(health, "hello"));
    }

    /** Feature kontor is the host panel alone: the modules come with their own features. */
    @Test
    @Order(3)
    void kontorFeatureLeavesOutTheModules() throws IOException, InterruptedException {
        JsonNode health = awaitHealth("status UP", UP);
        for (String module : PROVISIONER_MODULES) {
            assertFalse(hasModule(health, module), module + " is there before its feature is installed: " + health);
        }
        for (String path : MODULE_ENDPOINTS) {
            assertEquals(404, get(path, null).statusCode(), "GET " + path + " before the modules' features");
        }
        assertEquals(Set.of(), moduleMenuItemsIn(menuOfOperator()), "module menu items before the modules' features");
    }

    @Test
    @Order(4)
    void provisionerFeatureBringsSubscriptionsClientsAndUsersActive() throws IOException, InterruptedException {
        karaf.shell("feature:install kontor-example-provisioner");

        awaitHealth("modules " + PROVISIONER_MODULES + " active",
                health -> PROVISIONER_MODULES.stream().allMatch(module -> isActive(health, module)));
    }

    /** Each module's resources are there behind the panel's access check: 401 without a login, not 404. */
    @Test
    @Order(5)
    void moduleEndpointsAskForALogin() throws InterruptedException {
        for (String path : MODULE_ENDPOINTS) {
            await("GET " + path + " answers 401", () -> get(path, null), response -> response.statusCode() == 401,
                    response -> response.statusCode() + " " + response.body());
        }
    }

    /**
     * Every component of every Kontor bundle has what it references, so no feature lacks a module whose services
     * its bundle needs; the example provisioner is active, which it becomes only when subscriptions takes it up.
     */
    @Test
    @Order(6)
    void everyKontorComponentIsSatisfiedAndSubscriptionsUsesTheProvisioner() throws InterruptedException {
        ComponentList components = await("every Kontor component satisfied, " + PROVISIONER_COMPONENT + " active",
                () -> ComponentList.parse(karaf.shell("scr:list | cat")),
                list -> list.notWorking("dev.kontor.").isEmpty() && list.component(PROVISIONER_COMPONENT) != null
                        && list.component(PROVISIONER_COMPONENT).states().equals(List.of("ACTIVE")),
                list -> "not satisfied: " + list.notWorking("dev.kontor.") + "; provisioner: "
                        + list.component(PROVISIONER_COMPONENT));

        Set<String> bundlesWithComponents = new TreeSet<>();
        components.ofBundles("dev.kontor.").values().forEach(component -> bundlesWithComponents.add(component.bundle()));
        assertTrue(bundlesWithComponents.containsAll(Set.of("dev.kontor.users", "dev.kontor.clients",
                "dev.kontor.subscriptions", "dev.kontor.example.provisioner")), "bundles with components: "
                + bundlesWithComponents);
    }

    @Test
    @Order(7)
    void moduleMenuItemsAppearForTheOperator() throws IOException, InterruptedException {
        JsonNode menu = menuOfOperator();
        assertAll(MODULE_MENU_ITEMS.stream().map(id -> () -> assertTrue(moduleMenuItemsIn(menu).contains(id),
                "menu item " + id + " in " + menu)));
    }

    /** The minimal example brings the users module it reads from, and its menu item reaches the operator. */
    @Test
    @Order(8)
    void myAccessFeatureInstalledAtRuntimeAddsItsMenuItem() throws IOException, InterruptedException {
        assertFalse(menuItemIds(menuOfOperator()).contains("myaccess.main"), "myaccess.main before its feature");

        karaf.shell("feature:install kontor-example-myaccess");

        awaitHealth("module myaccess active", health -> isActive(health, "myaccess"));
        await("myaccess.main in the operator's menu", this::menuOfOperator,
                menu -> menuItemIds(menu).contains("myaccess.main"), JsonNode::toString);
    }

    /** Polls GET /api/v1/health until it answers 200 with a body that matches; fails with Karaf's log otherwise. */
    private JsonNode awaitHealth(String expectation, Predicate<JsonNode> matches) throws InterruptedException {
        return await("GET /api/v1/health shows " + expectation, () -> {
            HttpResponse<String> response = get("/api/v1/health", null);
            if (response.statusCode() != 200) {
                throw new IOException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }, matches, JsonNode::toString);
    }

    /** Looks once; an IOException means there is nothing to see yet (e.g. the panel does not answer). */
    private interface Probe<T> {
        T look() throws IOException, InterruptedException;
    }

    /** Polls until what the probe sees matches; fails with the last thing seen and Karaf's log otherwise. */
    private <T> T await(String expectation, Probe<T> probe, Predicate<T> matches,
            Function<T, String> describe) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String last = "nothing";
        while (Instant.now().isBefore(deadline)) {
            try {
                T seen = probe.look();
                if (matches.test(seen)) {
                    return seen;
                }
                last = describe.apply(seen);
            } catch (IOException e) {
                last = e.toString();
            }
            karaf.assertAlive();
            Thread.sleep(500);
        }
        throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + expectation + "; last seen: " + last
                + "\n" + karaf.logTail());
    }

    private HttpResponse<String> get(String path, String sessionCookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(karaf.uri(path)).timeout(Duration.ofSeconds(5));
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in as the operator ({@code admin}) and reads the menu the panel shows them. */
    private JsonNode menuOfOperator() throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("username", "admin").put("password", KarafRuntime.OPERATOR_PASSWORD)
                .toString();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(karaf.uri("/api/v1/session"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), "operator login: " + login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("KONTOR_SESSION=")).map(value -> value.split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        HttpResponse<String> menu = get("/api/v1/menu", cookie);
        assertEquals(200, menu.statusCode(), "GET /api/v1/menu: " + menu.body());
        return JSON.readTree(menu.body());
    }

    private static Set<String> moduleMenuItemsIn(JsonNode menu) {
        Set<String> ids = menuItemIds(menu);
        ids.retainAll(MODULE_MENU_ITEMS);
        return ids;
    }

    private static Set<String> menuItemIds(JsonNode menu) {
        Set<String> ids = new TreeSet<>();
        menu.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static boolean isActive(JsonNode health, String id) {
        return "active".equals(module(health, id).path("state").asText());
    }

    private static boolean hasModule(JsonNode health, String id) {
        return !module(health, id).isMissingNode();
    }

    private static JsonNode module(JsonNode health, String id) {
        for (JsonNode module : health.path("modules")) {
            if (id.equals(module.path("id").asText())) {
                return module;
            }
        }
        return JSON.missingNode();
    }
}
