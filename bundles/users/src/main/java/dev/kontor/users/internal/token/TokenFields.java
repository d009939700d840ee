package dev.kontor.users.internal.token;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.users.internal.organization.TextFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Checks of what tokens and OAuth clients are created with: a name and scopes (permission ids). */
final class TokenFields {

    static final int MAX_NAME = 100;
    static final int MAX_SCOPES = 500;

    private TokenFields() {
    }

    /** A name to tell tokens apart, stripped; else a validation error. */
    static String validName(String name) {
        return TextFields.name("name", name, MAX_NAME);
    }

    /**
     * The scopes, sorted and without duplicates, each one the predicate allows.
     *
     * @param allowed whether a permission may be a scope here
     * @param why what an allowed scope is, for the error message
     */
    static Set<String> validScopes(List<String> scopes, Predicate<String> allowed, String why) {
        if (scopes == null || scopes.isEmpty() || scopes.size() > MAX_SCOPES) {
            throw new ValidationException("scopes", "between 1 and " + MAX_SCOPES + " permission ids");
        }
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Set<String> valid = new TreeSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (scope == null || !allowed.test(scope)) {
                errors.add(new ValidationException.FieldError("scopes[" + i + "]", why));
            } else {
                valid.add(scope);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return valid;
    }
}
