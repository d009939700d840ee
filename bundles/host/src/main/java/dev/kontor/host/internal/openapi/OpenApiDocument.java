package dev.kontor.host.internal.openapi;

import dev.kontor.host.internal.security.PanelSecurity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kontor.host.internal.rest.Problem;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of a set of resources. The output is deterministic (paths,
 * tags and schemas sorted), so that the same installation always gives the same
 * document. A resource that cannot be described is left out and listed under
 * {@code x-kontor-skipped}: one broken module must not take the document down.
 */
final class OpenApiDocument {

    static final String TITLE = "Kontor API";
    /** Spelled out: MediaType.toString needs a JAX-RS implementation at hand. */
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> METHOD_ORDER = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    /**
     * @param mapper the mapper whose JSON the schemas describe; it learns the module
     *        classes, so it must be one for this document only
     * @param skipped resources already found impossible to describe
     */
    static ObjectNode build(String version, List<ResourceSource> resources, List<Skipped> skipped, ObjectMapper mapper) {
        JsonSchemas schemas = new JsonSchemas(mapper);
        ObjectNode problem = schemas.schemaOf(Problem.class);
        List<Skipped> left = new ArrayList<>(skipped);
        Map<String, Map<String, ObjectNode>> paths = new TreeMap<>();
        Map<String, String> tags = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();
        List<ResourceSource> ordered = resources.stream()
                .sorted(Comparator.comparing((ResourceSource resource) -> resource.type().getName()).thenComparingLong(ResourceSource::serviceId))
                .toList();
        for (ResourceSource resource : ordered) {
            int mark = schemas.mark();
            List<ResourceOperations.Operation> operations;
            try {
                operations = ResourceOperations.of(resource, schemas);
            } catch (RuntimeException | LinkageError e) {
                schemas.forgetSince(mark);
                left.add(skip(resource, "cannot be described: " + e));
                continue;
            }
            for (ResourceOperations.Operation operation : operations) {
                String method = operation.method().toLowerCase(Locale.ROOT);
                Map<String, ObjectNode> item = paths.computeIfAbsent(operation.path(), path -> new TreeMap<>(Comparator.comparing(METHOD_ORDER::indexOf)));
                if (!METHOD_ORDER.contains(method) || item.containsKey(method)) {
                    left.add(skip(resource, operation.method() + " " + operation.path()
                            + (item.containsKey(method) ? " is described already by another resource" : " is no method OpenAPI knows")));
                    continue;
                }
                String id = operation.body().path("operationId").asText();
                String unique = id;
                for (int n = 2; !operationIds.add(unique); n++) {
                    unique = id + "_" + n;
                }
                item.put(method, operation.body().put("operationId", unique));
                tags.putIfAbsent(resource.module(), resource.moduleName());
            }
        }

        ObjectNode document = JSON.objectNode().put("openapi", "3.1.0");
        document.putObject("info").put("title", TITLE).put("version", version);
        ArrayNode tagList = document.putArray("tags");
        tags.forEach((name, description) -> tagList.addObject().put("name", name).put("description", description));
        ObjectNode pathsNode = document.putObject("paths");
        paths.forEach((path, item) -> {
            if (!item.isEmpty()) {
                item.forEach(pathsNode.putObject(path)::set);
            }
        });
        ObjectNode components = document.putObject("components");
        components.set("schemas", schemas.components());
        ObjectNode responses = components.putObject("responses");
        ResourceOperations.ERRORS.forEach((status, name) -> responses.putObject(name)
                .put("description", Response.Status.fromStatusCode(Integer.parseInt(status)).getReasonPhrase())
                .putObject("content").putObject(PROBLEM_JSON).set("schema", problem.deepCopy()));
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        securitySchemes.putObject(ResourceOperations.SESSION_SCHEME)
                .put("type", "apiKey").put("in", "cookie").put("name", PanelSecurity.SESSION_COOKIE)
                .put("description", "The session cookie that POST /api/v1/session sets.");
        securitySchemes.putObject(ResourceOperations.BEARER_SCHEME)
                .put("type", "http").put("scheme", "bearer")
                .put("description", "An API token in the Authorization header (Authorization: Bearer <token>), "
                        + "limited to 60 requests per minute by default.");
        ArrayNode skippedList = document.putArray("x-kontor-skipped");
        left.stream().sorted(Comparator.comparingLong(Skipped::serviceId).thenComparing(Skipped::reason))
                .forEach(entry -> skippedList.addObject().put("service_id", entry.serviceId()).put("module", entry.module())
                        .put("resource", entry.resource()).put("reason", entry.reason()));
        return document;
    }

    private static Skipped skip(ResourceSource resource, String reason) {
        return new Skipped(resource.serviceId(), resource.module(), resource.type().getName(), reason);
    }
}
