package dev.kontor.host.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kontor.api.rest.Page;
import dev.kontor.host.internal.openapi.SampleResources.Color;
import dev.kontor.host.internal.openapi.SampleResources.NewThing;
import dev.kontor.host.internal.openapi.SampleResources.Node;
import dev.kontor.host.internal.openapi.SampleResources.Thing;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    private final JsonSchemas schemas = SampleResources.schemas();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void recordBecomesANamedSchemaWithSnakeCaseProperties() throws Exception {
        assertEquals(json.readTree("{\"$ref\":\"#/components/schemas/Thing\"}"), schemas.schemaOf(Thing.class));

        JsonNode properties = schemas.components().path("Thing").path("properties");
        assertEquals(List.of("id", "display_name", "color", "created_at", "due_on", "labels", "counts"), SampleResources.fieldNames(properties));
        assertEquals(json.readTree("{\"type\":\"string\",\"format\":\"date-time\"}"), properties.path("created_at"));
        assertEquals(json.readTree("{\"type\":\"string\",\"format\":\"date\"}"), properties.path("due_on"));
        assertEquals(json.readTree("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"), properties.path("labels"));
        assertEquals(json.readTree("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\",\"format\":\"int32\"}}"),
                properties.path("counts"));
    }

    @Test
    void enumListsTheValuesJacksonWrites() throws Exception {
        assertEquals(json.readTree("{\"type\":\"string\",\"enum\":[\"light_blue\",\"dark_red\"]}"), schemas.schemaOf(Color.class));
    }

    @Test
    void pageIsDescribedInPlaceWithItemsOfItsTypeArgumentAndNextCursor() throws Exception {
        JsonNode page = schemas.schemaOf(new TypeReference<Page<Thing>>() { }.getType());

        assertEquals(json.readTree("{\"type\":\"object\",\"properties\":{"
                + "\"items\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Thing\"}},"
                + "\"next_cursor\":{\"type\":\"string\"}}}"), page);
        assertFalse(schemas.components().has("Page"));
    }

    @Test
    void classReferringToItselfIsDescribedOnceByReference() throws Exception {
        schemas.schemaOf(Node.class);

        assertEquals(json.readTree("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Node\"}}"),
                schemas.components().path("Node").path("properties").path("children"));
    }

    @Test
    void classesSharingASimpleNameGetDistinctSchemaNames() {
        schemas.schemaOf(Thing.class);
        schemas.schemaOf(OtherModule.Thing.class);

        assertEquals(List.of("Thing", OtherModule.Thing.class.getName().replace('$', '.')), SampleResources.fieldNames(schemas.components()));
    }

    @Test
    void schemasAddedAfterAMarkAreForgotten() {
        schemas.schemaOf(Node.class);
        int mark = schemas.mark();
        schemas.schemaOf(Thing.class);

        schemas.forgetSince(mark);

        assertEquals(List.of("Node"), SampleResources.fieldNames(schemas.components()));
        schemas.schemaOf(OtherModule.Thing.class);
        assertTrue(schemas.components().has("Thing"), "the forgotten name is free again");
    }

    @Test
    void parametersAreDescribedAsJaxRsConvertsThem() throws Exception {
        assertEquals(json.readTree("{\"type\":\"string\",\"enum\":[\"LIGHT_BLUE\",\"DARK_RED\"]}"), schemas.parameterSchemaOf(Color.class));
        assertEquals(json.readTree("{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"format\":\"int64\"}}"),
                schemas.parameterSchemaOf(new TypeReference<List<Long>>() { }.getType()));
        assertEquals(json.readTree("{\"type\":\"string\"}"), schemas.parameterSchemaOf(NewThing.class));
    }

    static final class OtherModule {

        private OtherModule() {
        }

        record Thing(String label) {
        }
    }
}
