package dev.kontor.idempotency.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kontor.api.rest.IdempotentRequests;
import dev.kontor.api.security.Caller;
import dev.kontor.api.storage.Database;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link IdempotentRequests} of one module bundle. One instance per bundle, each
 * with a JSON mapper of its own: the mapper caches the module's answer classes, and it
 * goes with the module, so no module class outlives its bundle.
 */
@Component(service = IdempotentRequests.class, scope = ServiceScope.BUNDLE)
public class ModuleIdempotentRequests implements IdempotentRequests {

    private final KeyStore keys;
    private final ExecutorService parts;

    @Activate
    public ModuleIdempotentRequests(@Reference Database database) {
        ObjectMapper json = JsonMapper.builder()
                .typeFactory(TypeFactory.defaultInstance().withCache(new LRUMap<>(16, 100)))
                .addModule(new JavaTimeModule())
                .build();
        this.keys = new KeyStore(database, json, Clock.systemUTC());
        AtomicInteger count = new AtomicInteger();
        this.parts = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "kontor-idempotent-parts-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Ends the threads of work in parts with the module that used them. */
    @Deactivate
    public void stop() {
        parts.shutdownNow();
    }

    @Override
    public <T> T once(Caller caller, String key, String request, Class<T> answerType, Supplier<T> work) {
        return keys.once(caller, key, request, answerType, work);
    }

    @Override
    public <T> T onceInParts(Caller caller, String key, String request, Class<T> answerType, Supplier<T> work) {
        if (key == null || key.isBlank()) {
            return work.get(); // no answer to keep, so no transaction of the key's around the work
        }
        return keys.once(caller, key, request, answerType, () -> apart(work));
    }

    /** Runs the work on a thread without an open transaction and waits for it. */
    private <T> T apart(Supplier<T> work) {
        Future<T> result = parts.submit(work::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while work in parts ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Work in parts failed", e.getCause());
        }
    }
}
