package dev.kontor.subscriptions.internal.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.idempotency.internal.ModuleIdempotentRequests;
import dev.kontor.subscriptions.internal.rest.AutomationResource;
import dev.kontor.subscriptions.internal.rest.InvoicesResource;
import dev.kontor.subscriptions.internal.rest.RenewalResource;
import dev.kontor.subscriptions.internal.subscription.SubscriptionsFixture;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation of {@code /api/v1/invoices}, {@code /subscriptions/{id}/renew} and
 * {@code /subscriptions/automation/run} as every kind of caller, the way the host sends
 * it: the method's (or class's) {@code @RequiresPermission} first (403), then the method.
 */
class BillingAuthorizationMatrixTest {

    private static final List<String> CALLERS = List.of("operator", "operator-basic", "operator-billing", "reseller",
            "reseller-basic", "owner", "client-billing", "client-basic", "stranger");
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("list", List.of("200:some", "403", "200:some", "200:some", "403", "200:some", "200:some", "403", "200:none"));
        EXPECTED.put("get", List.of("200", "403", "200", "200", "403", "200", "200", "403", "404"));
        EXPECTED.put("create", List.of("201", "403", "201", "201", "403", "403", "403", "403", "403"));
        EXPECTED.put("pay", List.of("200", "403", "200", "200", "403", "403", "403", "403", "403"));
        EXPECTED.put("cancel", List.of("200", "403", "200", "200", "403", "403", "403", "403", "403"));
        EXPECTED.put("renew", List.of("200", "403", "200", "200", "403", "200", "200", "403", "404"));
        EXPECTED.put("run", List.of("200", "403", "403", "403", "403", "403", "403", "403", "403"));
    }

    @AutoClose
    private BillingFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyOperationAnswersEachKindOfCallerAsTheRulesSay_S4_S5(DatabaseKind kind) {
        fixture = new BillingFixture(kind);
        ClientDetails agency = fixture.base.reseller("Agency", "agency");
        ClientDetails shop = fixture.base.clientOf(agency, "Shop", "shopowner");
        ClientDetails stranger = fixture.client("Stranger", "stranger");
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("operator", fixture.operator());
        callers.put("operator-basic", fixture.base.staff("basic"));
        callers.put("operator-billing", fixture.base.staff("billing"));
        callers.put("reseller", fixture.base.owner(agency));
        callers.put("reseller-basic", fixture.base.member(agency, "basic"));
        callers.put("owner", fixture.base.owner(shop));
        callers.put("client-billing", fixture.base.member(shop, "billing"));
        callers.put("client-basic", fixture.base.member(shop, "basic"));
        callers.put("stranger", fixture.base.owner(stranger));
        ModuleIdempotentRequests idempotent = new ModuleIdempotentRequests(fixture.base.database);
        Resources resources = new Resources(new InvoicesResource(fixture.invoices, idempotent),
                new RenewalResource(fixture.renewals, idempotent), new AutomationResource(fixture.run, fixture.base.audit));

        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Caller caller : callers.values()) {
            new Cells(resources, caller, shop).forEach((operation, cell) ->
                    actual.computeIfAbsent(operation, name -> new ArrayList<>()).add(cell));
        }

        EXPECTED.forEach((operation, cells) -> assertEquals(cells, actual.get(operation), operation + " for " + CALLERS));
    }

    @Test
    void everyResourceMethodNeedsAPermission() {
        for (Class<?> resource : List.of(InvoicesResource.class, RenewalResource.class, AutomationResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean http = method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class);
                if (http) {
                    assertNotNull(permissionOf(resource, method.getName()), resource.getSimpleName() + "." + method.getName());
                }
            }
        }
    }

    private record Resources(InvoicesResource invoices, RenewalResource renewal, AutomationResource automation) {
    }

    /** One caller's row, each changing operation on an invoice or subscription of its own. */
    private final class Cells extends LinkedHashMap<String, String> {

        private final Caller caller;
        private final SecurityContext security;
        private final ClientDetails client;

        Cells(Resources resources, Caller caller, ClientDetails client) {
            this.caller = caller;
            this.security = SubscriptionsFixture.security(caller);
            this.client = client;
            String invoice = freshInvoice();
            put("list", call(InvoicesResource.class, "list", () -> {
                Page<InvoiceView> page = resources.invoices().list(null, null, null, null, null, null, null, security);
                return "200:" + (page.items().isEmpty() ? "none" : "some");
            }));
            put("get", call(InvoicesResource.class, "get", () -> {
                resources.invoices().get(invoice, security);
                return "200";
            }));
            String subscription = fixture.subscription(client).id();
            put("create", call(InvoicesResource.class, "create", () -> Integer.toString(resources.invoices()
                    .create(new NewInvoice(subscription, null, null, null, null), null, security).getStatus())));
            String toPay = freshInvoice();
            put("pay", call(InvoicesResource.class, "pay", () -> state(resources.invoices().pay(toPay, null, security))));
            String toCancel = freshInvoice();
            put("cancel", call(InvoicesResource.class, "cancel",
                    () -> state(resources.invoices().cancel(toCancel, null, security))));
            String toRenew = fixture.subscription(client).id();
            put("renew", call(RenewalResource.class, "renew", () -> {
                resources.renewal().renew(toRenew, null, security);
                return "200";
            }));
            put("run", call(AutomationResource.class, "run", () -> {
                resources.automation().run(security);
                return "200";
            }));
        }

        private String freshInvoice() {
            return fixture.invoice(fixture.subscription(client).id(), fixture.today()).id();
        }

        private String state(InvoiceView invoice) {
            return invoice.state().equals("open") ? "unchanged" : "200";
        }

        private String call(Class<?> resource, String methodName, Supplier<String> invocation) {
            if (!caller.has(permissionOf(resource, methodName))) {
                return "403";
            }
            try {
                return invocation.get();
            } catch (NotFoundException e) {
                return "404";
            } catch (ProblemException e) {
                return Integer.toString(e.status());
            }
        }
    }

    /** The permission the host checks before the method runs: the method's, else the class's. */
    private static String permissionOf(Class<?> resource, String methodName) {
        Method method = Arrays.stream(resource.getDeclaredMethods()).filter(candidate -> candidate.getName().equals(methodName))
                .findFirst().orElseThrow();
        RequiresPermission required = method.getAnnotation(RequiresPermission.class);
        RequiresPermission onClass = resource.getAnnotation(RequiresPermission.class);
        return required != null ? required.value() : onClass == null ? null : onClass.value();
    }
}
