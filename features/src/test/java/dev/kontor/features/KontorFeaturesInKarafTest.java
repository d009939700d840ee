package dev.kontor.features;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Installs the features repository into a real Karaf 4.4 (minimal distribution): feature kontor at boot, then
 * feature kontor-example-hello at runtime through the Karaf shell, as an operator would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KontorFeaturesInKarafTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Predicate<JsonNode> UP = health -> "UP".equals(health.path("status").asText());

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

        awaitHealth("module hello active", health -> hasModule(health, "hello")
                && "active".equals(module(health, "hello").path("state").asText()));
    }

    /** Polls GET /api/v1/health until it answers 200 with a body that matches; fails with Karaf's log otherwise. */
    private JsonNode awaitHealth(String expectation, Predicate<JsonNode> matches) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(karaf.uri("/api/v1/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(WAIT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode health = JSON.readTree(response.body());
                    if (matches.test(health)) {
                        return health;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            karaf.assertAlive();
            Thread.sleep(500);
        }
        throw new AssertionError("GET " + request.uri() + " did not show " + expectation + " within " + WAIT
                + "; last answer: " + last + "\n" + karaf.logTail());
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
