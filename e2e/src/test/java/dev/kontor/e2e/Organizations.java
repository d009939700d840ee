package dev.kontor.e2e;

import static dev.kontor.e2e.PanelSession.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Organizations and members made through the users module's API, as an operator does. */
final class Organizations {

    static final String MEMBER_PASSWORD = "Member-Passw0rd-1";

    private Organizations() {
    }

    /** A new organization; its id. */
    static String create(PanelSession operator, String name) throws IOException {
        return created(operator.send(operator.jsonRequest("POST", "/api/v1/organizations",
                "{\"name\":\"" + name + "\"}"))).path("id").asText();
    }

    /** A new login, member of the organization with the role (a built-in role's name or a custom role's id), password {@link #MEMBER_PASSWORD}. */
    static String newMember(PanelSession operator, String organization, String username, String role) throws IOException {
        created(operator.send(operator.jsonRequest("POST", "/api/v1/organizations/" + organization + "/members",
                "{\"new_login\":{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.com\",\"display_name\":\""
                        + username + "\",\"password\":\"" + MEMBER_PASSWORD + "\"},\"role\":\"" + role + "\"}")));
        return username;
    }

    static List<String> menuIds(PanelSession session) throws IOException {
        return items(session.getJson("/api/v1/menu")).map(item -> item.path("id").asText()).toList();
    }

    static Stream<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false);
    }

    static JsonNode created(HttpResponse<String> answer) {
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new AssertionError("expected a created object, got " + answer.statusCode() + " " + answer.body());
        }
        return json(answer);
    }
}
