package dev.kontor.examples.myaccess.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the page needs from the bundle's resources, read from the built bundle's class
 * path: a label missing in one language shows its bare key to those users, and the
 * panel's content security policy silently drops inline scripts and styles.
 */
class PageResourcesTest {

    private static final Pattern I18N_ATTRIBUTE = Pattern.compile("data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"");
    /** A string literal of the script shaped like a label key, as t(...) is called with. */
    private static final Pattern KEY_LITERAL = Pattern.compile("'([a-z_]+(?:\\.[a-z_]+)+)'");

    @Test
    void englishAndGermanLabelTheSameKeys() throws IOException {
        Properties english = messages("i18n/messages.properties");
        Properties german = messages("i18n/messages_de.properties");

        assertEquals(Set.of(), missing(english, german), "keys only the German file labels");
        assertEquals(Set.of(), missing(german, english), "keys only the English file labels");
        assertEquals(List.of(), blank(english), "English labels without text");
        assertEquals(List.of(), blank(german), "German labels without text");
    }

    @Test
    void everyKeyThePageAndItsScriptUseHasALabel() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(I18N_ATTRIBUTE, text("web/index.html")));
        used.addAll(matches(KEY_LITERAL, text("web/myaccess.js")));
        Set<String> labelled = messages("i18n/messages.properties").stringPropertyNames();

        assertFalse(used.isEmpty(), "the page uses no label at all");
        used.removeAll(labelled);
        assertEquals(Set.of(), used, "keys the page uses but i18n/ lacks");
    }

    @Test
    void thePageRunsUnderThePanelsContentSecurityPolicy() throws IOException {
        String page = text("web/index.html");
        List<String> refused = new ArrayList<>();
        refused.addAll(matches(Pattern.compile("(<script(?![^>]*\\ssrc=)[^>]*>)"), page));
        refused.addAll(matches(Pattern.compile("(<style[\\s>])"), page));
        refused.addAll(matches(Pattern.compile("\\s(style|on[a-z]+)=\""), page));

        assertEquals(List.of(), refused, "inline scripts, styles or handlers the policy refuses");
    }

    private static Properties messages(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> missing(Properties from, Properties in) {
        Set<String> keys = new TreeSet<>(in.stringPropertyNames());
        keys.removeAll(from.stringPropertyNames());
        return keys;
    }

    private static List<String> blank(Properties properties) {
        return properties.stringPropertyNames().stream().filter(key -> properties.getProperty(key).isBlank()).sorted().toList();
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = PageResourcesTest.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new AssertionError("not in the bundle: " + resource);
        }
        return in;
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
