package dev.kontor.modules.internal;

import dev.kontor.api.rest.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/** Whom an enablement rule covers. */
public enum Scope {

    /** Every organization without a rule of its own or of its reseller. */
    PANEL,

    /** One organization. */
    ORGANIZATION,

    /** A reseller's own organization and the organizations of all its clients. */
    RESELLER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named in a request, or a 400 naming {@code field}. */
    static Scope parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "required: one of panel, organization, reseller");
        }
        return Arrays.stream(values()).filter(scope -> scope.id().equals(value.trim())).findFirst()
                .orElseThrow(() -> new ValidationException(field, "unknown scope; one of panel, organization, reseller"));
    }
}
