package dev.kontor.api.rest;

import dev.kontor.api.security.Caller;
import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Unsafe requests that run once per {@code Idempotency-Key}: a client that repeats a
 * bulk operation after a timeout gets the first answer again instead of doing the work
 * twice. Bundle-scoped, like {@code Database}.
 *
 * <pre>
 * &#64;POST &#64;Path("bulk")
 * public BulkResult bulk(BulkRequest request, &#64;HeaderParam("Idempotency-Key") String key, &#64;Context SecurityContext security) {
 *     Caller caller = Caller.of(security).orElseThrow();
 *     return idempotent.once(caller, key, "clients.bulk " + request, BulkResult.class, () -&gt; doTheWork(request));
 * }
 * </pre>
 */
@ProviderType
public interface IdempotentRequests {

    /** The request header carrying the key. */
    String HEADER = "Idempotency-Key";

    /**
     * Runs the work, or returns the answer stored for the caller's earlier request with
     * the same key. The work and its stored answer commit in one transaction (the work
     * joins it), so a crash never leaves work done without its answer or the reverse.
     * Keys are kept per user and organization for 24 hours.
     *
     * @param key the header value; null or blank runs the work without remembering it
     * @param request a description of the request (method, path, body); the same key
     *        with a different request is refused, since it is a client's mistake
     * @param answerType the type of the answer, to read a stored one back
     * @throws ValidationException when the key is malformed (field {@code Idempotency-Key})
     * @throws IdempotencyKeyReusedException when the key was used for another request (422)
     */
    <T> T once(Caller caller, String key, String request, Class<T> answerType, Supplier<T> work);

    /**
     * {@link #once} for work that commits in transactions of its own, such as a bulk
     * action taken in parts: a part that joined the key's transaction and failed would
     * doom the whole. The key's transaction, which keeps the answer, stays open while the
     * work runs on a thread of the panel where no transaction is open (the request holds
     * two connections meanwhile). Should the panel stop before the answer is stored, the
     * parts committed so far stay, and repeating the request runs the work again: such
     * work must find what it did already and leave it be.
     *
     * @param key the header value; null or blank runs the work on the caller's thread without remembering it
     * @since 1.2
     */
    <T> T onceInParts(Caller caller, String key, String request, Class<T> answerType, Supplier<T> work);
}
