package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.clients.internal.client.ClientDetails;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.SecurityContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Malformed and hostile input on every operation of {@code /api/v1/subscriptions}: the
 * answer is a refusal the client can act on (400, 403, 404, 409, 412), never a server
 * error, and a refused request changes nothing. One world per database, kept across
 * tries, so that some requests pass and the world moves on; {@code $sub}, {@code $client}
 * and {@code $hold} name its real objects.
 */
class HostileInputTest {

    private static final Map<DatabaseKind, World> WORLDS = new EnumMap<>(DatabaseKind.class);
    private static final int OPERATIONS = 10;

    @AfterContainer
    static void closeWorlds() {
        WORLDS.values().forEach(world -> world.fixture.close());
        WORLDS.clear();
    }

    @Property(tries = 250)
    void hostileInputIsRefusedCleanlyAndChangesNothing(@ForAll DatabaseKind kind, @ForAll("operations") int operation,
            @ForAll("hostile") String first, @ForAll("hostile") String second) {
        World world = WORLDS.computeIfAbsent(kind, World::new);
        String a = world.resolve(first);
        String b = world.resolve(second);
        String before = world.state();
        try {
            world.run(operation, a, b);
        } catch (ValidationException | NotFoundException | ProblemException | StaleVersionException refused) {
            assertEquals(before, world.state(), "a refused request changes nothing: " + refused);
        } catch (RuntimeException unexpected) {
            fail("operation " + operation + " with " + Arrays.asList(a, b) + " failed as a server error", unexpected);
        }
    }

    @Provide
    Arbitrary<Integer> operations() {
        return Arbitraries.integers().between(0, OPERATIONS - 1);
    }

    /** Any text, long text, what breaks careless code, valid-looking values and the world's names; a value may be null. */
    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(90).ofMaxLength(5000),
                Arbitraries.of("%", "_", "\\", "'", "\"", "a\u0000b", "line\nbreak", "\uD800", "-1", "0", "501", "9".repeat(30),
                        "9".repeat(15), "999999999999999.9999", "9999999999999999999", "", " ", "null", "*", "\"v0\"",
                        "W/\"v1\"", "v1", "2027-01-01", "2027-02-30", "1999-12-31",
                        "2030-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "operator", "abuse", "customer", "reseller",
                        "non_payment", "expired", "cascade_client", "suspend", "activate", "terminate", "EUR", "XXX", "12.50",
                        "12.505", "domain", "mailbox", "website", "example.com", "info@example.com", "-plan", "expires_at",
                        "active", "suspended", "terminated", "$sub", "$client", "$hold"),
                Arbitraries.just(null));
    }

    /** A client with a subscription and a hold on it, and the operator acting on them. */
    static final class World {
        final SubscriptionsFixture fixture;
        final Caller operator;
        final SecurityContext security;
        final ClientDetails client;
        final String subscription;
        final String hold;

        World(DatabaseKind kind) {
            fixture = new SubscriptionsFixture(kind);
            operator = fixture.operator();
            security = SubscriptionsFixture.security(operator);
            client = fixture.client("Shop", "shopowner");
            subscription = fixture.subscription(client, "Basic", "domain example.com").id();
            hold = fixture.holds.place(operator, subscription, new NewHold("operator", null, null, null)).id();
        }

        String resolve(String value) {
            if (value == null) {
                return null;
            }
            return switch (value) {
                case "$sub" -> subscription;
                case "$client" -> client.id();
                case "$hold" -> hold;
                default -> value;
            };
        }

        void run(int operation, String a, String b) {
            var resource = fixture.resource;
            switch (operation) {
                case 0 -> resource.list(a, b, a, b, a, b, security);
                case 1 -> resource.create(new NewSubscription(a, b, a, b, new Price(a, b), List.of(new SubscribedService(a, b)),
                        null), security);
                case 2 -> resource.get(a, security);
                case 3 -> resource.change(subscription, new SubscriptionChange(a, b, a, new Price(b, a),
                        List.of(new SubscribedService(b, a))), b, security);
                case 4 -> resource.place(a == null ? subscription : a, new NewHold(a, b, a, b), security);
                case 5 -> resource.lift(subscription, a, b, security);
                case 6 -> resource.holds(a, b, a, security);
                case 7 -> resource.history(subscription, a, b, security);
                case 8 -> resource.bulk(new BulkRequest(a, Arrays.asList(b, a), a, b, a), b, security);
                case 9 -> resource.terminate(a, new Termination(b), b, security);
                default -> throw new IllegalArgumentException("operation " + operation);
            }
        }

        /** What a refused request must leave as it was: every row and version of the module. */
        String state() {
            return fixture.database.inTransaction(connection -> {
                StringBuilder state = new StringBuilder();
                for (String sql : List.of("SELECT COUNT(*), COALESCE(SUM(version), 0), COALESCE(SUM(state_revision), 0) "
                        + "FROM subscriptions_subscription", "SELECT COUNT(*), COUNT(lifted_at), 0 FROM subscriptions_hold",
                        "SELECT COUNT(*), 0, 0 FROM subscriptions_history", "SELECT COUNT(*), 0, 0 FROM subscriptions_service")) {
                    try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                        row.next();
                        state.append(row.getLong(1)).append('/').append(row.getLong(2)).append('/').append(row.getLong(3))
                                .append(' ');
                    }
                }
                return state.toString();
            });
        }
    }
}
