package dev.kontor.examples.provisioner.internal;

import dev.kontor.api.subscriptions.Provisioning;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.SubscriptionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The file a web server reads to know what to serve: one line per subscription,
 *
 * <pre>
 * &lt;subscription id&gt; &lt;revision&gt; serve|stop &lt;kind&gt;:&lt;name&gt; ...
 * sub_0193... 3 serve domain:example.com website:www.example.com
 * </pre>
 *
 * {@code serve} while the subscription is active, {@code stop} while it is suspended
 * and once it is terminated. The file is replaced whole and atomically (written beside
 * it, then moved over it), so the web server never reads half of it. Idempotent per
 * revision: a revision the table already has, or an older one, changes nothing, so a
 * repeated or late delivery never undoes a newer state.
 */
final class SiteTable {

    private static final String HEADER = "# Written by the Kontor example provisioner: what the web server serves.\n"
            + "# <subscription id> <revision> serve|stop <kind>:<name> ...\n";

    private final Path file;

    SiteTable(Path file) {
        this.file = file;
    }

    /**
     * Records the subscription's state at its revision, unless the table has that
     * revision or a newer one already.
     *
     * @return whether the file was written
     * @throws IOException when the file cannot be read or written: the panel retries
     * @throws IllegalArgumentException for a service name the file cannot hold (blanks, line breaks)
     */
    synchronized boolean apply(Provisioning provisioning) throws IOException {
        Map<String, Line> lines = read();
        String id = provisioning.subscription().id();
        Line known = lines.get(id);
        if (known != null && known.revision() >= provisioning.revision()) {
            return false;
        }
        lines.put(id, Line.of(provisioning));
        write(lines);
        return true;
    }

    private Map<String, Line> read() throws IOException {
        Map<String, Line> lines = new TreeMap<>();
        if (!Files.exists(file)) {
            return lines;
        }
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!text.isBlank() && !text.startsWith("#")) {
                Line line = Line.parse(text);
                lines.put(line.subscriptionId(), line);
            }
        }
        return lines;
    }

    private void write(Map<String, Line> lines) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
        try {
            StringBuilder text = new StringBuilder(HEADER);
            lines.values().forEach(line -> text.append(line.text()).append('\n'));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** One subscription's line. */
    private record Line(String subscriptionId, long revision, String text) {

        static Line of(Provisioning provisioning) {
            List<String> words = new ArrayList<>();
            words.add(provisioning.subscription().id());
            words.add(Long.toString(provisioning.revision()));
            words.add(provisioning.subscription().state() == SubscriptionState.ACTIVE ? "serve" : "stop");
            for (SubscribedService service : provisioning.subscription().services()) {
                words.add(service.kind() + ":" + service.name());
            }
            return new Line(provisioning.subscription().id(), provisioning.revision(),
                    words.stream().map(SiteTable::checked).collect(Collectors.joining(" ")));
        }

        static Line parse(String text) throws IOException {
            String[] words = text.strip().split(" ");
            try {
                return new Line(words[0], Long.parseLong(words[1]), text.strip());
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IOException("Not a line of the site table: " + text, e);
            }
        }
    }

    /** A word of a line: the web server splits lines at blanks, so none may hold one. */
    private static String checked(String word) {
        if (word.isEmpty() || word.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("Cannot write \"" + word + "\" into the site table: blanks or control characters");
        }
        return word;
    }
}
