package dev.kontor.clients.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.api.users.AccessGrant;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The internal description never reaches the client (C2), and a client reaches no one else's. */
class DescriptionVisibilityTest {

    /** Writes answers as the panel does: snake_case, ISO times. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @AutoClose
    private ClientsFixture fixture;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theClientsOwnUsersReadTheirClientWithAdditionalInformationButNeverTheDescription_C2(DatabaseKind kind) throws Exception {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");

        JsonNode own = json(fixture.resource.get(client.id(), ClientsFixture.security(fixture.owner(client))));
        JsonNode staff = json(fixture.resource.get(client.id(), ClientsFixture.security(fixture.operator())));

        assertFalse(own.has("description"), own.toString());
        assertFalse(own.toString().contains("Pays late"), own.toString());
        assertEquals("Prefers e-mail", own.get("additional_info").asText());
        assertEquals(client.organizationId(), own.get("organization_id").asText());
        assertEquals("Pays late, be firm", staff.get("description").asText());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void staffWithoutClientsInternalReadClientsWithoutTheDescription_C2(DatabaseKind kind) throws Exception {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        Caller basic = fixture.staff("basic");

        JsonNode read = json(fixture.resource.get(client.id(), ClientsFixture.security(basic)));

        assertFalse(read.has("description"), read.toString());
        assertEquals("Shop", read.get("name").asText());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anotherClientsUsersFindNothing(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails other = fixture.client("Other", "otherowner");
        Caller stranger = fixture.owner(other);

        assertThrows(NotFoundException.class, () -> fixture.resource.get(client.id(), ClientsFixture.security(stranger)));
        assertThrows(NotFoundException.class, () -> fixture.resource.get("cl_missing", ClientsFixture.security(stranger)));
        assertTrue(fixture.clients.read(stranger, other.id()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDirectorySeesClientsAsTheirStaffUsersAndPartnersDo(DatabaseKind kind) {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.client("Shop", "shopowner");
        ClientDetails partner = fixture.client("Agency", "agency");
        ClientDetails stranger = fixture.client("Stranger", "stranger");

        assertTrue(fixture.directory.visibleTo(fixture.operator(), client.id()));
        assertTrue(fixture.directory.visibleTo(fixture.staff("basic"), client.id()));
        assertTrue(fixture.directory.visibleTo(fixture.owner(client), client.id()));
        assertFalse(fixture.directory.visibleTo(fixture.owner(partner), client.id()));
        fixture.accounts.grant(fixture.owner(client),
                new AccessGrant.Request(client.organizationId(), partner.organizationId(), Set.of(), Set.of()));
        assertTrue(fixture.directory.visibleTo(fixture.owner(partner), client.id()));
        assertFalse(fixture.directory.visibleTo(fixture.owner(stranger), client.id()));
        assertFalse(fixture.directory.visibleTo(fixture.operator(), "cl_missing"));
        assertEquals(client.asClient(), fixture.directory.find(client.id()).orElseThrow());
        assertEquals(client.asClient(), fixture.directory.byOrganization(client.organizationId()).orElseThrow());
        assertTrue(fixture.directory.byOrganization("operator").isEmpty());
        assertTrue(fixture.directory.find("cl_\u0000").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theStaffViewOfAClientWithoutADescriptionLeavesTheFieldOut_C2(DatabaseKind kind) throws Exception {
        fixture = new ClientsFixture(kind);
        ClientDetails client = fixture.clients.create(fixture.operator(), new NewClient("Plain", "plain@example.com", null, null,
                null, null, null, null, "plain", ClientsFixture.PASSWORD, null));

        JsonNode read = json(fixture.resource.get(client.id(), ClientsFixture.security(fixture.operator())));

        assertFalse(read.has("description"));
        assertFalse(read.has("suspension_reason"));
        assertTrue(read.has("company") && read.get("company").isNull());
        assertNull(client.description());
    }

    private static JsonNode json(Response answer) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(answer.getEntity()));
    }
}
