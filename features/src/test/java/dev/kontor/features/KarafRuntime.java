package dev.kontor.features;

import org.apache.commons.io.file.PathUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A throw-away copy of Apache Karaf, started headless ({@code bin/karaf server}) on free ports. It resolves
 * {@code mvn:} URLs offline, from its own system/ folder and the check's repository folder only, so the check
 * proves that the features repository names exactly what the build provides.
 */
final class KarafRuntime implements AutoCloseable {

    private static final String SSH_USER = "karaf";
    /** The operator's first password (login {@code admin}), set before Karaf's first start. */
    static final String OPERATOR_PASSWORD = "karaf-check-operator";
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int httpPort;
    private final int sshPort;
    private Process process;

    private KarafRuntime(Path home, int httpPort, int sshPort) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    /** Copies the unpacked distribution to a fresh folder and points it at the given repository folder. */
    static KarafRuntime prepare(Path distribution, Path work, Path repository) throws IOException {
        if (Files.exists(work)) {
            PathUtils.deleteDirectory(work);
        }
        copyRecursively(distribution, work);
        try (Stream<Path> scripts = Files.list(work.resolve("bin"))) {
            scripts.forEach(script -> script.toFile().setExecutable(true));
        }
        int[] ports = freePorts(2);
        KarafRuntime karaf = new KarafRuntime(work, ports[0], ports[1]);
        karaf.configure(repository);
        return karaf;
    }

    private void configure(Path repository) throws IOException {
        // The port the way an operator sets it: Felix HTTP's own ConfigAdmin PID.
        writeConfig("org.apache.felix.http.cfg", properties -> {
            properties.setProperty("org.osgi.service.http.port", String.valueOf(httpPort));
            properties.setProperty("org.apache.felix.http.host", "127.0.0.1");
        });
        writeConfig("org.ops4j.pax.url.mvn.cfg", properties -> {
            properties.clear();
            properties.setProperty("org.ops4j.pax.url.mvn.offline", "true");
            properties.setProperty("org.ops4j.pax.url.mvn.useFallbackRepositories", "false");
            properties.setProperty("org.ops4j.pax.url.mvn.defaultRepositories",
                    "${karaf.home.uri}system@id=system.repository@snapshots, "
                            + repository.toUri() + "@id=kontor.check@snapshots");
            properties.setProperty("org.ops4j.pax.url.mvn.repositories", "");
            // An empty local repository: nothing may come from ~/.m2 by accident.
            properties.setProperty("org.ops4j.pax.url.mvn.localRepository", home.resolve("m2").toString());
        });
        writeConfig("org.apache.karaf.shell.cfg", properties -> {
            properties.setProperty("sshPort", String.valueOf(sshPort));
            properties.setProperty("sshHost", "127.0.0.1");
        });
        // bin/client needs a user with the ssh role; the distribution ships none.
        append(home.resolve("etc/users.properties"),
                SSH_USER + " = " + SSH_USER + ",_g_:admingroup",
                "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
        // Outside Karaf's data/, which "bin/karaf clean" wipes.
        append(home.resolve("etc/system.properties"), "kontor.data = ${karaf.base}/kontor-data",
                "kontor.admin.password = " + OPERATOR_PASSWORD);
    }

    /** Registers a features repository and features to install at boot, in etc/org.apache.karaf.features.cfg. */
    void bootFeatures(String repositoryUrl, String... features) throws IOException {
        writeConfig("org.apache.karaf.features.cfg", properties -> {
            properties.setProperty("featuresRepositories",
                    properties.getProperty("featuresRepositories") + ", " + repositoryUrl);
            properties.setProperty("featuresBoot",
                    properties.getProperty("featuresBoot") + ", " + String.join(", ", features));
        });
    }

    void start() throws IOException {
        ProcessBuilder builder = command("karaf", "server")
                .redirectOutput(home.resolve("console.log").toFile());
        process = builder.start();
        process.getOutputStream().close();
    }

    /** Fails at once when waiting makes no sense any more: Karaf ended, or its boot features failed. */
    void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("Karaf ended with exit code " + process.exitValue() + "\n" + logTail());
        }
        try {
            Path log = home.resolve("data/log/karaf.log");
            if (Files.exists(log) && Files.readString(log).contains("Error installing boot features")) {
                throw new AssertionError("Karaf could not install its boot features\n" + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs shell commands through bin/client and returns what they printed; fails on any command error. */
    String shell(String... commands) throws IOException, InterruptedException {
        Path output = Files.createTempFile(home, "client", ".log");
        Process client = command("client", "-a", String.valueOf(sshPort), "-h", "127.0.0.1",
                "-u", SSH_USER, "-p", SSH_USER, "-r", "60", "-d", "1", "-b")
                .redirectOutput(output.toFile())
                .start();
        try (OutputStream input = client.getOutputStream()) {
            input.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = client.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            client.destroyForcibly();
        }
        String printed = Files.readString(output);
        if (!exited || client.exitValue() != 0 || printed.contains("Error executing command")) {
            throw new AssertionError("Karaf shell " + List.of(commands) + " failed (exited: " + exited + "):\n"
                    + printed + "\n" + logTail());
        }
        return printed;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The end of data/log/karaf.log, for failure messages. */
    String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no " + log + ")");
            return "--- tail of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Stops Karaf with bin/stop, and kills it (the script and its JVM) if it does not end in time. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        Process stop = command("stop").redirectOutput(home.resolve("stop.log").toFile()).start();
        stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            stop.destroyForcibly();
        }
        // bin/karaf runs java as a child of the script: end the whole tree that this check started.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private ProcessBuilder command(String script, String... arguments) {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(home.resolve("bin").resolve(script).toString());
        builder.command().addAll(List.of(arguments));
        builder.directory(home.toFile()).redirectErrorStream(true);
        // Only this copy's own settings: no KARAF_* or KONTOR_* (e.g. an operator password) of whoever runs the build.
        builder.environment().keySet().removeIf(name -> name.startsWith("KARAF_") || name.startsWith("KONTOR_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private void writeConfig(String name, Consumer<Properties> change) throws IOException {
        Path file = home.resolve("etc").resolve(name);
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            }
        }
        change.accept(properties);
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "written by the Kontor Karaf check");
        }
    }

    private static void append(Path file, String... lines) throws IOException {
        Files.write(file, List.of(lines), StandardOpenOption.APPEND);
    }

    private static int[] freePorts(int count) throws IOException {
        // All sockets stay open until every port is chosen, so the ports differ.
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                try {
                    Files.copy(source, to.resolve(from.relativize(source).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
