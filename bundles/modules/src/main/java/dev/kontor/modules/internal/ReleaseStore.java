package dev.kontor.modules.internal;

import dev.kontor.api.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The {@code modules_release} table: permissions are stored sorted, separated by spaces. */
final class ReleaseStore {

    private final Database database;

    ReleaseStore(Database database) {
        this.database = database;
    }

    /**
     * Records that the module runs in the version and declares the permissions. A version
     * seen before keeps its first sighting and gains the permissions: a module's
     * permission sets register one after the other, each adding to what it declares.
     */
    void record(String moduleId, String version, Collection<String> permissions, Instant at) {
        database.runInTransaction(connection -> {
            Optional<Release> known = find(moduleId, version);
            TreeSet<String> declared = new TreeSet<>(permissions);
            if (known.isEmpty()) {
                int inserted;
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO modules_release "
                        + "(module_id, version, permissions, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, moduleId);
                    insert.setString(2, version);
                    insert.setString(3, String.join(" ", declared));
                    insert.setTimestamp(4, Timestamp.from(at));
                    inserted = insert.executeUpdate();
                }
                if (inserted == 1) {
                    return;
                }
                // Another recording of this version won the insert: add to what it stored.
                known = find(moduleId, version);
            }
            declared.addAll(known.get().permissions());
            if (declared.size() > known.get().permissions().size()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE modules_release SET permissions = ? WHERE module_id = ? AND version = ?")) {
                    update.setString(1, String.join(" ", declared));
                    update.setString(2, moduleId);
                    update.setString(3, version);
                    update.executeUpdate();
                }
            }
        });
    }

    /** Every version of the module, the latest first. */
    List<Release> history(String moduleId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT version, permissions, first_seen "
                    + "FROM modules_release WHERE module_id = ? ORDER BY first_seen DESC, version DESC")) {
                select.setString(1, moduleId);
                List<Release> releases = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        releases.add(new Release(rows.getString(1), split(rows.getString(2)), rows.getTimestamp(3).toInstant()));
                    }
                }
                return releases;
            }
        });
    }

    /** The permission change between the latest two versions seen. */
    PermissionDiff diff(String moduleId) {
        List<Release> releases = history(moduleId);
        if (releases.isEmpty()) {
            return new PermissionDiff(null, null, List.of(), List.of());
        }
        Release latest = releases.get(0);
        if (releases.size() == 1) {
            return new PermissionDiff(null, latest.version(), List.of(), List.of());
        }
        Release previous = releases.get(1);
        return new PermissionDiff(previous.version(), latest.version(), minus(latest.permissions(), previous.permissions()),
                minus(previous.permissions(), latest.permissions()));
    }

    private Optional<Release> find(String moduleId, String version) {
        return history(moduleId).stream().filter(release -> release.version().equals(version)).findFirst();
    }

    private static List<String> minus(List<String> these, List<String> those) {
        return these.stream().filter(permission -> !those.contains(permission)).toList();
    }

    private static List<String> split(String permissions) {
        return permissions.isBlank() ? List.of() : Arrays.asList(permissions.split(" "));
    }
}
