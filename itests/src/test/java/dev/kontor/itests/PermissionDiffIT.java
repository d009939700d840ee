package dev.kontor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kontor.itests.Panel.Reply;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * A module upgrade that declares a new permission (issue 8): the module management shows
 * the operator what the new version added and removed; the organization's owner holds
 * the added permission at once, as built-in roles follow what modules declare (U8), while
 * a custom role holds it only once it is granted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PermissionDiffIT extends KontorTestSupport {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Hello 0.1.0's permissions, which the custom role is granted, sorted as the roles listing shows them. */
    private static final List<String> FIRST_PERMISSIONS = List.of("hello.greet", "hello.view");
    /** Declared by Hello 0.2.0 only (itests/fixtures/hello-next), and needed by {@link #WAVE_PATH}. */
    private static final String WAVE = "hello.wave";
    private static final String WAVE_PATH = "/api/v1/hello/wave";
    private static final String MEMBER_PASSWORD = "Permission-Diff-Passw0rd";

    @Test
    public void upgradeShowsTheAddedPermissionWhichCustomRolesHoldOnlyOnceGranted() throws Exception {
        Bundle hello = runtime.installAndStart(KontorOptions.HELLO_JAR);
        Await.until("Hello 0.1.0's permissions to be declared", runtime::declaredPermissions, ids -> ids.containsAll(FIRST_PERMISSIONS));
        // The example is built in the reactor's version: 0.1.0.SNAPSHOT as an OSGi version.
        String first = hello.getVersion().toString();
        Await.until("the release of Hello " + first + " to be recorded", () -> permissionDiff().path("to").asText(), first::equals);
        String organization = created(panel.post("/api/v1/organizations", JSON.objectNode().put("name", "Wave Works"))).path("id").asText();
        Panel owner = member(organization, "wave-owner", "owner");
        String greeter = created(owner.post("/api/v1/roles", JSON.objectNode().put("name", "Greeter")
                .set("permissions", array(FIRST_PERMISSIONS)))).path("id").asText();
        Panel member = member(organization, "wave-greeter", greeter);

        try (InputStream next = runtime.open(KontorOptions.HELLO_NEXT_JAR)) {
            hello.update(next);
        }
        assertEquals(Version.parseVersion("0.2.0"), hello.getVersion());
        Await.until("Hello 0.2.0 to declare " + WAVE, runtime::declaredPermissions, ids -> ids.contains(WAVE));
        Await.until("the JAX-RS runtime to serve " + WAVE_PATH, () -> owner.get(WAVE_PATH), reply -> reply.status() == 200);

        JsonNode diff = Await.until("the release of Hello 0.2.0 to be recorded", this::permissionDiff,
                found -> "0.2.0".equals(found.path("to").asText()));
        assertEquals(diff.toString(), first, diff.path("from").asText());
        assertEquals(diff.toString(), List.of(WAVE), texts(diff.path("added")));
        assertEquals(diff.toString(), List.of(), texts(diff.path("removed")));
        List<String> releases = new ArrayList<>();
        panel.json("/api/v1/modules/hello/management").path("releases").forEach(release -> releases.add(release.path("version").asText()));
        assertEquals("the latest release first", List.of("0.2.0", first), releases);

        assertTrue("the built-in owner role follows what modules declare (U8)", permissionsOfRole(owner, "owner").contains(WAVE));
        assertEquals("a custom role keeps what it was granted", FIRST_PERMISSIONS, permissionsOfRole(owner, greeter));
        assertEquals(200, member.get("/api/v1/hello").status());
        Reply refused = member.get(WAVE_PATH);
        assertEquals(refused.toString(), 403, refused.status());
        assertTrue(refused.toString(), refused.isProblem());

        List<String> withWave = new ArrayList<>(FIRST_PERMISSIONS);
        withWave.add(WAVE);
        Reply granted = owner.patch("/api/v1/roles/" + greeter, JSON.objectNode().set("permissions", array(withWave)));
        assertEquals(granted.toString(), 200, granted.status());

        assertEquals(withWave, permissionsOfRole(owner, greeter));
        Reply waved = member.get(WAVE_PATH);
        assertEquals(waved.toString(), 200, waved.status());
        assertEquals("wave-greeter waves at the team.", waved.json().path("message").asText());
    }

    /** The {@code permission_diff} the operator sees for the module hello. */
    private JsonNode permissionDiff() {
        return panel.json("/api/v1/modules/hello/management").path("permission_diff");
    }

    /** A new login, member of the organization with the role, logged in. */
    private Panel member(String organization, String username, String role) {
        ObjectNode request = JSON.objectNode().put("role", role);
        request.putObject("new_login")
                .put("username", username)
                .put("email", username + "@itests.example")
                .put("display_name", username)
                .put("password", MEMBER_PASSWORD);
        created(panel.post("/api/v1/organizations/" + organization + "/members", request));
        Panel member = Panel.loggedOut(context);
        Reply login = member.logIn(username, MEMBER_PASSWORD);
        assertEquals("login as " + username + ": " + login, 200, login.status());
        return member;
    }

    /** What the role gives in the caller's organization, as {@code GET /api/v1/roles} lists it. */
    private static List<String> permissionsOfRole(Panel caller, String roleId) {
        JsonNode role = caller.item("/api/v1/roles", roleId).orElseThrow(() -> new AssertionError("No role " + roleId));
        return texts(role.path("permissions"));
    }

    private static JsonNode created(Reply reply) {
        assertEquals(reply.toString(), 201, reply.status());
        return reply.json();
    }

    private static ArrayNode array(List<String> texts) {
        ArrayNode array = JSON.arrayNode();
        texts.forEach(array::add);
        return array;
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.toString(), array.isArray());
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
