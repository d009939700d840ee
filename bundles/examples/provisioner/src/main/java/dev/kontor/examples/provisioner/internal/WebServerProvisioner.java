package dev.kontor.examples.provisioner.internal;

import dev.kontor.api.subscriptions.Provisioner;
import dev.kontor.api.subscriptions.ProvisionerProperties;
import dev.kontor.api.subscriptions.Provisioning;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Tells a web server which subscriptions' sites to serve and which to stop (S3), by
 * keeping its site table ({@link SiteTable}) in line with every state the panel
 * delivers. The panel calls it after each change of a subscription's effective state,
 * from a background thread, at least once; a call that throws is retried later and the
 * subscription shows this provisioner as failing meanwhile.
 */
@Component(service = Provisioner.class, configurationPid = WebServerConfiguration.PID)
@Designate(ocd = WebServerConfiguration.class)
@ProvisionerProperties(name = WebServerProvisioner.NAME)
public class WebServerProvisioner implements Provisioner {

    /** Its name in the panel: what was delivered to it is kept under this name, so it never changes. */
    static final String NAME = "example.webserver";
    /** Where the site table goes by default, inside the panel's data folder. */
    static final String DEFAULT_FILE = "provisioner/webserver.conf";

    private final SiteTable table;

    @Activate
    public WebServerProvisioner(WebServerConfiguration configuration, BundleContext context) {
        this.table = new SiteTable(outputFile(configuration.output_file(), context.getProperty("kontor.data")));
    }

    @Override
    public void apply(Provisioning provisioning) throws IOException {
        table.apply(provisioning);
    }

    /** The configured file, else the default inside the data folder (the working folder's {@code data} without one). */
    static Path outputFile(String configured, String dataFolder) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.strip()).toAbsolutePath();
        }
        Path data = Paths.get(dataFolder == null || dataFolder.isBlank() ? "data" : dataFolder);
        return data.resolve(DEFAULT_FILE).toAbsolutePath();
    }
}
