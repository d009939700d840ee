package dev.kontor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kontor.itests.Panel.Reply;
import java.util.Collection;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * The users module takes over the panel's logins while it is active: every login, menu
 * decision and REST call goes through its identity provider. Stopped, it leaves the
 * host's built-in operator login alone; started again, its logins are back as they were.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UsersModuleIT extends KontorTestSupport {

    private static final String USERS_BUNDLE = "dev.kontor.users";
    /** Values of the service property {@code kontor.identity.provider}. */
    private static final String USERS_PROVIDER = "users";
    private static final String BUILT_IN_PROVIDER = "built-in";
    private static final String OPERATOR_ADMIN_ID = "operator-admin";
    private static final String MEMBERS_OF_OPERATOR = "/api/v1/organizations/operator/members";
    private static final String BASIC_USERNAME = "itests-basic";
    private static final String BASIC_PASSWORD = "a basic member's passphrase";

    @Test
    public void usersModuleDecidesEveryLoginWhileActiveAndItsStopLeavesOnlyTheOperatorLogin() throws BundleException {
        awaitUsersModuleInCharge();
        Panel admin = Panel.loginAsAdmin(context);
        assertEquals(OPERATOR_ADMIN_ID, userId(admin));
        assertEquals(200, admin.get("/api/v1/roles").status());
        assertTrue(admin.itemIds("/api/v1/menu").toString(), hasUsersItem(admin.itemIds("/api/v1/menu")));
        Reply created = admin.post(MEMBERS_OF_OPERATOR, newBasicMember());
        assertEquals(created.toString(), 201, created.status());
        String basicId = created.json().path("user_id").asText();
        Panel basic = logInAsBasic();
        assertEquals(basicId, userId(basic));

        Bundle users = runtime.stop(USERS_BUNDLE);

        assertEquals(Bundle.RESOLVED, users.getState());
        assertEquals(List.of(BUILT_IN_PROVIDER), runtime.identityProviders());
        Await.until("the users menu items to be gone", runtime::menuItemIds, ids -> !hasUsersItem(ids));
        Await.until("the JAX-RS runtime to drop v1/roles", () -> runtime.servesResource("v1/roles"), served -> !served);
        assertEquals("the basic login's session ends with the provider that knew it", 401, basic.get("/api/v1/session").status());
        Panel operatorOnly = Panel.loginAsAdmin(context);
        assertEquals(OPERATOR_ADMIN_ID, userId(operatorOnly));
        Reply roles = Await.until("GET /api/v1/roles to answer 404", () -> operatorOnly.get("/api/v1/roles"), r -> r.status() == 404);
        assertTrue(roles.toString(), roles.isProblem());
        Reply refused = Panel.loggedOut(context).logIn(BASIC_USERNAME, BASIC_PASSWORD);
        assertEquals(refused.toString(), 401, refused.status());
        assertTrue(refused.toString(), refused.isProblem());
        List<String> menu = operatorOnly.itemIds("/api/v1/menu");
        assertFalse(menu.toString(), hasUsersItem(menu));

        users.start();

        awaitUsersModuleInCharge();
        Panel basicAgain = logInAsBasic();
        assertEquals("the login and its data outlive the module's stop", basicId, userId(basicAgain));
    }

    /** The users module's provider outranks the built-in one, and its REST resources and menu items are there. */
    private void awaitUsersModuleInCharge() {
        Await.until("the users identity provider to rank first", runtime::identityProviders,
                names -> names.equals(List.of(USERS_PROVIDER, BUILT_IN_PROVIDER)));
        Await.until("the JAX-RS runtime to serve v1/roles", () -> runtime.servesResource("v1/roles"), served -> served);
        Await.until("the users menu items to be registered", runtime::menuItemIds, UsersModuleIT::hasUsersItem);
    }

    /** A new login for an external person, a basic member of the operator's organization (U3). */
    private static ObjectNode newBasicMember() {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("role", "basic");
        request.putObject("new_login")
                .put("username", BASIC_USERNAME)
                .put("email", "basic@itests.example")
                .put("display_name", "Basic Member")
                .put("password", BASIC_PASSWORD);
        return request;
    }

    private Panel logInAsBasic() {
        Panel basic = Panel.loggedOut(context);
        Reply login = basic.logIn(BASIC_USERNAME, BASIC_PASSWORD);
        assertEquals("login as " + BASIC_USERNAME + ": " + login, 200, login.status());
        return basic;
    }

    private static String userId(Panel panel) {
        JsonNode session = panel.json("/api/v1/session");
        return session.path("user").path("id").asText();
    }

    private static boolean hasUsersItem(Collection<String> menuItemIds) {
        return menuItemIds.stream().anyMatch(id -> id.startsWith("users."));
    }
}
