package dev.kontor.e2e;

import static dev.kontor.e2e.RunningPanel.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Modules come and go through deploy/ of the running panel, without a restart. */
class HotDeployIT {

    private static final String PASSWORD = "e2e-HotDeploy-Passw0rd";

    private static RunningPanel panel;
    private static PanelSession operator;

    @BeforeAll
    static void start() throws IOException {
        panel = RunningPanel.startFresh("hot-deploy", PASSWORD);
        operator = panel.login(ADMIN, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (panel != null) {
            panel.close();
        }
    }

    @AfterEach
    void emptyDeployFolder() throws IOException {
        try (Stream<Path> jars = Files.list(panel.deploy())) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        Eventually.until("module hello is gone", Eventually.HOT_DEPLOY, () -> !moduleIds().contains("hello"));
    }

    @Test
    void deployedModuleAppearsInMenuAndApiAndDisappearsWhenRemoved() throws IOException {
        Path jar = panel.deploy().resolve(panel.helloJar().getFileName());
        Files.copy(panel.helloJar(), jar);

        Eventually.until("hello.main in the menu", Eventually.HOT_DEPLOY, () -> menuIds().contains("hello.main"));
        Eventually.until("GET /api/v1/hello answers 200", Eventually.HOT_DEPLOY,
                () -> operator.get("/api/v1/hello").statusCode() == 200);
        Eventually.until("/api/v1/hello described in the OpenAPI document with its permission", Eventually.HOT_DEPLOY,
                () -> "hello.view".equals(openApiPermission("/api/v1/hello", "get")));

        Files.delete(jar);

        Eventually.until("hello.main gone from the menu", Eventually.HOT_DEPLOY, () -> !menuIds().contains("hello.main"));
        Eventually.until("GET /api/v1/hello answers 404", Eventually.HOT_DEPLOY,
                () -> operator.get("/api/v1/hello").statusCode() == 404);
        Eventually.until("/api/v1/hello gone from the OpenAPI document", Eventually.HOT_DEPLOY,
                () -> operator.getJson("/api/v1/openapi.json").path("paths").path("/api/v1/hello").isMissingNode());
        assertFalse(operator.getJson("/api/v1/openapi.json").path("paths").path("/api/v1/health").isMissingNode(),
                "the panel's own resources stay described");
    }

    /** The permission the live OpenAPI document names for an operation, or null. */
    private static String openApiPermission(String path, String method) throws IOException {
        JsonNode operation = operator.getJson("/api/v1/openapi.json").path("paths").path(path).path(method);
        return operation.isMissingNode() ? null : operation.path("x-kontor-permission").asText(null);
    }

    @Test
    void halfCopiedJarIsNotInstalledUntilItIsComplete() throws IOException {
        byte[] bytes = Files.readAllBytes(panel.helloJar());
        int half = bytes.length / 2;
        Path jar = panel.deploy().resolve("x.jar");
        Files.write(jar, Arrays.copyOfRange(bytes, 0, half));

        // Several FileInstall polls (250 ms) with the file unchanged: long enough to be picked up if it would be.
        Eventually.sleep(Duration.ofMillis(1500));
        assertFalse(moduleIds().contains("hello"), "a half-written jar was installed:\n" + operator.get("/api/v1/modules").body());
        assertEquals(List.of(), failedModules(), operator.get("/api/v1/modules").body());
        assertFalse(menuIds().contains("hello.main"));

        Files.write(jar, Arrays.copyOfRange(bytes, half, bytes.length), StandardOpenOption.APPEND);

        Eventually.until("module hello active once the jar is complete", Eventually.HOT_DEPLOY,
                () -> activeModules().contains("hello"));
        assertEquals(List.of(), failedModules(), operator.get("/api/v1/modules").body());
        Eventually.until("hello.main in the menu", Eventually.HOT_DEPLOY, () -> menuIds().contains("hello.main"));
    }

    private static List<String> menuIds() throws IOException {
        return fieldOfItems(operator.getJson("/api/v1/menu"), "id");
    }

    private static List<String> moduleIds() throws IOException {
        return fieldOfItems(operator.getJson("/api/v1/modules"), "id");
    }

    private static List<String> activeModules() throws IOException {
        return modulesIn("active").map(item -> item.path("id").asText()).toList();
    }

    private static List<String> failedModules() throws IOException {
        return modulesIn("failed").map(item -> item.path("id").asText() + ": " + item.path("reason").asText()).toList();
    }

    private static Stream<JsonNode> modulesIn(String state) throws IOException {
        return items(operator.getJson("/api/v1/modules")).filter(item -> state.equals(item.path("state").asText()));
    }

    private static List<String> fieldOfItems(JsonNode page, String field) {
        return items(page).map(item -> item.path(field).asText()).toList();
    }

    private static Stream<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false);
    }
}
