package dev.kontor.host.internal.security;

import dev.kontor.api.security.Caller;
import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.api.security.RequiresPermission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** A module's resource with each access policy, answering who called it. */
@Path("v1/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    static final String EDIT = "probe.edit";
    static final String REPORTS = "probe.reports";

    @GET
    @Path("open")
    @PublicEndpoint
    public Map<String, Object> open(@Context SecurityContext context) {
        return Caller.of(context).map(ProbeResource::describe).orElse(Map.of("caller", "anonymous"));
    }

    @GET
    @Path("me")
    public Map<String, Object> me(@Context SecurityContext context) {
        return describe(Caller.of(context).orElseThrow());
    }

    @POST
    @Path("edit")
    @RequiresPermission(EDIT)
    public Map<String, Object> edit(@Context SecurityContext context) {
        return describe(Caller.of(context).orElseThrow());
    }

    @GET
    @Path("reports")
    @RequiresPermission(REPORTS)
    public Map<String, Object> reports(@Context SecurityContext context) {
        return describe(Caller.of(context).orElseThrow());
    }

    private static Map<String, Object> describe(Caller caller) {
        return Map.of("caller", caller.username(), "organization_id", caller.organizationId(),
                "source_address", caller.sourceAddress(), "may_edit", caller.has(EDIT));
    }
}
