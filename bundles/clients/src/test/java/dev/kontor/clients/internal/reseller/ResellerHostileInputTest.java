package dev.kontor.clients.internal.reseller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientChange;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientsFixture;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input no form sends, as a script might, at every reseller endpoint: a field error, a
 * refusal or nothing found, never a database error (a 500), on both databases.
 */
class ResellerHostileInputTest {

    private static final List<String> HOSTILE = List.of("a\u0000b", "line\u0007bell", "\ud800", "x".repeat(5000),
            "' OR 1=1 --", "%_\\", "\u202e", "   ", "a@b", "\"quoted\"@example.com", "x@y.z\r\nBcc: all@example.com");

    @AutoClose
    private ResellersFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void hostileTextsAreFieldErrorsRefusalsOrNothingFound(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        ClientDetails agency = fixture.reseller("Agency", "agency");
        ClientDetails shop = fixture.base.client("Shop", "shop");
        ClientDetails applicant = fixture.base.client("Applicant", "applicant");
        Caller operator = fixture.operator();
        Caller staff = fixture.owner(agency);
        Caller owner = fixture.owner(applicant);
        for (String text : HOSTILE) {
            String label = " with " + text.length() + " characters";
            runs("apply" + label, () -> fixture.applications.apply(owner, new NewApplication(text, text, text, text, text, text)));
            for (int field = 0; field < 6; field++) {
                String[] values = {"Company", "Contact", "contact@example.com", null, null, null};
                values[field] = text;
                runs("apply field " + field + label, () -> fixture.applications.apply(owner,
                        new NewApplication(values[0], values[1], values[2], values[3], values[4], values[5])));
            }
            runs("list applications" + label, () -> fixture.applications.list(operator, text, PageRequest.of("5", null)));
            runs("application cursor" + label, () -> fixture.applications.list(operator, null,
                    PageRequest.of("5", PageRequest.encode(text))));
            runs("read application" + label, () -> fixture.applications.read(operator, text));
            runs("approve" + label, () -> fixture.applications.approve(operator, text));
            runs("reject" + label, () -> fixture.applications.reject(operator, text, new Reason(text)));
            runs("list resellers" + label, () -> fixture.resellers.list(operator, text, PageRequest.of("5", null)));
            runs("reseller cursor" + label, () -> fixture.resellers.list(operator, null,
                    PageRequest.of("5", PageRequest.encode(text))));
            runs("read reseller" + label, () -> fixture.resellers.read(operator, text));
            runs("suspend reseller" + label, () -> fixture.resellers.suspend(operator, text, new Reason(text)));
            runs("suspension reason" + label, () -> fixture.resellers.suspend(operator, agency.organizationId(),
                    new Reason(text)));
            runs("activate reseller" + label, () -> fixture.resellers.activate(operator, text));
            runs("end reseller" + label, () -> fixture.resellers.end(operator, text));
            runs("attach request" + label, () -> fixture.attach.request(staff, text, new NewAttachRequest(text, text)));
            runs("attach address" + label, () -> fixture.attach.request(staff, shop.id(), new NewAttachRequest(text, null)));
            runs("attach message" + label, () -> fixture.attach.request(staff, shop.id(),
                    new NewAttachRequest("nobody@example.com", text)));
            runs("list attach requests" + label, () -> fixture.attach.list(operator, text, PageRequest.of("5", null)));
            runs("attach cursor" + label, () -> fixture.attach.list(operator, null, PageRequest.of("5", PageRequest.encode(text))));
            runs("accept" + label, () -> fixture.attach.accept(fixture.owner(shop), text));
            runs("decline" + label, () -> fixture.attach.decline(fixture.owner(shop), text));
            runs("move" + label, () -> fixture.base.moves.move(operator, shop.id(), text));
            runs("move client" + label, () -> fixture.base.moves.move(operator, text, null));
            runs("patch move" + label, () -> fixture.base.resource.change(shop.id(), new ClientChange(null, null, null, null,
                    null, null, null, null, null, null, text), null, ClientsFixture.security(operator)));
            runs("projects" + label, () -> fixture.base.resource.remove(shop.id(), null, text, null,
                    ClientsFixture.security(staff)));
            runs("release" + label, () -> fixture.base.portfolio.release(staff, text, Portfolio.Projects.KEEP, null));
        }
        // Text that only looks like SQL is a valid phone number's text: that application was stored, and no other.
        assertEquals(1, fixture.base.count("SELECT COUNT(*) FROM clients_reseller_application WHERE organization_id = ?",
                applicant.organizationId()));
        assertTrue(fixture.base.clients.read(operator, shop.id()).orElseThrow().resellerId() == null);
    }

    /** Runs a request that must end well: as a field error, a refusal or nothing found. */
    private static void runs(String what, Runnable request) {
        try {
            request.run();
        } catch (ValidationException | ProblemException | NotFoundException expected) {
            assertTrue(expected.getMessage() != null, what);
        } catch (RuntimeException unexpected) {
            throw new AssertionError(what + " failed with " + unexpected, unexpected);
        }
    }
}
