package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/subscriptions/{id}/provisioning/retry}: tries the subscription's
 * owed deliveries to provisioners now (S3), for the operator's staff holding
 * {@code subscriptions.manage}. Repeating it only makes them due again.
 */
@Component(service = SubscriptionProvisioningResource.class)
@KontorResource
@Path("v1/subscriptions/{id}/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(SubscriptionsPermissions.MANAGE)
public class SubscriptionProvisioningResource {

    private final ProvisioningOverview overview;

    @Activate
    public SubscriptionProvisioningResource(@Reference ProvisioningOverview overview) {
        this.overview = overview;
    }

    @POST
    @Path("retry")
    public ProvisioningRetry retry(@PathParam("id") String id, @Context SecurityContext security) {
        return overview.retry(ProvisioningResource.caller(security), id);
    }
}
