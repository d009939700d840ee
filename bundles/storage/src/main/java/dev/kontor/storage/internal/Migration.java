package dev.kontor.storage.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One migration file of a module: {@code V<version>__<description>.sql}; {@code file} is that name, for the operator. */
record Migration(int version, String description, String checksum, List<String> statements, String file) {

    private static final Pattern NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_]+)\\.sql");

    /**
     * Parses a migration file.
     *
     * @throws MigrationException when the file name does not follow the convention
     */
    static Migration parse(String fileName, String content) {
        Matcher matcher = NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new MigrationException("Migration file " + fileName + " is not named V<number>__<description>.sql");
        }
        String normalized = content.replace("\r\n", "\n");
        return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
                sha256(normalized), SqlScript.split(normalized), fileName);
    }

    /**
     * Runs the statements on the connection, in its transaction.
     *
     * @throws MigrationException naming this file and the database's message
     */
    void applyTo(Connection connection, String module) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new MigrationException("Migration " + file + " of module " + module + " failed: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
