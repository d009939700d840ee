package dev.kontor.itests;

import static org.ops4j.pax.exam.CoreOptions.bootDelegationPackage;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.osgi.framework.Constants;

/**
 * The Pax Exam configuration of every test class: Felix with exactly the bundles of the
 * assembled distribution, ordered and started as the launcher does, on a free port with
 * a fresh data folder. Runs outside the framework; what the tests need inside it travels
 * as framework properties.
 */
public final class KontorOptions {

    /** Framework properties naming the jars the tests install at run time. */
    public static final String HELLO_JAR = "kontor.itests.hello";
    public static final String HELLO_NEXT_JAR = "kontor.itests.hello-next";
    public static final String HELLO_BROKEN_JAR = "kontor.itests.hello-broken";
    public static final String FAILING_MODULE_JAR = "kontor.itests.failing-module";

    /** Pax Exam's own bundles start at level 2: logging must be there before anybody logs. */
    private static final int LOGGING_START_LEVEL = 1;

    private KontorOptions() {
    }

    /** The runtime for one test class; its folder under target/ starts empty on every run. */
    public static Option[] runtime(Class<?> testClass) {
        try {
            Path run = emptyFolder(path("kontor.itests.work").resolve(testClass.getSimpleName()));
            List<Option> options = new ArrayList<>();
            options.add(cleanCaches(true));
            options.add(junitBundles());
            options.add(bootDelegationPackage("com.sun.*"));
            options.add(frameworkProperty("org.osgi.service.http.port").value(Integer.toString(freePort())));
            options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
            options.add(frameworkProperty("org.apache.felix.http.jetty.sendServerHeader").value("false"));
            options.add(frameworkProperty("kontor.data").value(run.resolve("data").toString()));
            options.add(frameworkProperty("kontor.admin.password").value("itests-" + Long.toHexString(System.nanoTime())));
            // FileInstall watches an empty etc/ of this run, never a folder of the source tree.
            options.add(frameworkProperty("felix.fileinstall.dir").value(Files.createDirectories(run.resolve("etc")).toString()));
            options.add(frameworkProperty("ds.loglevel").value("warn"));
            options.add(frameworkProperty(HELLO_JAR).value(onlyJar(path("kontor.itests.examples"), "kontor-example-hello-*.jar").toString()));
            options.add(frameworkProperty(HELLO_NEXT_JAR).value(path("kontor.itests.hello-next").toString()));
            options.add(frameworkProperty(HELLO_BROKEN_JAR).value(path("kontor.itests.hello-broken").toString()));
            options.add(frameworkProperty(FAILING_MODULE_JAR).value(path("kontor.itests.failing-module").toString()));
            for (Path jar : runtimeBundles(path("kontor.itests.bundles"))) {
                options.add(provision(jar));
            }
            return options.toArray(Option[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's order: SPI Fly, then slf4j-api and its provider, then everything by file name. */
    private static List<Path> runtimeBundles(Path folder) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            stream.forEach(jars::add);
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("No bundles in " + folder + ": build the distribution first");
        }
        jars.sort(Comparator.comparingInt(KontorOptions::rank).thenComparing(jar -> jar.getFileName().toString()));
        return jars;
    }

    private static int rank(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("org.apache.aries.spifly") ? 0 : name.startsWith("slf4j-api") ? 1 : name.startsWith("slf4j-") ? 2 : 3;
    }

    private static UrlProvisionOption provision(Path jar) throws IOException {
        UrlProvisionOption option = bundle(jar.toUri().toString());
        if (isFragment(jar)) {
            return option.noStart(); // fragments (SPI Fly is a framework extension) are never started
        }
        return rank(jar) > 0 && rank(jar) < 3 ? option.startLevel(LOGGING_START_LEVEL) : option;
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar); JarInputStream jarStream = new JarInputStream(in)) {
            Manifest manifest = jarStream.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }

    private static Path onlyJar(Path folder, String glob) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, glob)) {
            stream.forEach(jars::add);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("Expected exactly one " + glob + " in " + folder + ", found " + jars);
        }
        return jars.get(0);
    }

    private static Path emptyFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> contents = Files.walk(folder)) {
                for (Path path : contents.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A path the build hands over as a system property (see the pom). */
    private static Path path(String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + systemProperty + " is not set: run the tests through Maven");
        }
        return Paths.get(value).toAbsolutePath().normalize();
    }
}
