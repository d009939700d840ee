package dev.kontor.clients.internal.rest;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.clients.internal.client.BulkActions;
import dev.kontor.clients.internal.client.BulkRequest;
import dev.kontor.clients.internal.client.BulkResult;
import dev.kontor.clients.internal.client.ClientChange;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientFilter;
import dev.kontor.clients.internal.client.Clients;
import dev.kontor.clients.internal.client.NewClient;
import dev.kontor.clients.internal.reseller.Portfolio;
import dev.kontor.clients.internal.reseller.ResellerMoves;
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
 * {@code /api/v1/clients}: the client list (C3), creating a client with its first login
 * (C1), reading and editing one (C2, C5), removing one after a preview (C6), and bulk
 * suspension, activation and removal (C3, C4, C6). Who reaches which client is
 * {@code ClientScope}'s rule, applied by {@link Clients}.
 */
@Component(service = ClientsResource.class)
@KontorResource
@Path("v1/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

    private final Clients clients;
    private final BulkActions bulk;
    private final ResellerMoves moves;
    private final Portfolio portfolio;

    @Activate
    public ClientsResource(@Reference Clients clients, @Reference BulkActions bulk, @Reference ResellerMoves moves,
            @Reference Portfolio portfolio) {
        this.clients = clients;
        this.bulk = bulk;
        this.moves = moves;
        this.portfolio = portfolio;
    }

    @GET
    @RequiresPermission(ClientsPermissions.VIEW)
    public Page<ClientDetails> list(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("reseller_id") String resellerId, @QueryParam("sort") String sort, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return clients.list(caller(security), new ClientFilter(q, state, resellerId, sort), PageRequest.of(limit, cursor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.MANAGE)
    public Response create(NewClient request, @Context SecurityContext security) {
        ClientDetails created = clients.create(caller(security), request);
        return Response.status(Response.Status.CREATED).entity(created).tag(ETags.of(created.version())).build();
    }

    /** Staff who manage the client, and the client's own users (without anything internal, C2). */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        ClientDetails client = clients.read(caller(security), id).orElseThrow(NotFoundException::new);
        return Response.ok(client).tag(ETags.of(client.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.MANAGE)
    public Response change(@PathParam("id") String id, ClientChange change, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        ClientDetails changed = change != null && change.movesClient() ? moves.changeAndMove(caller, id, ifMatch, change)
                : clients.change(caller, id, ifMatch, change);
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }

    /**
     * With {@code dry_run=true}, the counts of what would go (C6); else removes it all. A
     * reseller's staff choose with {@code projects} whether the client goes with its
     * projects or stays as the operator's own ({@link Portfolio}).
     */
    @DELETE
    @Path("{id}")
    @RequiresPermission(ClientsPermissions.REMOVE)
    public Response remove(@PathParam("id") String id, @QueryParam("dry_run") String dryRun,
            @QueryParam("projects") String projects, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        boolean preview = dryRun(dryRun);
        Portfolio.Projects choice = Portfolio.projects(caller, projects, preview);
        if (preview) {
            return Response.ok(choice == null ? clients.removalPreview(caller, id) : portfolio.preview(caller, id, choice))
                    .build();
        }
        if (choice == null) {
            clients.remove(caller, id, ifMatch);
        } else {
            portfolio.release(caller, id, choice, ifMatch);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ClientsPermissions.VIEW)
    public BulkResult bulk(BulkRequest request, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Context SecurityContext security) {
        return bulk.run(caller(security), key, request);
    }

    private static Caller caller(SecurityContext security) {
        return Callers.of(security);
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ValidationException("dry_run", "true or false");
    }
}
