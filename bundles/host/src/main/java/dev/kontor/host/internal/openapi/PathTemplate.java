package dev.kontor.host.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A URI template joined from JAX-RS {@code @Path} values, in OpenAPI form: one slash
 * between segments and {@code {name}} for each variable, whose regular expression
 * ({@code {id: [0-9]+}}) is kept apart as a pattern.
 */
record PathTemplate(String path, Map<String, String> patterns) {

    static PathTemplate join(String... parts) {
        Map<String, String> patterns = new LinkedHashMap<>();
        List<String> segments = new ArrayList<>();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String segment : withoutPatterns(part, patterns).split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        return new PathTemplate("/" + String.join("/", segments), Map.copyOf(patterns));
    }

    /** Scans braces by depth, because a variable's expression may itself hold braces or slashes. */
    private static String withoutPatterns(String part, Map<String, String> patterns) {
        StringBuilder out = new StringBuilder();
        int start = -1;
        int depth = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '{' && depth++ == 0) {
                start = i + 1;
            } else if (c == '}' && depth > 0 && --depth == 0) {
                String variable = part.substring(start, i);
                int colon = variable.indexOf(':');
                String name = (colon < 0 ? variable : variable.substring(0, colon)).strip();
                if (colon >= 0) {
                    patterns.put(name, variable.substring(colon + 1).strip());
                }
                out.append('{').append(name).append('}');
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
