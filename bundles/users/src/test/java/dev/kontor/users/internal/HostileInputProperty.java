package dev.kontor.users.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.storage.DatabaseKind;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Malformed and hostile input on every operation of some resources: the answer is a
 * refusal the client can act on (400, 403, 404, 409, 410, 412), never a server error,
 * and a refused request changes nothing. A subclass names the operations and the world
 * of real objects they act on, one per database, made once and kept, so some requests
 * pass and the world moves on between tries, as a real one does. Values may name those
 * objects ({@code $shop}, say).
 *
 * @param <W> the subclass's world
 */
public abstract class HostileInputProperty<W extends HostileInputProperty.World> {

    private static final Map<Class<?>, Map<DatabaseKind, World>> WORLDS = new HashMap<>();

    private final int operations;
    private final Function<DatabaseKind, W> newWorld;
    private final List<String> values;

    /**
     * @param operations how many operations {@link #run} knows, numbered from 0
     * @param newWorld makes the world for a database
     * @param values worth trying on these operations besides the common ones
     */
    protected HostileInputProperty(int operations, Function<DatabaseKind, W> newWorld, String... values) {
        this.operations = operations;
        this.newWorld = newWorld;
        this.values = List.of(values);
    }

    @Property(tries = 300)
    void hostileInputIsRefusedCleanlyAndChangesNothing(@ForAll DatabaseKind kind, @ForAll("operation") int operation,
            @ForAll("hostile") String first, @ForAll("hostile") String second) {
        W world = world(kind);
        String a = resolve(first, world.names());
        String b = resolve(second, world.names());
        String before = world.state();
        try {
            run(operation, world, a, b);
        } catch (ValidationException | NotFoundException | ProblemException | StaleVersionException refused) {
            assertEquals(before, world.state(), "a refused request changes nothing: " + refused);
        } catch (RuntimeException unexpected) {
            fail("operation " + operation + " with " + Arrays.asList(a, b) + " failed as a server error", unexpected);
        }
    }

    @Provide
    Arbitrary<Integer> operation() {
        return Arbitraries.integers().between(0, operations - 1);
    }

    /**
     * Any text, long text, and what breaks careless code (LIKE and quote characters, a NUL,
     * a line break, a broken surrogate, names of built-in things), plus the subclass's own;
     * a value may be null.
     */
    @Provide
    Arbitrary<String> hostile() {
        List<String> fixed = new ArrayList<>(List.of("", " ", "%", "_", "\\", "\u0000", "\n", "\"v0\"", "\"v1\"", "*",
                "Ünïcödé 名前", "\uD800", "owner", "basic", "administrator", UsersFixture.WEBSPACES, "panel"));
        fixed.addAll(values);
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(195).ofMaxLength(260),
                Arbitraries.of(fixed))
                .injectNull(0.05);
    }

    /** Runs one operation, fed the two values wherever the client decides. */
    protected abstract void run(int operation, W world, String a, String b);

    /** The rows the queries count (or sum), as one text to compare before and after. */
    protected static String counts(UsersFixture fixture, String... queries) {
        return List.of(queries).stream().map(sql -> String.valueOf(fixture.count(sql))).toList().toString();
    }

    @SuppressWarnings("unchecked")
    private W world(DatabaseKind kind) {
        synchronized (WORLDS) {
            return (W) WORLDS.computeIfAbsent(getClass(), type -> new EnumMap<>(DatabaseKind.class))
                    .computeIfAbsent(kind, newWorld);
        }
    }

    private static String resolve(String value, Map<String, String> names) {
        if (value == null) {
            return null;
        }
        String resolved = value;
        for (Map.Entry<String, String> name : names.entrySet()) {
            resolved = resolved.replace(name.getKey(), name.getValue());
        }
        return resolved;
    }

    /** Real objects the values are fed to. */
    public interface World {

        /** The names values may use for real objects ({@code $shop}, say), with the ids they stand for. */
        Map<String, String> names();

        /** What a refused request must leave as it was. */
        String state();
    }
}
