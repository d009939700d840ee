package dev.kontor.modules.internal;

import java.time.Instant;
import java.util.List;

/** A version of a module the panel has run, with the permissions it declared. */
public record Release(String version, List<String> permissions, Instant firstSeen) {
}
