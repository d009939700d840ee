package dev.kontor.host.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void partsAreJoinedWithSingleSlashes() {
        assertEquals("/api/v1/things/{id}", PathTemplate.join("/api", "/", "v1/things/", null, "/{id}/").path());
    }

    @Test
    void variableExpressionsAreKeptApartEvenWithBracesAndSlashes() {
        PathTemplate template = PathTemplate.join("/api/", "v1/{country : [a-z]{2}}/{rest: .+/.+}");

        assertEquals("/api/v1/{country}/{rest}", template.path());
        assertEquals(Map.of("country", "[a-z]{2}", "rest", ".+/.+"), template.patterns());
    }
}
