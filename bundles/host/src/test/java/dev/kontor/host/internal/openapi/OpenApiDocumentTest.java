package dev.kontor.host.internal.openapi;

import static dev.kontor.host.internal.openapi.SampleResources.fieldNames;
import static dev.kontor.host.internal.openapi.SampleResources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kontor.host.internal.openapi.SampleResources.BrokenResource;
import dev.kontor.host.internal.openapi.SampleResources.OtherThingsResource;
import dev.kontor.host.internal.openapi.SampleResources.StatusResource;
import dev.kontor.host.internal.openapi.SampleResources.ThingsResource;
import dev.kontor.host.internal.rest.PanelJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

    private static final List<ResourceSource> RESOURCES = List.of(
            source(11, "things", ThingsResource.class),
            source(12, "panel", StatusResource.class),
            source(13, "broken", BrokenResource.class));

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectNode document = build(RESOURCES, List.of());

    @Test
    void documentIsOpenApi31WithTitleAndGivenVersion() {
        assertEquals("3.1.0", document.path("openapi").asText());
        assertEquals("Kontor API", document.path("info").path("title").asText());
        assertEquals("1.2.3", document.path("info").path("version").asText());
    }

    @Test
    void pathsAreSortedAndServedUnderTheBasePath() {
        assertEquals(List.of("/api/v1/status", "/api/v1/status/me", "/api/v1/status/tree", "/api/v1/things", "/api/v1/things/{id}"),
                fieldNames(document.path("paths")));
        assertEquals(List.of("get", "delete"), fieldNames(document.path("paths").path("/api/v1/things/{id}")));
    }

    @Test
    void methodPermissionWinsOverTheClassPermission() {
        assertEquals("things.edit", operation("/api/v1/things", "post").path("x-kontor-permission").asText());
        assertEquals("things.view", operation("/api/v1/things", "get").path("x-kontor-permission").asText());
        assertEquals(loginRequired(), operation("/api/v1/things", "post").path("security"));
    }

    @Test
    void publicEndpointNeedsNoSecurityAndUnannotatedOneNeedsALogin() {
        JsonNode open = operation("/api/v1/status", "get");
        assertEquals(json.createArrayNode(), open.path("security"));
        assertFalse(open.has("x-kontor-permission"));

        JsonNode loginOnly = operation("/api/v1/status/me", "get");
        assertEquals(loginRequired(), loginOnly.path("security"));
        assertFalse(loginOnly.has("x-kontor-permission"));
        assertEquals("cookie", document.at("/components/securitySchemes/session/in").asText());
        assertEquals("KONTOR_SESSION", document.at("/components/securitySchemes/session/name").asText());
    }

    @Test
    void bearerTokenIsDeclaredAsAnAlternativeToTheSessionCookie_U13() {
        assertEquals(List.of("session", "bearer"), fieldNames(document.at("/components/securitySchemes")));
        assertEquals("http", document.at("/components/securitySchemes/bearer/type").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/bearer/scheme").asText());
        assertEquals(loginRequired(), operation("/api/v1/things/{id}", "delete").path("security"));
    }

    @Test
    void pathAndQueryParametersCarryTheirTypesButContextValuesDoNot() throws Exception {
        assertEquals(json.readTree("[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
                + "\"schema\":{\"type\":\"string\",\"pattern\":\"^(?:[a-z0-9_]+)$\"}}]"),
                operation("/api/v1/things/{id}", "get").path("parameters"));
        // Compared as text: a number node's Java class is no matter to a client.
        assertEquals(json.readTree("[{\"name\":\"q\",\"in\":\"query\",\"schema\":{\"type\":\"string\"}},"
                + "{\"name\":\"limit\",\"in\":\"query\",\"schema\":{\"type\":\"integer\",\"format\":\"int32\",\"default\":50}},"
                + "{\"name\":\"color\",\"in\":\"query\",\"schema\":{\"type\":\"string\",\"enum\":[\"LIGHT_BLUE\",\"DARK_RED\"]}}]").toString(),
                operation("/api/v1/things", "get").path("parameters").toString());
    }

    @Test
    void unsafeMethodsTakeTheCsrfHeader() {
        JsonNode parameters = operation("/api/v1/things/{id}", "delete").path("parameters");
        assertEquals("X-CSRF-Token", parameters.path(1).path("name").asText());
        assertEquals("header", parameters.path(1).path("in").asText());
    }

    @Test
    void entityParameterIsTheRequestBodyAndReturnTypeTheResponse() throws Exception {
        JsonNode create = operation("/api/v1/things", "post");
        assertEquals(json.readTree("{\"$ref\":\"#/components/schemas/NewThing\"}"),
                create.at("/requestBody/content/application~1json/schema"));
        assertEquals(json.readTree("{\"$ref\":\"#/components/schemas/Thing\"}"),
                create.at("/responses/200/content/application~1json/schema"));
        assertEquals(json.readTree("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Thing\"}}"),
                operation("/api/v1/things", "get").at("/responses/200/content/application~1json/schema/properties/items"));
        assertTrue(operation("/api/v1/things/{id}", "delete").path("responses").has("204"));
    }

    @Test
    void everyOperationListsTheProblemResponses() throws Exception {
        int operations = 0;
        for (JsonNode item : document.path("paths")) {
            for (JsonNode operation : item) {
                for (String status : List.of("400", "401", "403", "404", "500")) {
                    assertTrue(operation.path("responses").path(status).path("$ref").asText().startsWith("#/components/responses/"),
                            operation.path("operationId") + " lacks " + status);
                }
                operations++;
            }
        }
        assertEquals(7, operations);
        assertEquals(json.readTree("{\"$ref\":\"#/components/schemas/Problem\"}"),
                document.at("/components/responses/Forbidden/content/application~1problem+json/schema"));
        assertEquals(List.of("type", "title", "status", "detail", "errors"), fieldNames(document.at("/components/schemas/Problem/properties")));
        assertEquals(List.of("field", "message"), fieldNames(document.at("/components/schemas/FieldError/properties")));
    }

    @Test
    void resourceThatCannotBeDescribedIsListedAsSkippedAndTheRestStays() {
        JsonNode skipped = document.path("x-kontor-skipped");
        assertEquals(1, skipped.size());
        assertEquals(13, skipped.path(0).path("service_id").asLong());
        assertEquals("broken", skipped.path(0).path("module").asText());
        assertEquals(BrokenResource.class.getName(), skipped.path(0).path("resource").asText());
        assertFalse(document.at("/components/schemas").has("Conflicting"));
        assertFalse(document.path("tags").findValuesAsText("name").contains("broken"));
    }

    @Test
    void resourcesSkippedBeforeBuildingAreListedToo() {
        ObjectNode withSkipped = build(List.of(), List.of(new Skipped(5, "gone", "x.GoneResource", "class not found")));

        assertEquals("class not found", withSkipped.at("/x-kontor-skipped/0/reason").asText());
        assertEquals(5, withSkipped.at("/x-kontor-skipped/0/service_id").asLong());
    }

    @Test
    void eachModuleIsATag() throws Exception {
        assertEquals(json.readTree("[{\"name\":\"panel\",\"description\":\"Module panel\"},{\"name\":\"things\",\"description\":\"Module things\"}]"),
                document.path("tags"));
        assertEquals(json.readTree("[\"things\"]"), operation("/api/v1/things", "get").path("tags"));
        assertEquals("Things: list", operation("/api/v1/things", "get").path("summary").asText());
    }

    @Test
    void operationIdsAreUniqueAcrossResourcesOfTheSameName() {
        ObjectNode twins = build(List.of(source(1, "a", OtherThingsResource.class), source(2, "b", SampleResources.Other.OtherThingsResource.class)), List.of());

        Set<String> ids = new HashSet<>();
        twins.path("paths").forEach(item -> item.forEach(operation -> ids.add(operation.path("operationId").asText())));
        assertEquals(Set.of("otherThings.get", "otherThings.get_2"), ids);
    }

    @Test
    void sameResourcesGiveTheSameDocumentWhateverTheirOrder() {
        List<ResourceSource> reversed = new ArrayList<>(RESOURCES);
        Collections.reverse(reversed);

        assertEquals(document.toString(), build(reversed, List.of()).toString());
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertTrue(operation.isObject(), method + " " + path + " is missing");
        return operation;
    }

    /** The session cookie or a bearer token, either will do. */
    private JsonNode loginRequired() {
        ObjectNode session = json.createObjectNode();
        session.putArray("session");
        ObjectNode bearer = json.createObjectNode();
        bearer.putArray("bearer");
        return json.createArrayNode().add(session).add(bearer);
    }

    private static ObjectNode build(List<ResourceSource> resources, List<Skipped> skipped) {
        return OpenApiDocument.build("1.2.3", resources, skipped, PanelJson.newMapper());
    }
}
