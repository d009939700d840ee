package dev.kontor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kontor.itests.Panel.Reply;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;

/**
 * Modules come, go, update and fail while the panel runs: each test checks the
 * runtime's own state (bundles, services, the JAX-RS runtime, DS) and what the
 * operator {@code admin} gets over HTTP.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLifecycleIT extends KontorTestSupport {

    private static final List<String> HELLO_PERMISSIONS = List.of("hello.view", "hello.greet");

    @Test
    public void moduleContributesMenuItemRestResourceAndPermissionsExactlyWhileItsBundleIsActive() throws BundleException {
        Bundle hello = runtime.installAndStart(KontorOptions.HELLO_JAR);
        assertHelloContributes();

        hello.stop();
        assertHelloContributesNothing();

        hello.start();
        assertHelloContributes();

        hello.uninstall();
        assertEquals(Bundle.UNINSTALLED, hello.getState());
        assertHelloContributesNothing();
    }

    @Test
    public void updatedModuleIsServedInItsNewVersionWithoutRestart() throws Exception {
        Bundle hello = runtime.installAndStart(KontorOptions.HELLO_JAR);
        awaitHelloMessage("Hello, admin!");
        awaitMenuLabel("Hello");

        try (InputStream next = runtime.open(KontorOptions.HELLO_NEXT_JAR)) {
            hello.update(next);
        }

        assertEquals(Version.parseVersion("0.2.0"), hello.getVersion());
        assertEquals(Bundle.ACTIVE, hello.getState());
        // The same session still works: the panel itself did not restart.
        awaitHelloMessage("Good day from Hello 0.2.0, admin!");
        awaitMenuLabel("Hello, renewed");
        assertTrue(runtime.menuItemIds().contains("hello.main"));
        assertTrue(runtime.declaredPermissions().containsAll(HELLO_PERMISSIONS));
        assertTrue(panel.itemIds("/api/v1/permissions").containsAll(HELLO_PERMISSIONS));
        JsonNode module = panel.item("/api/v1/modules", "hello").orElseThrow();
        assertEquals("0.2.0", module.path("version").asText());
        assertEquals(hello.getBundleId(), module.path("bundle_id").asLong());
        assertEquals("active", module.path("state").asText());
    }

    @Test
    public void moduleThrowingWhileStartingIsReportedFailedWhileThePanelKeepsAnswering() throws BundleException {
        runtime.installAndStart(KontorOptions.HELLO_JAR);
        Bundle failing = runtime.installAndStart(KontorOptions.FAILING_MODULE_JAR);

        String failure = Await.until("DS to record the failed activation",
                () -> runtime.componentFailure(failing, "dev.kontor.itests.failing.FailingActivation"), Optional::isPresent).get();
        assertTrue(failure, failure.contains("activation refused on purpose"));
        assertEquals("a failing component does not stop its bundle", Bundle.ACTIVE, failing.getState());
        assertFailedModule("Component dev.kontor.itests.failing.FailingActivation failed to activate");
        JsonNode health = panel.json("/api/v1/health");
        assertEquals("UP", health.path("status").asText());
        assertTrue(health.toString(), health.path("modules").toString().contains("{\"id\":\"failing\",\"state\":\"failed\"}"));
        assertPanelAndHelloAnswer();
    }

    @Test
    public void moduleThrowingWhileAnsweringTheMenuLosesOnlyItsOwnItemAndIsReportedFailed() throws BundleException {
        runtime.installAndStart(KontorOptions.HELLO_JAR);
        runtime.installAndStart(KontorOptions.FAILING_MODULE_JAR);
        Await.until("the failing menu item to be registered", runtime::menuItemIds, ids -> ids.contains("failing.main"));

        List<String> menu = panel.itemIds("/api/v1/menu");

        assertFalse(menu.toString(), menu.contains("failing.main"));
        assertFailedModule("Menu item failing.main threw: java.lang.IllegalStateException: failing module: menu visibility refused on purpose");
        assertPanelAndHelloAnswer();
    }

    @Test
    public void moduleThrowingInARequestAnswersProblemWithoutStackTraceAndIsReportedFailed() throws BundleException {
        runtime.installAndStart(KontorOptions.HELLO_JAR);
        runtime.installAndStart(KontorOptions.FAILING_MODULE_JAR);
        Await.until("the JAX-RS runtime to serve v1/failing", () -> runtime.servesResource("v1/failing"), served -> served);

        Reply reply = Await.until("GET /api/v1/failing to reach the resource", () -> panel.get("/api/v1/failing"), r -> r.status() != 404);

        assertEquals(reply.toString(), 500, reply.status());
        assertTrue(reply.toString(), reply.isProblem());
        assertEquals(500, reply.json().path("status").asInt());
        assertTrue(reply.toString(), reply.json().path("detail").asText().contains("module failing"));
        for (String internal : List.of("IllegalStateException", "refused on purpose", "dev.kontor.itests.failing", "\tat ")) {
            assertFalse("the answer keeps '" + internal + "' to the log: " + reply, reply.body().contains(internal));
        }
        assertFailedModule("Threw while serving a request: java.lang.IllegalStateException: failing module: request refused on purpose");
        assertPanelAndHelloAnswer();
    }

    private void assertHelloContributes() {
        Await.until("the hello menu item to be registered", runtime::menuItemIds, ids -> ids.contains("hello.main"));
        Await.until("the hello permissions to be declared", runtime::declaredPermissions, ids -> ids.containsAll(HELLO_PERMISSIONS));
        Await.until("the JAX-RS runtime to serve v1/hello", () -> runtime.servesResource("v1/hello"), served -> served);
        awaitHelloMessage("Hello, admin!");
        assertTrue(panel.itemIds("/api/v1/menu").contains("hello.main"));
        assertTrue(panel.itemIds("/api/v1/permissions").containsAll(HELLO_PERMISSIONS));
    }

    private void assertHelloContributesNothing() {
        Await.until("the hello menu item to be gone", runtime::menuItemIds, ids -> !ids.contains("hello.main"));
        Await.until("the hello permissions to be gone", runtime::declaredPermissions, ids -> ids.stream().noneMatch(HELLO_PERMISSIONS::contains));
        Await.until("the JAX-RS runtime to drop v1/hello", () -> runtime.servesResource("v1/hello"), served -> !served);
        Reply reply = Await.until("GET /api/v1/hello to answer 404", () -> panel.get("/api/v1/hello"), r -> r.status() == 404);
        assertTrue(reply.toString(), reply.isProblem());
        assertFalse(panel.itemIds("/api/v1/menu").contains("hello.main"));
        assertTrue(panel.itemIds("/api/v1/permissions").stream().noneMatch(HELLO_PERMISSIONS::contains));
    }

    private void awaitHelloMessage(String message) {
        Reply reply = Await.until("GET /api/v1/hello to greet with '" + message + "'", () -> panel.get("/api/v1/hello"),
                r -> r.status() == 200 && message.equals(r.json().path("message").asText()));
        assertTrue(reply.contentType().startsWith("application/json"));
    }

    private void awaitMenuLabel(String label) {
        Await.until("the hello menu item to be labelled '" + label + "'",
                () -> panel.item("/api/v1/menu", "hello.main").map(item -> item.path("label").asText()).orElse(""), label::equals);
    }

    /** The operator sees the module {@code failing} as failed, for this reason. */
    private void assertFailedModule(String reason) {
        JsonNode module = Await.until("the module 'failing' to be reported with reason '" + reason + "'",
                () -> panel.item("/api/v1/modules", "failing"),
                found -> found.isPresent() && found.get().path("reason").asText().startsWith(reason)).get();
        assertEquals("failed", module.path("state").asText());
    }

    /** A failing module takes nothing else down: the panel and the hello module keep answering. */
    private void assertPanelAndHelloAnswer() {
        assertEquals("UP", panel.json("/api/v1/health").path("status").asText());
        assertTrue(panel.itemIds("/api/v1/menu").contains("hello.main"));
        assertEquals("active", panel.item("/api/v1/modules", "hello").orElseThrow().path("state").asText());
        awaitHelloMessage("Hello, admin!");
    }
}
