package dev.kontor.subscriptions.internal.rest;

import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.billing.Renewal;
import dev.kontor.subscriptions.internal.billing.Renewals;
import jakarta.ws.rs.HeaderParam;
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
 * {@code POST /api/v1/subscriptions/{id}/renew}: manual renewal (S5). Every call adds a
 * term; an {@code Idempotency-Key} makes a repeated request (after a timeout) renew once.
 */
@Component(service = RenewalResource.class)
@KontorResource
@Path("v1/subscriptions/{id}/renew")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(SubscriptionsPermissions.RENEW)
public class RenewalResource {

    private final Renewals renewals;
    private final IdempotentRequests idempotent;

    @Activate
    public RenewalResource(@Reference Renewals renewals, @Reference IdempotentRequests idempotent) {
        this.renewals = renewals;
        this.idempotent = idempotent;
    }

    @POST
    public Renewal renew(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Context SecurityContext security) {
        Caller caller = InvoicesResource.caller(security);
        return idempotent.once(caller, key, "POST /api/v1/subscriptions/" + id + "/renew", Renewal.class,
                () -> renewals.renew(caller, id));
    }
}
