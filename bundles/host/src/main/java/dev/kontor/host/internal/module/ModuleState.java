package dev.kontor.host.internal.module;

import com.fasterxml.jackson.annotation.JsonValue;

/** A module as the operator sees it. */
public enum ModuleState {
    ACTIVE, FAILED, STOPPED;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
