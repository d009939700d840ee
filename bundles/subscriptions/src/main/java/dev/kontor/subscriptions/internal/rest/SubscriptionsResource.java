package dev.kontor.subscriptions.internal.rest;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.subscriptions.internal.SubscriptionsPermissions;
import dev.kontor.subscriptions.internal.subscription.BulkActions;
import dev.kontor.subscriptions.internal.subscription.BulkRequest;
import dev.kontor.subscriptions.internal.subscription.BulkResult;
import dev.kontor.subscriptions.internal.subscription.HistoryEntry;
import dev.kontor.subscriptions.internal.subscription.HoldView;
import dev.kontor.subscriptions.internal.subscription.Holds;
import dev.kontor.subscriptions.internal.subscription.NewHold;
import dev.kontor.subscriptions.internal.subscription.NewSubscription;
import dev.kontor.subscriptions.internal.subscription.SubscriptionChange;
import dev.kontor.subscriptions.internal.subscription.SubscriptionFilter;
import dev.kontor.subscriptions.internal.subscription.SubscriptionView;
import dev.kontor.subscriptions.internal.subscription.Subscriptions;
import dev.kontor.subscriptions.internal.subscription.Termination;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/subscriptions}: the list and creation of subscriptions (S1), reading and
 * editing one, its holds (S2) and history, termination (S6), and bulk suspension,
 * activation and termination. Every method needs {@code subscriptions.view}, the
 * permission of everyone who reaches subscriptions at all; what a caller may do beyond
 * reading is decided per subscription by {@link Subscriptions} and {@link Holds}
 * ({@code SubscriptionScope}, {@code LiftPolicy}), since it depends on the caller's
 * relation to the subscription's client and on the hold's reason.
 */
@Component(service = SubscriptionsResource.class)
@KontorResource
@Path("v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(SubscriptionsPermissions.VIEW)
public class SubscriptionsResource {

    private final Subscriptions subscriptions;
    private final Holds holds;
    private final BulkActions bulk;
    private final IdempotentRequests idempotent;

    @Activate
    public SubscriptionsResource(@Reference Subscriptions subscriptions, @Reference Holds holds, @Reference BulkActions bulk,
            @Reference IdempotentRequests idempotent) {
        this.subscriptions = subscriptions;
        this.holds = holds;
        this.bulk = bulk;
        this.idempotent = idempotent;
    }

    @GET
    public Page<SubscriptionView> list(@QueryParam("q") String q, @QueryParam("client_id") String clientId,
            @QueryParam("state") String state, @QueryParam("sort") String sort, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return subscriptions.list(caller(security), new SubscriptionFilter(q, clientId, state, sort),
                PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SubscriptionsPermissions.MANAGE)
    public Response create(NewSubscription request, @Context SecurityContext security) {
        SubscriptionView created = subscriptions.create(caller(security), request);
        return Response.status(Response.Status.CREATED).entity(created).tag(ETags.of(created.version())).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        SubscriptionView subscription = subscriptions.read(caller(security), id).orElseThrow(NotFoundException::new);
        return Response.ok(subscription).tag(ETags.of(subscription.version())).build();
    }

    /**
     * Plan, term, price and services need {@code subscriptions.manage}, {@code auto_renew}
     * needs {@code subscriptions.renew} (a client's own users may switch it): both are
     * decided by {@link Subscriptions#change}, so the method asks only for what reading does.
     */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("id") String id, SubscriptionChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        SubscriptionView changed = subscriptions.change(caller(security), id, ifMatch, change);
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }

    /** Terminates for good (S6); the answer is the subscription as it is then. A repeat changes nothing. */
    @POST
    @Path("{id}/terminate")
    @RequiresPermission(SubscriptionsPermissions.MANAGE)
    public Response terminate(@PathParam("id") String id, Termination request, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        String note = request == null ? null : request.note();
        SubscriptionView terminated = idempotent.once(caller, key, "POST /api/v1/subscriptions/" + id + "/terminate " + note,
                SubscriptionView.class, () -> {
                    subscriptions.terminate(caller, id, note);
                    return subscriptions.read(caller, id).orElseThrow(NotFoundException::new);
                });
        return Response.ok(terminated).tag(ETags.of(terminated.version())).build();
    }

    @GET
    @Path("{id}/history")
    public Page<HistoryEntry> history(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return subscriptions.history(caller(security), id, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}/holds")
    public Page<HoldView> holds(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return holds.list(caller(security), id, PageRequest.of(limit, cursor));
    }

    /** Places a hold; who may place which reason is {@code LiftPolicy}'s rule (403 {@code hold-place-not-allowed}). */
    @POST
    @Path("{id}/holds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@PathParam("id") String id, NewHold request, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(holds.place(caller(security), id, request)).build();
    }

    @GET
    @Path("{id}/holds/{hold}")
    public HoldView hold(@PathParam("id") String id, @PathParam("hold") String hold, @Context SecurityContext security) {
        return holds.read(caller(security), id, hold);
    }

    /** Lifts a hold if its reason's policy lets the caller (else 403 {@code hold-lift-not-allowed}); {@code note} says why. */
    @DELETE
    @Path("{id}/holds/{hold}")
    public Response lift(@PathParam("id") String id, @PathParam("hold") String hold, @QueryParam("note") String note,
            @Context SecurityContext security) {
        holds.lift(caller(security), id, hold, note);
        return Response.noContent().build();
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkResult bulk(BulkRequest request, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Context SecurityContext security) {
        return bulk.run(caller(security), key, request);
    }

    private static Caller caller(SecurityContext security) {
        return Caller.of(security).orElseThrow(() -> new IllegalStateException("The panel lets no request in without a login"));
    }
}
