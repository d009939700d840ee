package dev.kontor.host.internal.rest;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAX-RS whiteboard serves nothing until it is configured. The host gives it the
 * panel's base path {@code /api} when nobody configured it, so the standalone panel
 * and a Karaf installation need no extra file; an operator's own configuration
 * (for example in etc/) is left alone.
 */
@Component(immediate = true)
public class RestRuntimeConfiguration {

    static final String PID = "JakartarsServletWhiteboardRuntimeComponent";
    /** Where the REST API is served; every resource path starts with it. */
    public static final String CONTEXT_PATH = "/api";
    private static final Logger LOG = LoggerFactory.getLogger(RestRuntimeConfiguration.class);

    @Activate
    public RestRuntimeConfiguration(@Reference ConfigurationAdmin configurations) throws IOException {
        Configuration configuration = configurations.getConfiguration(PID, "?");
        if (configuration.getProperties() == null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("jersey.context.path", CONTEXT_PATH);
            configuration.update(properties);
            LOG.info("REST runtime configured at {}", CONTEXT_PATH);
        }
    }
}
