package dev.kontor.api.rest;

/**
 * Optimistic concurrency over HTTP: a row's {@code version} column is its ETag, and an
 * update carrying {@code If-Match} applies only to the version the client saw.
 *
 * <pre>
 * return Response.ok(client).tag(ETags.of(client.version())).build();   // GET
 * ETags.checkIfMatch(ifMatchHeader, current.version());                 // PATCH, before the change
 * ... UPDATE ... SET version = version + 1 WHERE id = ? AND version = ?  // and 0 rows: throw StaleVersionException
 * </pre>
 */
public final class ETags {

    private ETags() {
    }

    /** The strong entity tag of a version, as set on answers: {@code "v7"}. */
    public static jakarta.ws.rs.core.EntityTag of(long version) {
        return new jakarta.ws.rs.core.EntityTag("v" + version);
    }

    /**
     * Checks an {@code If-Match} header against the current version; no header means the
     * client does not ask for the check. {@code *} matches any existing version.
     *
     * @throws StaleVersionException when the client's version is not the current one (412)
     * @throws ValidationException when the header is not an entity tag of this API (400)
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() < 4 || !value.startsWith("\"v") || !value.endsWith("\"")) {
                throw new ValidationException("If-Match", "must be an ETag this API sent, such as \"v3\"");
            }
            if (value.equals("\"v" + currentVersion + "\"")) {
                return;
            }
        }
        throw new StaleVersionException();
    }
}
