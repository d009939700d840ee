package dev.kontor.host.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.osgi.framework.BundleContext;

/** Where the panel keeps its data: framework property {@value #PROPERTY}, set by the launcher from KONTOR_DATA. */
public final class DataFolder {

    public static final String PROPERTY = "kontor.data";

    private DataFolder() {
    }

    public static Path of(BundleContext context) {
        String configured = context.getProperty(PROPERTY);
        return Paths.get(configured == null || configured.isBlank() ? "data" : configured).toAbsolutePath();
    }
}
