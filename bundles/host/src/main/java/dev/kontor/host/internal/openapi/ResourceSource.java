package dev.kontor.host.internal.openapi;

/**
 * One resource the whiteboard serves: its service, the module it comes from (the tag of
 * its operations), the path it is served under and its class.
 *
 * @param basePath the context path and application base, e.g. {@code /api}
 */
record ResourceSource(long serviceId, String module, String moduleName, String basePath, Class<?> type) {
}
