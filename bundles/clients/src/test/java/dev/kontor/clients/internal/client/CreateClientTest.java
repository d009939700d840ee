package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.Identity;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.Account;
import dev.kontor.clients.internal.ClientsPermissions;
import dev.kontor.storage.internal.ChosenPermissions;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CreateClientTest {

    @AutoClose
    private ClientsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void newClientHasAnOrganizationWhoseFirstLoginIsOwnerAndCanLogIn_C1(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        Response answer = fixture.resource.create(new NewClient("Erika Mustermann", "erika@example.com", "+49 30 1234", "Beispiel GmbH",
                "Weg 1\n10115 Berlin", "de", "Prefers calls", null, "erika", ClientsFixture.PASSWORD, null),
                ClientsFixture.security(fixture.operator()));

        assertEquals(201, answer.getStatus());
        ClientDetails client = (ClientDetails) answer.getEntity();
        assertEquals("\"v0\"", answer.getEntityTag().toString());
        assertTrue(client.id().startsWith("cl_"));
        assertEquals(ClientDetails.ACTIVE, client.state());
        assertNull(client.resellerId());
        Account account = fixture.accounts.find(client.organizationId()).orElseThrow();
        assertEquals("Beispiel GmbH", account.name()); // a company names the account
        Identity login = fixture.identities.authenticate("erika", ClientsFixture.PASSWORD.toCharArray()).orElseThrow();
        assertEquals(account.ownerUserId(), login.userId());
        assertEquals(client.organizationId(), login.organizationId());
        assertEquals("de", login.language());
        assertTrue(fixture.auditActions().contains("clients.client.created"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyInvalidFieldIsNamedAtOnceAndNothingIsCreated_C1(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ValidationException invalid = assertThrows(ValidationException.class, () -> fixture.clients.create(fixture.operator(),
                new NewClient(" ", "not-an-address", "call me", null, null, "fr", null, null, null, "", null)));

        assertEquals(List.of("name", "email", "phone", "language", "username", "password"),
                invalid.errors().stream().map(ValidationException.FieldError::field).toList());
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM clients_client"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aTakenUsernameOrShortPasswordComesBackAsTheUsersModuleNamesItAndNothingIsCreated_C1(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        fixture.client("First", "taken");
        int organizations = fixture.count("SELECT COUNT(*) FROM users_organization");

        ValidationException taken = assertThrows(ValidationException.class,
                () -> fixture.clients.create(fixture.operator(), ClientsFixture.newClient("Second", "taken")));
        ValidationException shortPassword = assertThrows(ValidationException.class, () -> fixture.clients.create(fixture.operator(),
                new NewClient("Third", "third@example.com", null, null, null, null, null, null, "third", "short", null)));

        assertEquals("username", taken.errors().get(0).field());
        assertEquals("password", shortPassword.errors().get(0).field());
        assertEquals(1, fixture.count("SELECT COUNT(*) FROM clients_client"));
        assertEquals(organizations, fixture.count("SELECT COUNT(*) FROM users_organization"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyStaffHoldingClientsInternalWriteADescription_C2(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        Caller withoutInternal = new ChosenPermissions(fixture.operator(), ClientsPermissions.VIEW, ClientsPermissions.MANAGE);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> fixture.clients.create(withoutInternal, ClientsFixture.newClient("Client", "client")));

        assertEquals(403, refused.status());
        assertEquals(0, fixture.count("SELECT COUNT(*) FROM clients_client"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theResellerOfANewClientMustBeAnActiveReseller_C1_C9(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails reseller = fixture.client("Agency", "agency");
        ClientDetails plain = fixture.client("Plain", "plain");
        fixture.makeReseller(reseller);
        NewClient request = ClientsFixture.newClient("Customer", "customer");

        ValidationException unknown = assertThrows(ValidationException.class, () -> fixture.clients.create(fixture.operator(),
                withReseller(request, "org_unknown")));
        ValidationException noReseller = assertThrows(ValidationException.class, () -> fixture.clients.create(fixture.operator(),
                withReseller(request, plain.organizationId())));
        ClientDetails ofReseller = fixture.clients.create(fixture.operator(), withReseller(request, reseller.organizationId()));
        ClientDetails own = fixture.clients.create(fixture.operator(), withReseller(ClientsFixture.newClient("Own", "own"), "operator"));

        assertEquals("reseller_id", unknown.errors().get(0).field());
        assertEquals("reseller_id", noReseller.errors().get(0).field());
        assertEquals(reseller.organizationId(), ofReseller.resellerId());
        assertNull(own.resellerId());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellersStaffCreateClientsOfTheirOwnOrganizationOnly_C1(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails agency = fixture.client("Agency", "agency");
        // A reseller's staff as C9 will have them: the clients permissions, in the reseller's organization.
        Caller resellerStaff = new ChosenPermissions(fixture.owner(agency), ClientsPermissions.VIEW, ClientsPermissions.MANAGE,
                ClientsPermissions.INTERNAL);

        ClientDetails created = fixture.clients.create(resellerStaff, ClientsFixture.newClient("Their customer", "theirs"));
        ValidationException elsewhere = assertThrows(ValidationException.class, () -> fixture.clients.create(resellerStaff,
                withReseller(ClientsFixture.newClient("Other", "other"), "operator")));

        assertEquals(agency.organizationId(), created.resellerId());
        assertEquals("reseller_id", elsewhere.errors().get(0).field());
        assertFalse(fixture.auditActions().isEmpty());
    }

    private static NewClient withReseller(NewClient request, String resellerId) {
        return new NewClient(request.name(), request.email(), request.phone(), request.company(), request.address(),
                request.language(), request.additionalInfo(), request.description(), request.username(), request.password(),
                resellerId);
    }
}
