package dev.kontor.host.internal.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kontor.api.rest.Page;
import dev.kontor.api.security.PublicEndpoint;
import dev.kontor.api.security.RequiresPermission;
import dev.kontor.host.internal.rest.PanelJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain resource classes and the types they exchange, as a module would write them. */
final class SampleResources {

    private SampleResources() {
    }

    enum Color {
        LIGHT_BLUE, DARK_RED;

        @JsonValue
        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Thing(String id, String displayName, Color color, Instant createdAt, LocalDate dueOn, List<String> labels,
            Map<String, Integer> counts) {
    }

    record NewThing(String displayName, Color color) {
    }

    record Node(String name, List<Node> children) {
    }

    /** Two getters claim the same JSON name: Jackson cannot describe it. */
    public static class Conflicting {
        @JsonProperty("value")
        public String getFirst() {
            return "";
        }

        @JsonProperty("value")
        public String getSecond() {
            return "";
        }
    }

    @Path("v1/things")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresPermission("things.view")
    public static class ThingsResource {

        @GET
        public Page<Thing> list(@Context SecurityContext security, @QueryParam("q") String q,
                @QueryParam("limit") @DefaultValue("50") int limit, @QueryParam("color") Color color) {
            return null;
        }

        @GET
        @Path("{id: [a-z0-9_]+}")
        public Thing get(@PathParam("id") String id) {
            return null;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @RequiresPermission("things.edit")
        public Thing create(NewThing thing, @Context SecurityContext security) {
            return null;
        }

        @DELETE
        @Path("/{id}/")
        public void delete(@PathParam("id") String id) {
        }

        /** No HTTP method: not an operation. */
        public String helper() {
            return "";
        }
    }

    @Path("v1/status")
    @Produces(MediaType.APPLICATION_JSON)
    public static class StatusResource {

        @GET
        @PublicEndpoint
        public Map<String, String> status() {
            return Map.of();
        }

        @GET
        @Path("me")
        public String me() {
            return "";
        }

        @GET
        @Path("tree")
        public Node tree() {
            return null;
        }
    }

    @Path("v1/broken")
    public static class BrokenResource {

        @GET
        public Conflicting get() {
            return null;
        }
    }

    /** Same simple name as its sibling in {@link Other}: operation ids must still differ. */
    @Path("v1/more-things")
    public static class OtherThingsResource {

        @GET
        public Thing get() {
            return null;
        }
    }

    static final class Other {

        private Other() {
        }

        @Path("v1/other-things")
        public static class OtherThingsResource {

            @GET
            public Thing get() {
                return null;
            }
        }
    }

    static ResourceSource source(long serviceId, String module, Class<?> type) {
        return new ResourceSource(serviceId, module, "Module " + module, "/api/", type);
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static JsonSchemas schemas() {
        return new JsonSchemas(PanelJson.newMapper());
    }
}
