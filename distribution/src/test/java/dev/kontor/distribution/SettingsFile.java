package dev.kontor.distribution;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A settings file the standalone panel ships in etc/ ({@code <pid>.cfg}): the properties it sets, read as
 * FileInstall reads them (properties format), and the examples it shows commented out, written
 * {@code #   key = value} (three spaces after the '#'), which an operator enables by removing the '#' and spaces.
 *
 * @param pid the file name without {@code .cfg}
 * @param values what the file sets, by key
 * @param examples what the file shows commented out, by key
 */
record SettingsFile(String pid, Map<String, String> values, Map<String, String> examples) {

    private static final Pattern EXAMPLE = Pattern.compile("^#   ([^\\s=:#!]+) *= *(.*)$");

    /** The shipped settings files of Kontor's own configurations; FileInstall's file and the like are not. */
    static List<SettingsFile> shipped(Path etc) {
        try (Stream<Path> files = Files.list(etc)) {
            return files.filter(file -> file.getFileName().toString().startsWith("dev.kontor."))
                    .filter(file -> file.getFileName().toString().endsWith(".cfg"))
                    .sorted()
                    .map(SettingsFile::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SettingsFile read(Path file) {
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> values = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
            Map<String, String> examples = new TreeMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                Matcher example = EXAMPLE.matcher(line);
                if (example.matches()) {
                    examples.put(example.group(1), example.group(2));
                }
            }
            return new SettingsFile(name.substring(0, name.length() - ".cfg".length()), values, examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every key the file names, set or shown commented out, with its text. */
    Map<String, String> allKeys() {
        Map<String, String> all = new TreeMap<>(examples);
        all.putAll(values);
        return all;
    }
}
