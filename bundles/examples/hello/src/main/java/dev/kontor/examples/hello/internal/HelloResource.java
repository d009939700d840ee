package dev.kontor.examples.hello.internal;

import dev.kontor.api.rest.ETags;
import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/hello}: a greeting for the caller, greetings to others (stored and
 * audited), and the list of them. Each method names the permission it needs.
 */
@Component(service = HelloResource.class)
@KontorResource
@Path("v1/hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    static final int MAX_NAME = 100;
    static final int MAX_BULK = 50_000;
    private final Greetings greetings;
    private final IdempotentRequests idempotent;
    private final GreetingDigest digest;

    @Activate
    public HelloResource(@Reference Greetings greetings, @Reference IdempotentRequests idempotent,
            @Reference GreetingDigest digest) {
        this.greetings = greetings;
        this.idempotent = idempotent;
        this.digest = digest;
    }

    /**
     * The latest digest of the caller's organization; the operator's staff may name
     * another with {@code organization_id}.
     */
    @GET
    @Path("digest")
    @RequiresPermission(HelloPermissions.VIEW)
    public GreetingDigest.Digest digest(@Context SecurityContext security, @QueryParam("organization_id") String organizationId) {
        Caller caller = Caller.of(security).orElseThrow();
        String organization = organizationId != null && caller.isOperator() ? organizationId : caller.organizationId();
        return digest.of(organization).orElseThrow(() -> new ProblemException(404, "not-found",
                "No digest yet: the job has not run for this organization since the module started."));
    }

    @GET
    @RequiresPermission(HelloPermissions.VIEW)
    public Greeting greeting(@Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return new Greeting(greetingWord(caller) + ", " + caller.username() + "!", caller.organizationId(), Instant.now());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(HelloPermissions.GREET)
    public Greetings.Greeting greet(GreetRequest request, @Context SecurityContext security) {
        String name = validName("name", request == null ? null : request.name());
        Caller caller = Caller.of(security).orElseThrow();
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        try {
            return greetings.greetAndMail(caller, name, greetingWord(caller), email);
        } catch (IllegalArgumentException invalidAddress) {
            throw new ValidationException("email", invalidAddress.getMessage());
        }
    }

    @GET
    @Path("greetings")
    @RequiresPermission(HelloPermissions.VIEW)
    public Page<Greetings.Greeting> list(@Context SecurityContext security, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return greetings.list(Caller.of(security).orElseThrow(), PageRequest.of(limit, cursor));
    }

    /** One greeting, with its version as ETag for a later If-Match. */
    @GET
    @Path("greetings/{id}")
    @RequiresPermission(HelloPermissions.VIEW)
    public Response get(@PathParam("id") String id, @Context SecurityContext security) {
        return greetings.find(Caller.of(security).orElseThrow(), id)
                .map(greeting -> Response.ok(greeting).tag(ETags.of(greeting.version())).build())
                .orElseThrow(NotFoundException::new);
    }

    /** Changes a greeting's message; with If-Match, only the version the client saw (else 412). */
    @PATCH
    @Path("greetings/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(HelloPermissions.GREET)
    public Response edit(@PathParam("id") String id, EditRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        String message = request == null ? null : request.message();
        if (message == null || message.isBlank() || message.strip().length() > 200) {
            throw new ValidationException("message", "required, at most 200 characters");
        }
        return greetings.edit(Caller.of(security).orElseThrow(), id, ifMatch, message.strip())
                .map(greeting -> Response.ok(greeting).tag(ETags.of(greeting.version())).build())
                .orElseThrow(NotFoundException::new);
    }

    /**
     * Many greetings in one transaction: all are stored or none. With an
     * {@code Idempotency-Key}, a repeated request answers like the first and stores nothing more.
     */
    @POST
    @Path("greetings/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(HelloPermissions.GREET)
    public BulkResult bulk(BulkRequest request, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Context SecurityContext security) {
        if (request == null || request.names() == null || request.names().isEmpty() || request.names().size() > MAX_BULK) {
            throw new ValidationException("names", "between 1 and " + MAX_BULK + " names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < request.names().size(); i++) {
            names.add(validName("names[" + i + "]", request.names().get(i)));
        }
        Caller caller = Caller.of(security).orElseThrow();
        return idempotent.once(caller, key, "POST hello/greetings/bulk " + names, BulkResult.class,
                () -> new BulkResult(greetings.greet(caller, names, greetingWord(caller)).size()));
    }

    private static String validName(String field, String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new ValidationException(field, "required, at most " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    private static String greetingWord(Caller caller) {
        return "de".equals(caller.locale().getLanguage()) ? "Hallo" : "Hello";
    }

    /** A name to greet and, optionally, an address to mail the greeting to. */
    public record GreetRequest(String name, String email) {
    }

    public record EditRequest(String message) {
    }

    public record BulkRequest(List<String> names) {
    }

    public record BulkResult(int stored) {
    }

    public record Greeting(String message, String organizationId, Instant at) {
    }
}
