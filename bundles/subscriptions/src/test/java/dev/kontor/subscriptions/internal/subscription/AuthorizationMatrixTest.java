package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.rest.SubscriptionsResource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation of {@code /api/v1/subscriptions} as every kind of caller: the
 * operator's owner and basic staff, the client's reseller's owner and basic staff, the
 * client's owner and basic user, and another client's owner. Each call goes the way the
 * host sends it: the method's {@code @RequiresPermission} first (403), then the method,
 * whose answer or refusal is the cell (status, or a bulk item's status).
 */
class AuthorizationMatrixTest {

    private static final List<String> CALLERS = List.of("operator", "operator-basic", "reseller", "reseller-basic", "owner",
            "client-basic", "stranger");
    /** Operation, then the expected cell per caller in the order of {@link #CALLERS}. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("list", List.of("200:some", "200:some", "200:some", "200:some", "200:some", "200:some", "200:none"));
        EXPECTED.put("get", List.of("200", "200", "200", "200", "200", "200", "404"));
        EXPECTED.put("holds", List.of("200", "200", "200", "200", "200", "200", "404"));
        EXPECTED.put("history", List.of("200", "200", "200", "200", "403", "403", "404"));
        EXPECTED.put("create", List.of("201", "403", "201", "403", "403", "403", "403"));
        EXPECTED.put("change", List.of("200", "403", "200", "403", "403", "403", "404"));
        EXPECTED.put("change-auto-renew", List.of("200", "403", "200", "403", "200", "403", "404"));
        EXPECTED.put("place-operator", List.of("201", "403", "403", "403", "403", "403", "404"));
        EXPECTED.put("place-reseller", List.of("403", "403", "201", "403", "403", "403", "404"));
        EXPECTED.put("place-abuse", List.of("201", "403", "403", "403", "403", "403", "404"));
        EXPECTED.put("place-customer", List.of("201", "403", "201", "403", "201", "403", "404"));
        EXPECTED.put("lift-operator", List.of("204", "403", "403", "403", "403", "403", "404"));
        EXPECTED.put("lift-customer", List.of("204", "403", "204", "403", "204", "403", "404"));
        EXPECTED.put("bulk-suspend", List.of("done", "failed", "done", "failed", "done", "failed", "not_found"));
        EXPECTED.put("terminate", List.of("200", "403", "200", "403", "403", "403", "403"));
    }

    @AutoClose
    private SubscriptionsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyOperationAnswersEachKindOfCallerAsTheRulesSay(DatabaseKind kind) {
        fixture = new SubscriptionsFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails client = fixture.clientOf(agency, "Shop", "shopowner");
        ClientDetails stranger = fixture.client("Stranger", "stranger");
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("operator", fixture.operator());
        callers.put("operator-basic", fixture.staff("basic"));
        callers.put("reseller", fixture.owner(agency));
        callers.put("reseller-basic", fixture.member(agency, "basic"));
        callers.put("owner", fixture.owner(client));
        callers.put("client-basic", fixture.member(client, "basic"));
        callers.put("stranger", fixture.owner(stranger));

        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Caller caller : callers.values()) {
            Cells cells = new Cells(caller, client.id());
            cells.forEach((operation, cell) -> actual.computeIfAbsent(operation, name -> new java.util.ArrayList<>()).add(cell));
        }

        EXPECTED.forEach((operation, cells) -> assertEquals(cells, actual.get(operation), operation + " for " + CALLERS));
    }

    @Test
    void everyResourceMethodNeedsAPermissionAtLeastToRead() {
        RequiresPermission onClass = SubscriptionsResource.class.getAnnotation(RequiresPermission.class);
        assertEquals(SubscriptionsPermissions.VIEW, onClass.value());
        for (Method method : SubscriptionsResource.class.getDeclaredMethods()) {
            boolean http = method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                    || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class);
            if (http && method.isAnnotationPresent(RequiresPermission.class)) {
                assertTrue(Arrays.asList(SubscriptionsPermissions.VIEW, SubscriptionsPermissions.MANAGE)
                        .contains(method.getAnnotation(RequiresPermission.class).value()), method.getName());
            }
        }
    }

    /** One caller's row of the matrix, each operation on a subscription of its own making where it changes things. */
    private final class Cells extends LinkedHashMap<String, String> {

        private final Caller caller;
        private final SecurityContext security;
        private final String clientId;

        Cells(Caller caller, String clientId) {
            this.caller = caller;
            this.security = SubscriptionsFixture.security(caller);
            this.clientId = clientId;
            String subscription = fresh();
            put("list", call("list", resource -> {
                Page<SubscriptionView> page = resource.list(null, null, null, null, null, null, security);
                return "200:" + (page.items().isEmpty() ? "none" : "some");
            }));
            put("get", call("get", resource -> status(resource.get(subscription, security))));
            put("holds", call("holds", resource -> {
                resource.holds(subscription, null, null, security);
                return "200";
            }));
            put("history", call("history", resource -> {
                resource.history(subscription, null, null, security);
                return "200";
            }));
            put("create", call("create", resource -> status(resource.create(new NewSubscription(clientId, "New", null,
                    fixture.today().plusYears(1).toString(), null, null, null), security))));
            put("change", call("change", resource -> status(resource.change(subscription,
                    new SubscriptionChange("Changed", null, null, null, null), null, security))));
            String renewing = fresh();
            put("change-auto-renew", call("change", resource -> status(resource.change(renewing,
                    new SubscriptionChange(null, null, null, null, null, true), null, security))));
            for (String reason : List.of("operator", "reseller", "abuse", "customer")) {
                String target = fresh();
                put("place-" + reason, call("place", resource -> status(resource.place(target,
                        new NewHold(reason, null, null, null), security))));
            }
            for (String reason : List.of("operator", "customer")) {
                String target = fresh();
                String hold = fixture.holds.place(fixture.operator(), target, new NewHold(reason, null, null, null)).id();
                put("lift-" + reason, call("lift", resource -> status(resource.lift(target, hold, null, security))));
            }
            String bulkTarget = fresh();
            put("bulk-suspend", call("bulk", resource -> resource.bulk(new BulkRequest("suspend", List.of(bulkTarget), null,
                    null, null), null, security).results().get(0).status()));
            String terminated = fresh();
            put("terminate", call("terminate", resource -> status(resource.terminate(terminated, null, null, security))));
        }

        /** A new subscription of the matrix's client, made by the operator. */
        private String fresh() {
            return fixture.subscriptions.create(fixture.operator(), new NewSubscription(clientId, "Plan", null,
                    fixture.today().plusYears(1).toString(), null, null, null)).id();
        }

        private String call(String methodName, Function<SubscriptionsResource, String> invocation) {
            String permission = permissionOf(methodName);
            if (!caller.has(permission)) {
                return "403";
            }
            try {
                return invocation.apply(fixture.resource);
            } catch (NotFoundException e) {
                return "404";
            } catch (ProblemException e) {
                return Integer.toString(e.status());
            } catch (ValidationException e) {
                return "400 " + e.getMessage();
            }
        }
    }

    /** The permission the host checks before the method runs: the method's, else the class's. */
    private static String permissionOf(String methodName) {
        Method method = Arrays.stream(SubscriptionsResource.class.getDeclaredMethods())
                .filter(candidate -> candidate.getName().equals(methodName)).findFirst().orElseThrow();
        RequiresPermission required = method.getAnnotation(RequiresPermission.class);
        return (required == null ? SubscriptionsResource.class.getAnnotation(RequiresPermission.class) : required).value();
    }

    private static String status(Response response) {
        return Integer.toString(response.getStatus());
    }
}
