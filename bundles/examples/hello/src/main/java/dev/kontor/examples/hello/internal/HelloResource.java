package dev.kontor.examples.hello.internal;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.osgi.service.component.annotations.Component;

/** {@code /api/v1/hello}: a greeting for the caller; each method names the permission it needs. */
@Component(service = HelloResource.class)
@KontorResource
@Path("v1/hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    @GET
    @RequiresPermission(HelloPermissions.VIEW)
    public Greeting greeting(@Context SecurityContext security) {
        Caller caller = Caller.of(security).orElseThrow();
        return new Greeting(greetingWord(caller) + ", " + caller.username() + "!", caller.organizationId(), Instant.now());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(HelloPermissions.GREET)
    public Greeting greet(GreetRequest request, @Context SecurityContext security) {
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw new ValidationException("name", "required, at most 100 characters");
        }
        Caller caller = Caller.of(security).orElseThrow();
        return new Greeting(greetingWord(caller) + ", " + request.name().strip() + "!", caller.organizationId(), Instant.now());
    }

    private static String greetingWord(Caller caller) {
        return "de".equals(caller.locale().getLanguage()) ? "Hallo" : "Hello";
    }

    public record GreetRequest(String name) {
    }

    public record Greeting(String message, String organizationId, Instant at) {
    }
}
