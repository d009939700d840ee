package dev.kontor.host.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PanelJsonTest {

    private final ObjectMapper json = PanelJson.newMapper();

    record Greet(String name, Integer count, List<String> tags) {
    }

    record Answer(String organizationId, Instant createdAt) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":42}", "{\"name\":true}", "{\"name\":-1.5e300}"})
    void numbersAndBooleansAreNoStrings(String body) {
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> json.readValue(body, Greet.class));
        assertEquals("has the wrong type: a string is expected", ProblemMapper.reasonOf(refused));
    }

    @Test
    void stringsAreNoNumbers() {
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> json.readValue("{\"count\":\"42\"}", Greet.class));
        assertEquals("has the wrong type: a number is expected", ProblemMapper.reasonOf(refused));
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> json.readValue("{\"nme\":\"x\"}", Greet.class));
        assertEquals("is not a field of this request", ProblemMapper.reasonOf(refused));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Bob\"", "[1,2]", "7"})
    void aBodyThatIsNoObjectSaysSoWithoutNamingJavaClasses(String body) {
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> json.readValue(body, Greet.class));
        String reason = ProblemMapper.reasonOf(refused);
        assertFalse(reason.contains("dev.kontor") || reason.contains("java."), reason);
    }

    @Test
    void answersUseSnakeCaseAndIsoTimes() throws Exception {
        String written = json.writeValueAsString(new Answer("org1", Instant.parse("2026-11-23T10:15:30Z")));
        assertEquals("{\"organization_id\":\"org1\",\"created_at\":\"2026-11-23T10:15:30Z\"}", written);
    }
}
