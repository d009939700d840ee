package dev.kontor.modules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's tables, as its migrations create them: every {@code CREATE TABLE} name in
 * the order of the scripts, without those a later script drops again. Tables a module
 * creates any other way are not known to the panel.
 */
final class MigrationTables {

    private static final Pattern STATEMENT = Pattern.compile(
            "(?i)\\b(CREATE|DROP)\\s+TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?");
    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");

    private MigrationTables() {
    }

    /** The table names in lower case, in creation order. */
    static List<String> created(List<String> scripts) {
        List<String> tables = new ArrayList<>();
        for (String script : scripts) {
            String sql = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(script).replaceAll(" ")).replaceAll(" ");
            Matcher statement = STATEMENT.matcher(sql);
            while (statement.find()) {
                String table = statement.group(2).toLowerCase(Locale.ROOT);
                tables.remove(table);
                if (statement.group(1).equalsIgnoreCase("CREATE")) {
                    tables.add(table);
                }
            }
        }
        return List.copyOf(tables);
    }
}
