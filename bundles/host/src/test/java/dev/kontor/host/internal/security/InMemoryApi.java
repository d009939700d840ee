package dev.kontor.host.internal.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kontor.host.internal.limits.RequestLimits;
import dev.kontor.host.internal.module.PanelGate;
import dev.kontor.host.internal.rest.PanelJson;
import dev.kontor.host.internal.web.PanelRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A Jersey application in memory with the panel's access check in front of the given
 * resources, as the panel extension sets it up: requests go through the real filters
 * without a server.
 */
final class InMemoryApi {

    static final String SOURCE_ADDRESS = "203.0.113.9";
    private static final ObjectMapper JSON = PanelJson.newMapper();
    private static final SecurityContext PLAIN_HTTP = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };

    private final ApplicationHandler application;

    InMemoryApi(PanelSecurity security, RequestLimits limits, Object... resources) {
        this(security, limits, new PanelGate(), type -> Optional.empty(), resources);
    }

    /** With the gate asked about each resource's module, as {@code moduleOf} names it. */
    InMemoryApi(PanelSecurity security, RequestLimits limits, PanelGate gate, Function<Class<?>, Optional<String>> moduleOf,
            Object... resources) {
        ResourceConfig config = new ResourceConfig().register(new SecurityFeature(security, limits, gate, moduleOf))
                .register(PanelJson.newProvider());
        for (Object resource : resources) {
            config.register(resource);
        }
        this.application = new ApplicationHandler(config);
    }

    /** A request to {@code /api/<path>}; the source address is set as {@link PanelRequestFilter} sets it. */
    Request request(String method, String path) {
        return new Request(method, path);
    }

    final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, Object> properties = new LinkedHashMap<>(Map.of(PanelRequestFilter.SOURCE_ADDRESS, SOURCE_ADDRESS));

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Request session(PanelCaller caller) {
            return header("Cookie", PanelSecurity.SESSION_COOKIE + "=" + caller.session().id());
        }

        Request property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        Answer send() {
            return send(null);
        }

        Answer send(String entity) {
            ContainerRequest request = new ContainerRequest(URI.create("http://panel.test/api/"), URI.create("http://panel.test/api/" + path),
                    method, PLAIN_HTTP, new MapPropertiesDelegate(), application.getConfiguration());
            headers.forEach(request::header);
            properties.forEach(request::setProperty);
            if (entity != null) {
                request.setEntityStream(new ByteArrayInputStream(entity.getBytes(StandardCharsets.UTF_8)));
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                ContainerResponse response = application.apply(request, body).get(30, TimeUnit.SECONDS);
                return new Answer(response.getStatus(), response.getStringHeaders(), body.toString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("The in-memory request failed", e);
            }
        }
    }

    record Answer(int status, MultivaluedMap<String, String> headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
