package dev.kontor.subscriptions.internal.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Descriptions of invoices the panel writes itself (a renewal's, S5): stored as a key of
 * the module's {@code i18n/messages*.properties} with named arguments, and told to each
 * reader in their language, English when the reader's language has no such label. A
 * description staff wrote is shown as written.
 */
final class InvoiceDescriptions {

    /** {@code plan}, {@code from}, {@code until}: the renewal of a term (S5). */
    static final String RENEWAL = "invoice.description.renewal";

    private static final String ENGLISH = "en";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Map<String, Properties> LABELS = new ConcurrentHashMap<>();

    private InvoiceDescriptions() {
    }

    /** The arguments as stored: form-encoded, in the order given. */
    static String encode(Map<String, String> arguments) {
        StringBuilder encoded = new StringBuilder();
        arguments.forEach((name, value) -> encoded.append(encoded.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    /** The invoice's description in the reader's language; null when it has none. */
    static String of(Invoice invoice, Locale reader) {
        if (invoice.descriptionKey() == null) {
            return invoice.description();
        }
        String label = labels(reader.getLanguage()).getProperty(invoice.descriptionKey(),
                labels(ENGLISH).getProperty(invoice.descriptionKey()));
        if (label == null) {
            return invoice.description();
        }
        Map<String, String> arguments = decode(invoice.descriptionArgs());
        Matcher placeholder = PLACEHOLDER.matcher(label);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(text,
                    Matcher.quoteReplacement(arguments.getOrDefault(placeholder.group(1), placeholder.group())));
        }
        return placeholder.appendTail(text).toString();
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> arguments = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return arguments;
        }
        for (String pair : encoded.split("&")) {
            String[] parts = pair.split("=", 2);
            arguments.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return arguments;
    }

    /** The module's labels in the language; none for a language without a file. */
    private static Properties labels(String language) {
        return LABELS.computeIfAbsent(language, InvoiceDescriptions::load);
    }

    private static Properties load(String language) {
        String name = ENGLISH.equals(language) ? "i18n/messages.properties" : "i18n/messages_" + language + ".properties";
        Properties labels = new Properties();
        try (InputStream in = InvoiceDescriptions.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return labels; // a language without labels: every key falls back to English
            }
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
