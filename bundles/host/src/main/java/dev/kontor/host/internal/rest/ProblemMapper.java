package dev.kontor.host.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.kontor.api.rest.IdempotencyKeyReusedException;
import dev.kontor.api.rest.ProblemException;
import dev.kontor.api.rest.StaleVersionException;
import dev.kontor.api.rest.ValidationException;
import dev.kontor.host.internal.limits.LimitedRequest;
import dev.kontor.host.internal.module.ModuleRegistry;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of every resource, Jersey's own included, into problem+json. An
 * unexpected exception is charged to the module whose code threw it, which the
 * operator then sees as failed; the caller gets a 500 without the stack trace.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    private final ModuleRegistry modules;

    public ProblemMapper(ModuleRegistry modules) {
        this.modules = modules;
    }

    @Override
    public Response toResponse(Throwable exception) {
        return problemFor(exception).toResponse();
    }

    Problem problemFor(Throwable exception) {
        if (causedBy(exception, LimitedRequest.BodyTooLargeException.class)) {
            // Jersey wraps the reader's failure in its own exceptions: look at the whole chain.
            return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "The request body is too large.");
        }
        if (exception instanceof ValidationException invalid) {
            return Problem.validation(invalid.errors());
        }
        if (exception instanceof IdempotencyKeyReusedException reused) {
            return new Problem("/problems/idempotency-key-reused", "Unprocessable Content", 422, reused.getMessage(), null);
        }
        if (exception instanceof ProblemException refused) {
            return new Problem("/problems/" + refused.type(), Response.Status.fromStatusCode(refused.status()) == null
                    ? "Refused" : Response.Status.fromStatusCode(refused.status()).getReasonPhrase(), refused.status(),
                    refused.getMessage(), null);
        }
        if (exception instanceof StaleVersionException stale) {
            return Problem.of(Response.Status.PRECONDITION_FAILED, "stale-version", stale.getMessage());
        }
        if (exception instanceof WebApplicationException web) {
            return fromWebApplication(web);
        }
        if (exception instanceof JsonMappingException mapping) {
            return Problem.validation(List.of(new ValidationException.FieldError(fieldPath(mapping), reasonOf(mapping))));
        }
        if (exception instanceof JsonProcessingException json) {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                    "The body is not valid JSON: " + json.getOriginalMessage());
        }
        String culprit = modules.moduleOf(exception).map(bundle -> blame(bundle, exception)).orElse("the panel");
        LOG.error("Request failed in {}", culprit, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "The request failed in " + culprit + ". The operator finds the reason on the modules page.");
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable current = exception; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    private String blame(Bundle bundle, Throwable exception) {
        modules.report(bundle, "Threw while serving a request: " + exception);
        return "module " + ModuleRegistry.moduleId(bundle).orElse(bundle.getSymbolicName());
    }

    private static Problem fromWebApplication(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.hasEntity() && response.getEntity() instanceof Problem problem) {
            return problem;
        }
        Response.StatusType status = response.getStatusInfo();
        if (exception instanceof NotFoundException) {
            return Problem.of(status, "not-found", "There is nothing at this address.");
        }
        if (exception instanceof NotAllowedException) {
            return Problem.of(status, "method-not-allowed", "This address does not take this method. Allowed: "
                    + String.join(", ", response.getAllowedMethods()) + ".");
        }
        if (exception instanceof NotSupportedException) {
            return Problem.of(status, "unsupported-media-type", "Send the body as application/json.");
        }
        Throwable cause = exception.getCause();
        if (cause instanceof JsonProcessingException json) {
            return cause instanceof JsonMappingException mapping
                    ? Problem.validation(List.of(new ValidationException.FieldError(fieldPath(mapping), reasonOf(mapping))))
                    : Problem.of(Response.Status.BAD_REQUEST, "malformed-json", "The body is not valid JSON: " + json.getOriginalMessage());
        }
        String type = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Problem.of(status, type, status.getStatusCode() >= 500 ? "The request could not be served." : exception.getMessage());
    }

    /** What is wrong with the field, in the client's terms: Jackson's own text names Java classes. */
    static String reasonOf(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (exception instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        if (exception instanceof InvalidFormatException invalid) {
            // Also what a refused coercion (42 for a string) looks like: name the expected type then.
            boolean otherKind = invalid.getValue() instanceof String != (invalid.getTargetType() != null
                    && CharSequence.class.isAssignableFrom(invalid.getTargetType()));
            return otherKind ? "has the wrong type" + expected(invalid.getTargetType()) : "has a value of the wrong format";
        }
        if (exception instanceof MismatchedInputException mismatch) {
            return mismatch.getPath().isEmpty() ? "the body must be a JSON object of this request's fields"
                    : "has the wrong type" + expected(mismatch.getTargetType());
        }
        return "is not valid here";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return ": a string is expected";
        }
        if (type == Boolean.class || type == boolean.class) {
            return ": true or false is expected";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return ": a number is expected";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return ": a list is expected";
        }
        return ": an object is expected";
    }

    private static String fieldPath(JsonMappingException exception) {
        String path = exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "$" : path.replace(".[", "[");
    }
}
