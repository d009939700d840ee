package dev.kontor.subscriptions.internal.rest;

import dev.kontor.api.audit.AuditLog;
import dev.kontor.api.audit.AuditOutcome;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.billing.AutomationReport;
import dev.kontor.subscriptions.internal.billing.AutomationRun;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/subscriptions/automation/run}: the billing run now (S4, S5), for
 * the operator's staff holding {@code subscriptions.manage}; the answer counts what it
 * did per step. It is the same run as the scheduled one and safe beside it.
 */
@Component(service = AutomationResource.class)
@KontorResource
@Path("v1/subscriptions/automation/run")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(SubscriptionsPermissions.MANAGE)
public class AutomationResource {

    private final AutomationRun run;
    private final AuditLog audit;

    @Activate
    public AutomationResource(@Reference AutomationRun run, @Reference AuditLog audit) {
        this.run = run;
        this.audit = audit;
    }

    @POST
    public AutomationReport run(@Context SecurityContext security) {
        Caller caller = InvoicesResource.caller(security);
        if (!caller.isOperator()) {
            throw new ProblemException(403, "forbidden", "Only the operator's staff run the billing run.");
        }
        AutomationReport report = run.run();
        audit.record(caller, "subscriptions.automation.run", "subscriptions", AuditOutcome.SUCCESS, report.toString());
        return report;
    }
}
