package dev.kontor.users.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenJsonTest {

    @Test
    void stringsAreEscapedAndNumbersWrittenBare() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 separator \u2028 ü");
        fields.put("count", 3600L);
        assertEquals("{\"text\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 separator \\u2028 ü\",\"count\":3600}",
                Json.object(fields));
    }

    @Test
    void echoedInputIsShortAndPrintable() {
        assertEquals("\"a?b\"", Json.printable("a\nb"));
        assertEquals("\"" + "x".repeat(40) + "...\"", Json.printable("x".repeat(41)));
    }
}
