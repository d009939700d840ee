package dev.kontor.modules.internal;

import dev.kontor.api.module.RemovalPolicy;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.api.users.Accounts;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code /api/v1/modules/{id}/...}: one module's management for the operator. The list of
 * modules, {@code GET /api/v1/modules}, is the host's; JAX-RS matches these longer
 * literal paths here.
 */
@Component(service = ManagementResource.class)
@KontorResource
@Path("v1/modules/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ManagementResource {

    private final Enablement enablement;
    private final ReleaseStore releases;
    private final ModuleRemoval removal;
    private final BundleContext context;

    /** Only to refuse a rule for an organization that does not exist; without the users module any id is taken. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Accounts accounts;

    @Activate
    public ManagementResource(@Reference GateService gate, @Reference ReleaseTracker tracker,
            @Reference ModuleRemoval removal, BundleContext context) {
        this.enablement = gate.enablement();
        this.releases = tracker.store();
        this.removal = removal;
        this.context = context;
    }

    @GET
    @Path("management")
    @RequiresPermission(ModulesPermissions.VIEW)
    public Management management(@Context SecurityContext security, @PathParam("id") String id) {
        operator(security);
        Bundle bundle = ModuleBundles.find(context, id).orElseThrow(() -> new NotFoundException("No module " + id));
        return new Management(id, enablement.isEnabledForPanel(id), enablement.rulesOf(id).stream().map(RuleView::of).toList(),
                ModuleRemoval.name(ModuleBundles.declaredPolicy(bundle)), releases.history(id), releases.diff(id),
                removal.tables(bundle));
    }

    @PUT
    @Path("enablement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulesPermissions.MANAGE)
    public RuleView enable(@Context SecurityContext security, @PathParam("id") String id, EnablementChange change) {
        Caller caller = operator(security);
        if (change == null) {
            throw new ValidationException("scope", "required");
        }
        knownModule(id);
        Scope scope = Scope.parse(change.scope(), "scope");
        if (change.enabled() == null) {
            throw new ValidationException("enabled", "required: true or false");
        }
        if (scope != Scope.PANEL) {
            existingOrganization(change.scopeId());
        }
        return RuleView.of(enablement.set(caller, id, scope, change.scopeId(), change.enabled()));
    }

    @DELETE
    @Path("enablement")
    @RequiresPermission(ModulesPermissions.MANAGE)
    public Response deleteRule(@Context SecurityContext security, @PathParam("id") String id, @QueryParam("scope") String scope,
            @QueryParam("scope_id") String scopeId) {
        Caller caller = operator(security);
        if (!enablement.remove(caller, id, Scope.parse(scope, "scope"), scopeId)) {
            throw new NotFoundException("No such rule");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("removal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulesPermissions.MANAGE)
    public ModuleRemoval.Removal remove(@Context SecurityContext security, @PathParam("id") String id, RemovalRequest request) {
        Caller caller = operator(security);
        RemovalPolicy policy = request == null ? null : policy(request.policy());
        if (request != null && Boolean.TRUE.equals(request.dryRun())) {
            return removal.plan(id, policy);
        }
        return removal.remove(caller, id, policy);
    }

    @GET
    @Path("exports/{file}")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission(ModulesPermissions.VIEW)
    public Response export(@Context SecurityContext security, @PathParam("id") String id, @PathParam("file") String file) {
        operator(security);
        java.nio.file.Path path = removal.exportFile(file).filter(found -> file.startsWith(id + "-"))
                .orElseThrow(() -> new NotFoundException("No export " + file));
        return Response.ok(path.toFile(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /** The permissions are operator-only already; this keeps a misconfigured role from reaching every organization's modules. */
    static Caller operator(SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        if (!caller.isOperator()) {
            throw new ForbiddenException("Only the operator's staff manage modules.");
        }
        return caller;
    }

    private void knownModule(String id) {
        if (!ModuleBundles.installed(context).contains(id)) {
            throw new ValidationException("id", "no module " + id + " is installed");
        }
    }

    private void existingOrganization(String scopeId) {
        Accounts directory = accounts;
        if (scopeId != null && !scopeId.isBlank() && directory != null && directory.find(scopeId.trim()).isEmpty()) {
            throw new ValidationException("scope_id", "no such organization");
        }
    }

    private static RemovalPolicy policy(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RemovalPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("policy", "one of keep, export, purge");
        }
    }

    /** {@code PUT .../enablement}: {@code scope_id} names the organization or reseller, absent for the panel. */
    public record EnablementChange(String scope, String scopeId, Boolean enabled) {
    }

    /** {@code POST .../removal}: the policy (default: the module's declared one) and whether only to count. */
    public record RemovalRequest(String policy, Boolean dryRun) {
    }

    /** One rule as the API shows it. */
    public record RuleView(String scope, String scopeId, boolean enabled, Instant changedAt, String changedBy) {

        static RuleView of(EnablementRule rule) {
            return new RuleView(rule.scope().id(), rule.scopeId(), rule.enabled(), rule.changedAt(), rule.changedBy());
        }
    }

    /** Everything the modules page shows of one module beyond the host's list. */
    public record Management(String id, boolean enabledForPanel, List<RuleView> rules, String removalPolicy,
            List<Release> releases, PermissionDiff permissionDiff, Map<String, Long> tables) {
    }
}
