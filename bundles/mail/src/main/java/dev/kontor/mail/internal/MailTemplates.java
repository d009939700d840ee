package dev.kontor.mail.internal;

import dev.kontor.api.mail.Mailer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail templates of one module: {@code mail/<name>.<language>.txt}, first line
 * {@code Subject: ...}, then (after an optional empty line) the body, with
 * {@code {{key}}} placeholders. The contract is documented on {@link Mailer}.
 */
final class MailTemplates {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final String SUBJECT = "Subject:";
    /** A header line after the subject: the mail carries a secret (a link that acts), so no one gets a copy. */
    static final String NO_COPIES = "Copies: none";

    private final Function<String, URL> entries;

    /** @param entries finds a file of the module's bundle by its path, null when missing */
    MailTemplates(Function<String, URL> entries) {
        this.entries = entries;
    }

    /** A template filled in: subject, body, the language it was written in, and whether copies may go out. */
    record Filled(String subject, String body, String language, boolean copies) {
    }

    /** @throws IllegalArgumentException for an unknown template or a placeholder without value */
    Filled fill(String name, Locale language, Map<String, String> values) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a template name: " + name);
        }
        String asked = language == null || language.getLanguage().isEmpty() ? Mailer.DEFAULT_LANGUAGE : language.getLanguage();
        String used = read(name, asked).isPresent() ? asked : Mailer.DEFAULT_LANGUAGE;
        String text = read(name, used).orElseThrow(() -> new IllegalArgumentException(
                "No mail template " + path(name, Mailer.DEFAULT_LANGUAGE) + " in the module"));
        int endOfLine = text.indexOf('\n');
        String first = endOfLine < 0 ? text : text.substring(0, endOfLine);
        if (!first.startsWith(SUBJECT)) {
            throw new IllegalArgumentException("Mail template " + path(name, used) + " does not start with \"Subject:\"");
        }
        String body = endOfLine < 0 ? "" : text.substring(endOfLine + 1);
        boolean copies = true;
        if (body.startsWith(NO_COPIES + "\n") || body.equals(NO_COPIES)) {
            copies = false;
            body = body.substring(Math.min(body.length(), NO_COPIES.length() + 1));
        }
        if (body.startsWith("\n")) {
            body = body.substring(1);
        }
        Map<String, String> given = values == null ? Map.of() : values;
        return new Filled(fillIn(first.substring(SUBJECT.length()).trim(), given, name),
                fillIn(body, given, name), used, copies);
    }

    private static String fillIn(String text, Map<String, String> values, String name) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Mail template " + name + " needs a value for {{" + placeholder.group(1) + "}}");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private Optional<String> read(String name, String language) {
        URL entry = entries.apply(path(name, language));
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = entry.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of((text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + path(name, language), e);
        }
    }

    private static String path(String name, String language) {
        return "mail/" + name + "." + language + ".txt";
    }
}
