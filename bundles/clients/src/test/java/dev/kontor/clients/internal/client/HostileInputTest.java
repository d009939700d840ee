package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input no form sends, as a script might: every piece is a field error or answered like
 * a missing client, never a database error (which would be a 500), on both databases.
 */
class HostileInputTest {

    private static final List<String> HOSTILE = List.of("a\u0000b", "line\u0007bell", "\ud800", "x".repeat(5000), "' OR 1=1 --",
            "%_\\", "\u202e", "   ");

    @AutoClose
    private ClientsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void hostileTextsAreFieldErrorsOrNothingFound(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        Caller operator = fixture.operator();
        ClientDetails client = fixture.client("Shop", "shopowner");
        for (String text : HOSTILE) {
            String[] fields = {"name", "email", "phone", "company", "address", "additional_info", "description", "username",
                "reseller_id", "language"};
            for (String field : fields) {
                NewClient request = newClientWith(field, text);
                runs("create " + field + " " + text.length(), () -> fixture.clients.create(operator, request));
            }
            runs("change " + text.length(), () -> fixture.clients.change(operator, client.id(), null,
                    new ClientChange(text, text, text, text, text, text, text, text, null, null)));
            runs("list", () -> fixture.clients.list(operator, new ClientFilter(text, text, text, text), PageRequest.of("5", null)));
            runs("q", () -> fixture.clients.list(operator, new ClientFilter(text, null, null, null), PageRequest.of("5", null)));
            runs("read", () -> assertTrue(fixture.clients.read(operator, text).isEmpty()));
            runs("remove", () -> fixture.clients.remove(operator, text, null));
            runs("preview", () -> fixture.clients.removalPreview(operator, text));
            runs("suspend", () -> fixture.clients.suspend(operator, text, null));
            runs("reason", () -> fixture.clients.suspend(operator, client.id(), text));
            runs("directory", () -> {
                fixture.directory.find(text);
                fixture.directory.byOrganization(text);
                fixture.directory.visibleTo(operator, text);
            });
        }
        // Text that only looks like SQL is a valid name, stored as it is: the first such request made a client, whose
        // username every later one then found taken.
        assertEquals(java.util.Set.of("Shop", "' OR 1=1 --"), java.util.Set.copyOf(fixture.clients.list(operator,
                new ClientFilter(null, null, null, null), PageRequest.of(null, null)).items().stream().map(ClientDetails::name)
                .toList()));
    }

    /** Runs a request that must end well, as a field error or as nothing found. */
    private static void runs(String what, Runnable request) {
        try {
            request.run();
        } catch (ValidationException | NotFoundException expected) {
            assertTrue(expected.getMessage() != null, what);
        } catch (RuntimeException unexpected) {
            throw new AssertionError(what + " failed with " + unexpected, unexpected);
        }
    }

    private static NewClient newClientWith(String field, String text) {
        NewClient valid = ClientsFixture.newClient("Valid", "valid");
        return new NewClient(field.equals("name") ? text : valid.name(), field.equals("email") ? text : valid.email(),
                field.equals("phone") ? text : valid.phone(), field.equals("company") ? text : valid.company(),
                field.equals("address") ? text : valid.address(), field.equals("language") ? text : valid.language(),
                field.equals("additional_info") ? text : valid.additionalInfo(),
                field.equals("description") ? text : valid.description(), field.equals("username") ? text : valid.username(),
                valid.password(), field.equals("reseller_id") ? text : valid.resellerId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void noSingleHostileFieldCreatesAClient(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        for (String field : List.of("name", "email", "phone", "address", "description", "username", "language")) {
            assertThrows(ValidationException.class,
                    () -> fixture.clients.create(fixture.operator(), newClientWith(field, "a\u0000b")), field);
        }
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM clients_client"));
    }
}
