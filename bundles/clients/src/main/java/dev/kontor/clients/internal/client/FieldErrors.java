package dev.kontor.clients.internal.client;

import dev.kontor.api.rest.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Field errors gathered over several checks, so that a form shows every invalid field at once. */
public final class FieldErrors {

    private final List<ValidationException.FieldError> errors = new ArrayList<>();

    /** The checked value, or null when the check failed (its errors are kept). */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException invalid) {
            errors.addAll(invalid.errors());
            return null;
        }
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
