package dev.kontor.clients.internal.client;

import dev.kontor.api.rest.TextInput;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the list's {@code q} finds (C3): clients with a word that starts with each word of
 * the query. A client's words are those of its name, company and e-mail, whole (as
 * separated by white space: {@code anna@example.com}, {@code müller-lüdenscheidt}) and in
 * their parts ({@code anna}, {@code example}, {@code müller}). They are kept twice: one
 * row per word in {@code clients_search_term}, whose index finds the few clients a rare
 * word names without reading the others; and in {@code search_text}, space-separated, for
 * a query that matches many clients, where reading the list in its order and skipping
 * the others fills a page sooner. Both give the same answer.
 *
 * <p>The rows keep a word as its UTF-8 bytes: bytes compare one by one on H2 and on
 * PostgreSQL under any collation, so the words starting with a query word are one range
 * of the index. A {@code LIKE 'word%'} on text uses PostgreSQL's index only under the C
 * collation, and read every row under any other (docs/performance.md).
 */
final class SearchTerms {

    /** Longest word kept; longer ones are cut, so a query for their start still finds them. */
    static final int MAX_TERM = 100;
    /** Most words a query may have. */
    static final int MAX_QUERY_WORDS = 5;

    private SearchTerms() {
    }

    /** The words of a client's contact data, lower-cased, each once. */
    static Set<String> of(Contact contact) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : new String[] {contact.name(), contact.company(), contact.email()}) {
            if (text == null) {
                continue;
            }
            for (String whole : TextInput.searchKey(text).split("\\s+")) {
                add(terms, whole);
                for (String part : whole.split("[^\\p{L}\\p{N}]+")) {
                    add(terms, part);
                }
            }
        }
        return terms;
    }

    /** The words as {@code search_text} keeps them: each after a space, so {@code "% word%"} finds a word's start. */
    static String searchText(Set<String> terms) {
        return " " + String.join(" ", terms);
    }

    /** The words of a query, lower-cased; empty when it has none. */
    static List<String> ofQuery(String q) {
        List<String> words = new ArrayList<>();
        if (q != null) {
            for (String word : TextInput.searchKey(q).strip().split("\\s+")) {
                if (!word.isEmpty() && !words.contains(word)) {
                    words.add(word.length() > MAX_TERM ? word.substring(0, MAX_TERM) : word);
                }
            }
        }
        return words;
    }

    /** The condition on {@code clients_search_term} of the words in a {@link #startingWith} range. */
    static final String TERM_IN_RANGE = "term >= ? AND term < ?";

    /**
     * The stored words that start with {@code word}: from its bytes (inclusive) to the same
     * bytes with the last one higher (exclusive). UTF-8 has no byte 0xFF, so the last byte
     * never carries over.
     */
    static byte[][] startingWith(String word) {
        byte[] from = stored(word);
        byte[] until = from.clone();
        until[until.length - 1]++;
        return new byte[][] {from, until};
    }

    /** The LIKE pattern of {@code search_text} with a word that starts with {@code word}. */
    static String wordPattern(String word) {
        return "% " + escaped(word) + "%";
    }

    /**
     * Whether at least {@code count} words of all clients start with {@code word}: whether
     * the index or the ordered list finds a page sooner. Asks for the count-th word only, so
     * that one row at most comes back, not every word up to it.
     */
    static boolean atLeast(Connection connection, String word, int count) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT client_id FROM clients_search_term WHERE "
                + TERM_IN_RANGE + " ORDER BY term, client_id OFFSET " + (count - 1) + " ROWS FETCH NEXT 1 ROWS ONLY")) {
            byte[][] range = startingWith(word);
            select.setBytes(1, range[0]);
            select.setBytes(2, range[1]);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Replaces the client's words with those of its contact data. */
    static void write(Connection connection, String clientId, Set<String> terms) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM clients_search_term WHERE client_id = ?")) {
            delete.setString(1, clientId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            addAll(insert, clientId, terms);
            insert.executeBatch();
        }
    }

    /** The statement {@link #addAll} adds to. */
    static final String INSERT = "INSERT INTO clients_search_term (term, client_id) VALUES (?, ?)";

    /** Adds the client's words, as stored, to the batch of an {@link #INSERT}. */
    static void addAll(PreparedStatement insert, String clientId, Set<String> terms) throws SQLException {
        for (String term : cut(terms)) {
            insert.setBytes(1, stored(term));
            insert.setString(2, clientId);
            insert.addBatch();
        }
    }

    /** The words as stored: cut to {@link #MAX_TERM}, each once. */
    static Set<String> cut(Set<String> terms) {
        Set<String> cut = new LinkedHashSet<>();
        terms.forEach(term -> cut.add(term.length() > MAX_TERM ? term.substring(0, MAX_TERM) : term));
        return cut;
    }

    private static byte[] stored(String term) {
        return term.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(Set<String> terms, String word) {
        if (!word.isEmpty()) {
            terms.add(word);
        }
    }

    private static String escaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
