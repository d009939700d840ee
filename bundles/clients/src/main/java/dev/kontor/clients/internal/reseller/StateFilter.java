package dev.kontor.clients.internal.reseller;

import dev.kontor.api.rest.ValidationException;
import java.util.List;

/** The {@code state} parameter of a list: one of the states its rows can be in, or none for all. */
final class StateFilter {

    private StateFilter() {
    }

    /** The state asked for; null when absent or blank. */
    static String of(String value, List<String> states) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String state = value.strip();
        if (!states.contains(state)) {
            throw new ValidationException("state", String.join(", ", states) + ", or none for all");
        }
        return state;
    }
}
