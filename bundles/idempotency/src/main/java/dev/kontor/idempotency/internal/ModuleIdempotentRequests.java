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
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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

    @Activate
    public ModuleIdempotentRequests(@Reference Database database) {
        ObjectMapper json = JsonMapper.builder()
                .typeFactory(TypeFactory.defaultInstance().withCache(new LRUMap<>(16, 100)))
                .addModule(new JavaTimeModule())
                .build();
        this.keys = new KeyStore(database, json, Clock.systemUTC());
    }

    @Override
    public <T> T once(Caller caller, String key, String request, Class<T> answerType, Supplier<T> work) {
        return keys.once(caller, key, request, answerType, work);
    }
}
