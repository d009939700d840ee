package dev.kontor.api.rest;

import java.util.List;

/**
 * Bad input from a client. The panel answers 400 problem+json of type
 * {@code /problems/validation} listing each field and what is wrong with it.
 */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field: its JSON name (snake_case, dotted for nested fields) and the reason. */
    public record FieldError(String field, String message) {
    }
}
