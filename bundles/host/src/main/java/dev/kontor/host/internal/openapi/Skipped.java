package dev.kontor.host.internal.openapi;

/**
 * A resource (or one of its operations) left out of the document, and why; listed under
 * {@code x-kontor-skipped} so that a broken module does not silently vanish from it.
 */
record Skipped(long serviceId, String module, String resource, String reason) {
}
