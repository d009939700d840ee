package dev.kontor.host.internal.module;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One module bundle on the operator's modules page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleInfo(String id, String name, String symbolicName, String version, long bundleId,
        ModuleState state, String reason, Instant failedAt) {
}
