package dev.kontor.clients.internal.reseller;

import static dev.kontor.clients.internal.reseller.ResellerApplicationTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.BulkRequest;
import dev.kontor.clients.internal.client.BulkResult;
import dev.kontor.clients.internal.client.ClientChange;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.client.ClientFilter;
import dev.kontor.clients.internal.client.ClientsFixture;
import dev.kontor.clients.internal.client.NewClient;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A reseller's staff reach their own clients only, through every endpoint of the client resource (C9). */
class ResellerScopeTest {

    @AutoClose
    private ResellersFixture fixture;
    private ClientDetails first;
    private ClientDetails second;
    private ClientDetails firstsClient;
    private ClientDetails secondsClient;
    private ClientDetails operatorsOwn;

    private void twoResellers(DatabaseKind kind) {
        fixture = new ResellersFixture(kind);
        first = fixture.reseller("First", "first");
        second = fixture.reseller("Second", "second");
        firstsClient = fixture.clientOf(first, "Firsts shop", "firstshop");
        secondsClient = fixture.clientOf(second, "Seconds shop", "secondshop");
        operatorsOwn = fixture.base.client("Own shop", "ownshop");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellerListsOnlyItsOwnClientsWhateverItFiltersBy_C9(DatabaseKind kind) {
        twoResellers(kind);
        Caller staff = fixture.owner(first);
        SecurityContext security = ClientsFixture.security(staff);

        for (String resellerFilter : new String[] {null, first.organizationId(), second.organizationId(), "operator"}) {
            List<String> listed = fixture.base.resource.list(null, null, resellerFilter, null, null, null, security).items()
                    .stream().map(ClientDetails::id).toList();
            assertEquals(resellerFilter == null || resellerFilter.equals(first.organizationId()) ? List.of(firstsClient.id())
                    : List.of(), listed, "reseller_id=" + resellerFilter);
        }
        assertEquals(3, fixture.base.clients.list(fixture.operator(), new ClientFilter(null, null, null, null),
                PageRequest.of(null, null)).items().stream().filter(client -> client.resellerId() == null).count(),
                "the operator's list has its own clients: the two resellers' organizations and its shop");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherResellersOrTheOperatorsClientIsNotFoundForGetPatchDeleteAndBulk_C9(DatabaseKind kind) {
        twoResellers(kind);
        SecurityContext security = ClientsFixture.security(fixture.owner(first));
        ClientChange rename = new ClientChange("Taken over", null, null, null, null, null, null, null, null, null);

        for (ClientDetails foreign : List.of(secondsClient, operatorsOwn, second)) {
            assertThrows(NotFoundException.class, () -> fixture.base.resource.get(foreign.id(), security));
            assertThrows(NotFoundException.class, () -> fixture.base.resource.change(foreign.id(), rename, null, security));
            assertThrows(NotFoundException.class, () -> fixture.base.resource.remove(foreign.id(), "true", null, null, security));
            assertThrows(NotFoundException.class, () -> fixture.base.resource.remove(foreign.id(), null, "remove", null, security));
            assertThrows(NotFoundException.class, () -> fixture.base.resource.remove(foreign.id(), null, "keep", null, security));
        }
        BulkResult result = fixture.base.resource.bulk(new BulkRequest("suspend", List.of(secondsClient.id(), operatorsOwn.id(),
                firstsClient.id()), null), null, security);
        assertEquals(List.of(BulkResult.NOT_FOUND, BulkResult.NOT_FOUND, BulkResult.DONE),
                result.results().stream().map(BulkResult.Item::status).toList());
        BulkResult removal = fixture.base.resource.bulk(new BulkRequest("delete", List.of(secondsClient.id(), operatorsOwn.id()),
                null), null, security);
        assertEquals(List.of(BulkResult.NOT_FOUND, BulkResult.NOT_FOUND),
                removal.results().stream().map(BulkResult.Item::status).toList());
        for (ClientDetails untouched : List.of(secondsClient, operatorsOwn)) {
            ClientDetails now = fixture.base.clients.read(fixture.operator(), untouched.id()).orElseThrow();
            assertEquals(untouched.name(), now.name());
            assertEquals(ClientDetails.ACTIVE, now.state());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellerReadsItsOwnOrganizationsClientOnlyAsTheClientWithoutInternals_C2_C9(DatabaseKind kind) {
        twoResellers(kind);
        Caller staff = fixture.owner(first);

        ClientDetails own = fixture.base.clients.read(staff, first.id()).orElseThrow();

        assertEquals(null, own.description(), "the operator's internal description of the reseller");
        assertThrows(NotFoundException.class, () -> fixture.base.clients.change(staff, first.id(), null,
                new ClientChange(null, null, null, null, null, null, null, "mine now", null, null)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResellerNeitherMovesClientsNorCreatesThemForOthers_C9(DatabaseKind kind) {
        twoResellers(kind);
        Caller staff = fixture.owner(first);

        assertProblem(403, "forbidden", () -> fixture.base.resource.change(firstsClient.id(),
                new ClientChange(null, null, null, null, null, null, null, null, null, null, second.organizationId()), null,
                ClientsFixture.security(staff)));
        ValidationException elsewhere = assertThrows(ValidationException.class, () -> fixture.base.clients.create(staff,
                withReseller(ClientsFixture.newClient("Sneaky", "sneaky"), second.organizationId())));
        assertEquals("reseller_id", elsewhere.errors().get(0).field());
        assertEquals(first.organizationId(), fixture.base.clients.read(fixture.operator(), firstsClient.id()).orElseThrow()
                .resellerId());
        assertTrue(fixture.base.directory.visibleTo(staff, firstsClient.id()));
        assertFalse(fixture.base.directory.visibleTo(staff, secondsClient.id()));
    }

    static NewClient withReseller(NewClient request, String resellerId) {
        return new NewClient(request.name(), request.email(), request.phone(),
                request.company(), request.address(), request.language(), request.additionalInfo(), request.description(),
                request.username(), request.password(), resellerId);
    }
}
