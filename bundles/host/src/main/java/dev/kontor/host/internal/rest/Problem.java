package dev.kontor.host.internal.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kontor.api.rest.ValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document, the one error format of the panel. {@code type} is a
 * stable relative URI per kind of error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<ValidationException.FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Problem of(Response.StatusType status, String type, String detail) {
        return new Problem("/problems/" + type, status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem validation(List<ValidationException.FieldError> errors) {
        return new Problem("/problems/validation", "Bad Request", 400, "The request has invalid fields.", errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
