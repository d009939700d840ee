package dev.kontor.e2e;

import static dev.kontor.e2e.PanelSession.json;
import static dev.kontor.e2e.RunningPanel.ADMIN;
import static dev.kontor.e2e.RunningPanel.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A multi-row change and its audit entry survive a crash (SIGKILL) of the panel whole
 * or not at all: the bulk greeting of the example module stores all names and one
 * audit entry in one transaction.
 */
class CrashConsistencyIT {

    private static final String PASSWORD = "e2e-Crash-Passw0rd";
    private static final String BULK = "/api/v1/hello/greetings/bulk";
    /** The most one bulk request takes: the longer the transaction, the likelier the kill lands in it. */
    private static final int MIDWAY_NAMES = 50_000;
    private static final int COMMITTED_NAMES = 10_000;
    private static final int MIDWAY_ATTEMPTS = 3;
    /** A request thread in the module's insert loop: the transaction is open and partly written. */
    private static final String INSERTING = "dev.kontor.examples.hello.internal.Greetings";
    private static final String H2_INSERT = "JdbcPreparedStatement.executeUpdate";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bulkChangeKilledMidTransactionIsThereWholeOrNotAtAllWithMatchingAuditEntry() throws Exception {
        List<String> misses = new ArrayList<>();
        for (int attempt = 1; attempt <= MIDWAY_ATTEMPTS; attempt++) {
            List<String> names = names("midway-" + attempt, MIDWAY_NAMES);
            try (RunningPanel panel = startWithHello("crash-midway-" + attempt)) {
                PanelSession operator = logIn(panel);
                CompletableFuture<HttpResponse<String>> answer = operator.sendAsync(bulk(operator, names));
                boolean killedInside = killInsideTheInsertLoop(panel, answer);
                Optional<HttpResponse<String>> early = answerDespiteTheKill(answer);
                if (!killedInside || early.isPresent()) {
                    misses.add("attempt " + attempt + " was answered before the kill: "
                            + early.map(response -> response.statusCode() + " " + response.body()).orElse("?"));
                    continue;
                }
                try (RunningPanel restarted = panel.restart()) {
                    assertAllOrNothing(logIn(restarted), names);
                }
                return;
            }
        }
        fail("the kill never landed while a thread was in " + INSERTING + " and " + H2_INSERT + ": " + misses);
    }

    @Test
    void bulkChangeAnsweredBeforeKillSurvivesTheCrashWithItsAuditEntry() throws Exception {
        List<String> names = names("committed", COMMITTED_NAMES);
        try (RunningPanel panel = startWithHello("crash-committed")) {
            PanelSession operator = logIn(panel);
            HttpResponse<String> answer = operator.sendAsync(bulk(operator, names))
                    .get(PanelSession.LONG_REQUEST_SECONDS, TimeUnit.SECONDS);
            assertStatus(200, answer);
            assertEquals(names.size(), json(answer).path("stored").asInt(), answer.body());
            panel.kill();

            try (RunningPanel restarted = panel.restart()) {
                assertTrue(assertAllOrNothing(logIn(restarted), names), "the committed greetings are gone");
            }
        }
    }

    private static RunningPanel startWithHello(String name) {
        return RunningPanel.fresh(name, PASSWORD).withHello().start();
    }

    private static PanelSession logIn(RunningPanel panel) throws IOException {
        PanelSession operator = panel.login(ADMIN, PASSWORD);
        operator.awaitHello();
        return operator;
    }

    private static HttpRequest.Builder bulk(PanelSession operator, List<String> names) {
        ObjectNode body = JSON.createObjectNode();
        names.forEach(body.putArray("names")::add);
        return operator.jsonRequest("POST", BULK, body.toString());
    }

    /**
     * Polls the panel's threads until one is inserting, then kills the panel at once.
     * Answers false when the request was answered first.
     */
    private static boolean killInsideTheInsertLoop(RunningPanel panel, CompletableFuture<HttpResponse<String>> answer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(PanelSession.LONG_REQUEST_SECONDS).toNanos();
        while (!answer.isDone() && System.nanoTime() < deadline) {
            if (insertingThread(panel.threadDump())) {
                panel.kill();
                return true;
            }
        }
        panel.kill();
        return false;
    }

    private static boolean insertingThread(String threadDump) {
        return Arrays.stream(threadDump.split("\n\n"))
                .anyMatch(thread -> thread.contains(INSERTING) && thread.contains(H2_INSERT));
    }

    /** The answer if one came after all: the change was then complete before the kill. */
    private static Optional<HttpResponse<String>> answerDespiteTheKill(CompletableFuture<HttpResponse<String>> answer)
            throws InterruptedException, TimeoutException {
        try {
            return Optional.of(answer.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException connectionClosedByTheKill) {
            return Optional.empty();
        }
    }

    /**
     * Either all names and exactly one audit entry "n greetings" are stored, or neither.
     * Answers whether they are.
     */
    private static boolean assertAllOrNothing(PanelSession operator, List<String> names) throws IOException {
        List<JsonNode> stored = operator.allItems("/api/v1/hello/greetings");
        boolean expectStored = !stored.isEmpty();
        assertTrue(stored.isEmpty() || stored.size() == names.size(),
                "stored " + stored.size() + " of " + names.size() + " greetings");
        Set<String> storedNames = stored.stream().map(item -> item.path("name").asText()).collect(Collectors.toSet());
        assertTrue(stored.isEmpty() || storedNames.equals(Set.copyOf(names)), "the stored greetings are not the names sent");
        String target = names.size() + " greetings";
        long entries = operator.allItems("/api/v1/audit?q=hello.greet").stream()
                .filter(entry -> target.equals(entry.path("target").asText())).count();
        assertEquals(expectStored ? 1 : 0, entries, "audit entries \"" + target + "\" with "
                + stored.size() + " greetings stored");
        return expectStored;
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
