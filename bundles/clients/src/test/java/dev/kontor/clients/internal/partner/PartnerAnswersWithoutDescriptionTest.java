package dev.kontor.clients.internal.partner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientsFixture;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nothing a partner reads, through any endpoint or mail, carries the client's internal description (C2). */
class PartnerAnswersWithoutDescriptionTest extends PartnerTestCase {

    /** Writes answers as the panel does: snake_case, ISO times. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void noPartnerAnswerNorMailCarriesTheDescription_C2(DatabaseKind kind) throws Exception {
        shopAndAgency(kind);
        SecurityContext asPartner = ClientsFixture.security(partner.owner());
        List<Object> answers = new ArrayList<>();

        Response asked = fixture.requestsResource.request(client.id(), new NewAccessRequest("full", client.email(), null,
                null), asPartner);
        answers.add(asked.getEntity());
        answers.add(fixture.requestsResource.list(client.id(), null, null, asPartner));
        answers.add(fixture.partnerResource.accessRequests(null, null, asPartner));
        Grant grant = fixture.answersResource.accept(((AccessRequest) asked.getEntity()).id(), null,
                ClientsFixture.security(fixture.base.owner(client)));
        answers.add(fixture.grantsResource.list(client.id(), asPartner));
        answers.add(fixture.partnerResource.clients(null, null, asPartner));
        answers.add(fixture.grantsResource.emailCopy(client.id(), grant.id(), new EmailCopyChange(true), asPartner));
        answers.add(fixture.grantsResource.staff(client.id(), grant.id(), new StaffChange(List.of()), asPartner));
        fixture.grantsResource.end(client.id(), grant.id(), asPartner);

        String everything = JSON.writeValueAsString(answers) + fixture.allMails();
        assertTrue(everything.contains("Shop") && everything.contains(client.id()), everything);
        assertFalse(everything.contains(client.description()), everything);
        assertFalse(everything.contains(client.additionalInfo()), "nothing beyond the name either: " + everything);
        assertFalse(everything.contains(client.phone()), everything);
    }
}
