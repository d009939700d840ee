package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/subscriptions/provisioning?state=failing}: the operator's list of
 * deliveries to provisioners (S3) across all subscriptions, for the operator's staff
 * holding {@code subscriptions.manage}.
 */
@Component(service = ProvisioningResource.class)
@KontorResource
@Path("v1/subscriptions/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(SubscriptionsPermissions.MANAGE)
public class ProvisioningResource {

    private final ProvisioningOverview overview;

    @Activate
    public ProvisioningResource(@Reference ProvisioningOverview overview) {
        this.overview = overview;
    }

    /** {@code state}: {@code pending}, {@code delivered} or {@code failing}; all when absent. */
    @GET
    public Page<ProvisioningItem> list(@QueryParam("state") String state, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return overview.list(caller(security), state, PageRequest.of(limit, cursor));
    }

    static Caller caller(SecurityContext security) {
        return Caller.of(security).orElseThrow(() -> new IllegalStateException("The panel lets no request in without a login"));
    }
}
