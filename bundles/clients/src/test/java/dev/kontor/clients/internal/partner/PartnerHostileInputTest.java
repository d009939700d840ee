package dev.kontor.clients.internal.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientsFixture;
import dev.kontor.clients.internal.partner.PartnerFixture.Partner;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile input to every endpoint of partner access is refused as bad input (400) or
 * answered like something missing (404), never a server error: PostgreSQL refuses a NUL
 * in a parameter, and overlong values would fail their columns.
 */
class PartnerHostileInputTest extends PartnerTestCase {

    private static final String NUL = "cl_\u0000";
    private static final String LONG = "x".repeat(5000);
    private static final List<String> BAD_IDS = Arrays.asList(null, "", NUL, LONG, "\ud800", "../clients", "' OR 1=1 --");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void hostileInputIsABadRequestOrNotFoundNeverAServerError(DatabaseKind kind) {
        shopAndAgency(kind);
        Partner another = fixture.partner("Studio", "studio");
        SecurityContext asPartner = ClientsFixture.security(partner.owner());
        SecurityContext asOwner = ClientsFixture.security(fixture.base.owner(client));
        AccessRequest open = fixture.ask(another, client, AccessRequest.PARTIAL);
        Grant grant = fixture.granted(partner, client);
        Map<String, Executable> attempts = new LinkedHashMap<>();

        List<NewAccessRequest> bodies = new ArrayList<>(Arrays.asList(null,
                new NewAccessRequest(null, null, null, null),
                new NewAccessRequest("everything", client.email(), null, null),
                new NewAccessRequest("full", "not-an-address", null, null),
                new NewAccessRequest("full", client.email() + "\u0000", null, null),
                new NewAccessRequest("full", LONG + "@example.com", null, null),
                new NewAccessRequest("full", client.email(), "a@b", null),
                new NewAccessRequest("full", client.email(), "x\u0000@example.com", null),
                new NewAccessRequest("full", client.email(), null, "\u0000"),
                new NewAccessRequest("full", client.email(), null, LONG),
                new NewAccessRequest("FULL", client.email(), null, "\ud800")));
        for (int i = 0; i < bodies.size(); i++) {
            NewAccessRequest body = bodies.get(i);
            attempts.put("request body " + i, () -> fixture.requestsResource.request(client.id(), body, asPartner));
        }
        for (String id : BAD_IDS) {
            attempts.put("request to " + id, () -> fixture.requestsResource.request(id,
                    new NewAccessRequest("full", client.email(), null, null), asPartner));
            attempts.put("requests of " + id, () -> fixture.requestsResource.list(id, null, null, asOwner));
            attempts.put("accept " + id, () -> fixture.answersResource.accept(id, null, asOwner));
            attempts.put("decline " + id, () -> fixture.answersResource.decline(id, asOwner));
            attempts.put("grants of " + id, () -> fixture.grantsResource.list(id, asOwner));
            attempts.put("end " + id, () -> fixture.grantsResource.end(client.id(), id, asOwner));
            attempts.put("end at " + id, () -> fixture.grantsResource.end(id, grant.id(), asOwner));
            attempts.put("copy " + id, () -> fixture.grantsResource.emailCopy(client.id(), id, new EmailCopyChange(true),
                    asPartner));
            attempts.put("staff " + id, () -> fixture.grantsResource.staff(client.id(), grant.id(),
                    new StaffChange(Collections.singletonList(id)), asPartner));
        }
        for (String limit : Arrays.asList("0", "-1", "9999999999", "x", "\u0000")) {
            attempts.put("limit " + limit, () -> fixture.requestsResource.list(client.id(), limit, null, asOwner));
        }
        for (String cursor : Arrays.asList("%%%", PageRequest.encode("\u0000"), PageRequest.encode(LONG.substring(0, 400)),
                "YWJj")) {
            attempts.put("cursor " + cursor, () -> fixture.requestsResource.list(client.id(), null, cursor, asOwner));
            attempts.put("partner cursor " + cursor, () -> fixture.partnerResource.clients(null, cursor, asPartner));
            attempts.put("partner requests cursor " + cursor, () -> fixture.partnerResource.accessRequests(null, cursor,
                    asPartner));
        }
        attempts.put("products null item", () -> fixture.answersResource.accept(open.id(),
                new AccessAnswer(Arrays.asList("websites", null)), asOwner));
        attempts.put("products NUL", () -> fixture.answersResource.accept(open.id(), new AccessAnswer(List.of(NUL)), asOwner));
        attempts.put("products many", () -> fixture.answersResource.accept(open.id(),
                new AccessAnswer(Collections.nCopies(10_000, "websites")), asOwner));
        attempts.put("products long", () -> fixture.answersResource.accept(open.id(), new AccessAnswer(List.of(LONG)),
                asOwner));
        attempts.put("copy without body", () -> fixture.grantsResource.emailCopy(client.id(), grant.id(), null, asPartner));
        attempts.put("staff without body", () -> fixture.grantsResource.staff(client.id(), grant.id(), null, asPartner));
        attempts.put("staff null list", () -> fixture.grantsResource.staff(client.id(), grant.id(), new StaffChange(null),
                asPartner));
        attempts.put("staff many", () -> fixture.grantsResource.staff(client.id(), grant.id(),
                new StaffChange(Collections.nCopies(1000, partner.owner().userId())), asPartner));

        for (Map.Entry<String, Executable> attempt : attempts.entrySet()) {
            try {
                attempt.getValue().execute();
                fail(attempt.getKey() + " was accepted");
            } catch (ValidationException | NotFoundException expected) {
                // 400 or 404
            } catch (Throwable other) {
                fail(attempt.getKey() + " failed with " + other, other);
            }
        }
        assertEquals(1, fixture.grants.ofClient(fixture.base.owner(client), client.id()).items().size(), "nothing changed");
        assertEquals(AccessRequest.OPEN, fixture.requests.ofClient(another.owner(), client.id(), PageRequest.of(null, null))
                .items().get(0).state(), "the request attacked stays open");
    }
}
