package dev.kontor.users.internal.token;

import java.util.Map;

/**
 * The few flat JSON objects the token endpoint writes, which lives outside the REST
 * layer and its JSON provider: string and number values only.
 */
final class Json {

    private static final int MAX_ECHO = 40;

    private Json() {
    }

    static String object(Map<String, Object> fields) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, field.getKey());
            json.append(':');
            if (field.getValue() instanceof Number number) {
                json.append(number);
            } else {
                string(json, String.valueOf(field.getValue()));
            }
        }
        return json.append('}').toString();
    }

    /** Client input fit to be echoed in a message: short, without control characters. */
    static String printable(String value) {
        String clipped = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
        StringBuilder shown = new StringBuilder("\"");
        clipped.codePoints().map(c -> Character.isISOControl(c) ? '?' : c).forEach(shown::appendCodePoint);
        return shown.append('"').toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
