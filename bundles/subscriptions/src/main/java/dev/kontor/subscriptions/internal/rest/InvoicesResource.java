package dev.kontor.subscriptions.internal.rest;

import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.billing.Cancellation;
import dev.kontor.subscriptions.internal.billing.InvoiceFilter;
import dev.kontor.subscriptions.internal.billing.InvoiceView;
import dev.kontor.subscriptions.internal.billing.Invoices;
import dev.kontor.subscriptions.internal.billing.NewInvoice;
import dev.kontor.subscriptions.internal.billing.Payment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/invoices}: invoices of subscriptions (S4, S5). Reading needs
 * {@code subscriptions.billing} (staff of the client, and the client's own users with the
 * billing role); creating, paying and cancelling need {@code subscriptions.invoices} as
 * staff managing the client, which {@link Invoices} decides per invoice.
 */
@Component(service = InvoicesResource.class)
@KontorResource
@Path("v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(SubscriptionsPermissions.BILLING)
public class InvoicesResource {

    private final Invoices invoices;
    private final IdempotentRequests idempotent;

    @Activate
    public InvoicesResource(@Reference Invoices invoices, @Reference IdempotentRequests idempotent) {
        this.invoices = invoices;
        this.idempotent = idempotent;
    }

    @GET
    public Page<InvoiceView> list(@QueryParam("state") String state, @QueryParam("subscription_id") String subscriptionId,
            @QueryParam("client_id") String clientId, @QueryParam("overdue") String overdue, @QueryParam("sort") String sort,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return invoices.list(caller(security), new InvoiceFilter(state, subscriptionId, clientId, overdue, sort),
                PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SubscriptionsPermissions.INVOICES)
    public Response create(NewInvoice request, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        InvoiceView created = idempotent.once(caller, key, "POST /api/v1/invoices " + request, InvoiceView.class,
                () -> invoices.create(caller, request));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{id}")
    public InvoiceView get(@PathParam("id") String id, @Context SecurityContext security) {
        return invoices.read(caller(security), id);
    }

    /** Records the payment; a repeat changes nothing (the invoice is paid). */
    @POST
    @Path("{id}/pay")
    @RequiresPermission(SubscriptionsPermissions.INVOICES)
    public InvoiceView pay(@PathParam("id") String id, Payment request, @Context SecurityContext security) {
        return invoices.pay(caller(security), id, request);
    }

    /** Cancels an open invoice; a repeat changes nothing. */
    @POST
    @Path("{id}/cancel")
    @RequiresPermission(SubscriptionsPermissions.INVOICES)
    public InvoiceView cancel(@PathParam("id") String id, Cancellation request, @Context SecurityContext security) {
        return invoices.cancel(caller(security), id, request);
    }

    static Caller caller(SecurityContext security) {
        return Caller.of(security).orElseThrow(() -> new IllegalStateException("The panel lets no request in without a login"));
    }
}
