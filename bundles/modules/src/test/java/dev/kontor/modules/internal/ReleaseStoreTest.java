package dev.kontor.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.storage.internal.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReleaseStoreTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

    private ReleaseStore releases(DatabaseKind kind) {
        return new ReleaseStore(TestDatabase.migrated(kind, "modules"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upgradeShowsAddedAndRemovedPermissionsAgainstThePreviousVersion(DatabaseKind kind) {
        ReleaseStore releases = releases(kind);
        releases.record("hello", "1.0.0", List.of("hello.view", "hello.greet"), MONDAY);
        releases.record("hello", "1.1.0", List.of("hello.view", "hello.admin"), TUESDAY);

        PermissionDiff diff = releases.diff("hello");
        assertEquals("1.0.0", diff.from());
        assertEquals("1.1.0", diff.to());
        assertEquals(List.of("hello.admin"), diff.added());
        assertEquals(List.of("hello.greet"), diff.removed());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aVersionGainsThePermissionsOfEachOfItsSetsAndKeepsItsFirstSighting(DatabaseKind kind) {
        ReleaseStore releases = releases(kind);
        releases.record("hello", "1.0.0", List.of(), MONDAY);
        releases.record("hello", "1.0.0", List.of("hello.view"), TUESDAY);
        releases.record("hello", "1.0.0", List.of("hello.greet"), TUESDAY);

        List<Release> history = releases.history("hello");
        assertEquals(1, history.size());
        assertEquals(List.of("hello.greet", "hello.view"), history.get(0).permissions());
        assertEquals(MONDAY, history.get(0).firstSeen());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void firstVersionHasNothingToCompareWith(DatabaseKind kind) {
        ReleaseStore releases = releases(kind);
        releases.record("hello", "1.0.0", List.of("hello.view"), MONDAY);
        PermissionDiff diff = releases.diff("hello");
        assertNull(diff.from());
        assertEquals("1.0.0", diff.to());
        assertEquals(List.of(), diff.added());
        assertEquals(List.of(), releases.diff("unknown").added());
    }
}
