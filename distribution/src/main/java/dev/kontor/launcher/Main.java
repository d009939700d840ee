package dev.kontor.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;

/**
 * Starts the standalone panel: Felix with every bundle of {@code bundles/}, FileInstall
 * watching {@code etc/} (configuration) and {@code deploy/} (modules), in the
 * foreground until SIGTERM or Ctrl-C, which stop the framework cleanly.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LaunchSettings settings;
        try {
            settings = LaunchSettings.from(args, System.getenv(), Paths.get(System.getProperty("kontor.home", ".")));
        } catch (IllegalArgumentException e) {
            System.err.println("kontor: " + e.getMessage());
            System.err.println(LaunchSettings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.println(LaunchSettings.USAGE);
            return;
        }
        long started = System.nanoTime();
        Framework framework = new FrameworkFactory().newFramework(settings.frameworkProperties());
        framework.init();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(framework), "kontor-shutdown"));
        installAndStart(framework.getBundleContext(), settings.home().resolve("bundles"));
        framework.start();
        System.out.printf("Kontor is starting on http://%s:%d/ (framework up in %d ms)%n", settings.host(), settings.port(),
                (System.nanoTime() - started) / 1_000_000);
        FrameworkEvent event = framework.waitForStop(0);
        EXITING.set(true);
        System.exit(event.getType() == FrameworkEvent.ERROR ? 1 : 0);
    }

    /** Set once main decides the exit code itself; otherwise the hook runs because of a signal. */
    private static final AtomicBoolean EXITING = new AtomicBoolean();

    /**
     * SIGTERM and Ctrl-C: stop every bundle cleanly, then end with status 0, since a
     * requested stop that went well is a success (the JVM would report 143 otherwise).
     */
    private static void stopOnSignal(Framework framework) {
        if (EXITING.get()) {
            return;
        }
        try {
            framework.stop();
            FrameworkEvent stopped = framework.waitForStop(15_000);
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(stopped.getType() == FrameworkEvent.STOPPED ? 0 : 1);
        } catch (BundleException | InterruptedException e) {
            System.err.println("kontor: clean stop failed: " + e);
            Runtime.getRuntime().halt(1);
        }
    }

    /**
     * Installs every jar of the folder; starts them with logging first (slf4j must have
     * its provider before anybody logs) and fragments not at all.
     */
    static void installAndStart(BundleContext context, Path folder) throws IOException, BundleException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            stream.forEach(jars::add);
        }
        jars.sort(Comparator.comparing(Main::startRank).thenComparing(path -> path.getFileName().toString()));
        Map<Bundle, Boolean> installed = new HashMap<>();
        List<Bundle> order = new ArrayList<>();
        for (Path jar : jars) {
            Bundle bundle = context.installBundle(jar.toUri().toString());
            installed.put(bundle, isFragment(jar));
            order.add(bundle);
        }
        for (Bundle bundle : order) {
            if (!installed.get(bundle)) {
                bundle.start();
            }
        }
    }

    private static int startRank(Path jar) {
        String name = jar.getFileName().toString();
        if (name.startsWith("org.apache.aries.spifly")) {
            return 0; // a framework extension: present before anything that uses ServiceLoader
        }
        if (name.startsWith("slf4j-api")) {
            return 1;
        }
        if (name.startsWith("slf4j-")) {
            return 2;
        }
        return 3;
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream jarStream = new JarInputStream(in)) {
            Manifest manifest = jarStream.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }
}
