package dev.kontor.e2e;

import org.apache.commons.io.file.PathUtils;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The assembled distribution ({@code bin/kontor}) running as a real process on a free
 * port of the loopback interface. Closing it always ends the process: SIGTERM first,
 * a kill only when it does not stop by itself. {@link #kill()} and {@link #restart()}
 * play a crash and the start after it.
 */
final class RunningPanel implements AutoCloseable {

    static final String ADMIN = "admin";
    static final Duration STARTUP = Duration.ofSeconds(60);
    static final Duration CLEAN_STOP = Duration.ofSeconds(15);
    /** The configuration PID of the request limits (rate, login attempts, body size). */
    static final String LIMITS = "dev.kontor.host.limits";

    private static final Path DISTRIBUTION = Paths.get(requiredProperty("kontor.distribution"));
    private static final Path WORK = Paths.get(requiredProperty("kontor.e2e.work"));

    private final Path home;
    private final int port;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Thread killOnExit;
    private final HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningPanel(Path home, int port, Process process, Path stdout, Path stderr) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        // Should the test JVM end early (e.g. a build timeout), the panel must not outlive it.
        this.killOnExit = new Thread(process::destroyForcibly, "kill-kontor-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * A fresh copy of the distribution under {@code target/e2e/<name>/kontor}, with empty
     * {@code data/} and {@code deploy/} whatever the source folder has collected.
     */
    static Path freshHome(String name) {
        Path run = WORK.resolve(name);
        Path home = run.resolve("kontor");
        try {
            if (Files.exists(run)) {
                PathUtils.deleteDirectory(run);
            }
            Files.walkFileTree(DISTRIBUTION, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    Path relative = DISTRIBUTION.relativize(dir);
                    Files.createDirectories(home.resolve(relative.toString()));
                    return relative.startsWith("data") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Path relative = DISTRIBUTION.relativize(file);
                    if (!(relative.startsWith("deploy") && file.toString().endsWith(".jar"))) {
                        // COPY_ATTRIBUTES keeps bin/kontor executable.
                        Files.copy(file, home.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the distribution " + DISTRIBUTION + " (build it first)", e);
        }
        return home;
    }

    /** Starts a fresh copy with a known operator password, the port given as {@code --port}. */
    static RunningPanel startFresh(String name, String adminPassword) {
        return fresh(name, adminPassword).start();
    }

    /** A fresh copy with a known operator password, to be configured before its start. */
    static Launch fresh(String name, String adminPassword) {
        return in(freshHome(name)).env("KONTOR_ADMIN_PASSWORD", adminPassword);
    }

    static Launch in(Path home) {
        return new Launch(home);
    }

    /** How to start: the environment (KONTOR_* of the test JVM are never inherited) and where the port goes. */
    static final class Launch {
        private final Path home;
        private final Map<String, String> env = new HashMap<>();
        private boolean portFromEnvironment;

        private Launch(Path home) {
            this.home = home;
        }

        Launch env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * Sets keys of {@code etc/<pid>.cfg} before the start, keeping the file's other
         * lines: e.g. the limits of {@link RunningPanel#LIMITS}.
         */
        Launch config(String pid, Map<String, ?> values) {
            Path file = home.resolve("etc").resolve(pid + ".cfg");
            try {
                List<String> lines = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file) : List.of());
                lines.removeIf(line -> values.containsKey(line.split("=", 2)[0].trim()));
                values.forEach((key, value) -> lines.add(key + " = " + value));
                Files.write(file, lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Deploys the example module before the start; it is up once {@link PanelSession#awaitHello()} returns. */
        Launch withHello() {
            Path jar = helloJar(home);
            try {
                Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** Passes the port as KONTOR_HTTP_PORT instead of {@code --port}. */
        Launch portFromEnvironment() {
            portFromEnvironment = true;
            return this;
        }

        RunningPanel start() {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kontor").toString()).directory(home.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("KONTOR_"));
            builder.environment().putAll(env);
            if (portFromEnvironment) {
                builder.environment().put("KONTOR_HTTP_PORT", Integer.toString(port));
            } else {
                builder.command().addAll(List.of("--port", Integer.toString(port)));
            }
            String start = "start-" + nextStartNumber(home);
            Path stdout = home.resolveSibling(start + ".out");
            Path stderr = home.resolveSibling(start + ".err");
            builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            RunningPanel panel;
            try {
                panel = new RunningPanel(home, port, builder.start(), stdout, stderr);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + builder.command(), e);
            }
            try {
                panel.awaitReady();
            } catch (RuntimeException | AssertionError e) {
                panel.close();
                throw e;
            }
            return panel;
        }
    }

    /** Ready = health answers 200 and the session endpoint is served (401 without a login). */
    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Duration pause = Duration.ofMillis(100);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("bin/kontor ended with exit code " + process.exitValue() + " before it was ready\n" + console());
            }
            try {
                HttpResponse<String> health = get("/api/v1/health");
                if (health.statusCode() == 429) {
                    // A test may configure a tiny per-address rate: waiting must not use it all up.
                    pause = Duration.ofSeconds(health.headers().firstValueAsLong("Retry-After").orElse(1));
                } else if (health.statusCode() == 200 && get("/api/v1/session").statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Eventually.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : pause.multipliedBy(2);
        }
        fail("bin/kontor not ready within " + STARTUP.toSeconds() + " s\n" + console());
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    /** The example module shipped in examples/. */
    Path helloJar() {
        return helloJar(home);
    }

    private static Path helloJar(Path home) {
        try (Stream<Path> files = Files.list(home.resolve("examples"))) {
            return files.filter(file -> file.getFileName().toString().matches("kontor-example-hello-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no examples/kontor-example-hello-*.jar in " + home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Any request without a session. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        return send(anonymous, request);
    }

    /** A login attempt without any session, as the raw answer. */
    HttpResponse<String> tryLogin(String username, String password) throws IOException {
        return PanelSession.postLogin(this, anonymous, username, password);
    }

    /** Logs in; fails the test unless that works. */
    PanelSession login(String username, String password) throws IOException {
        return PanelSession.logIn(this, username, password);
    }

    /** What the process printed on stdout so far. */
    String stdout() {
        return read(stdout);
    }

    /** Stdout and stderr, for failure messages. */
    String console() {
        return "--- stdout " + stdout + "\n" + read(stdout) + "--- stderr " + stderr + "\n" + read(stderr);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM and waits for the process to end by itself; kills it only as a last
     * resort. Answers the exit code, or empty when it had to be killed.
     */
    OptionalInt terminate() {
        process.destroy();
        try {
            if (process.waitFor(CLEAN_STOP.toSeconds(), TimeUnit.SECONDS)) {
                return OptionalInt.of(process.exitValue());
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return OptionalInt.empty();
        }
    }

    /**
     * Ends the process with SIGKILL, as a crash or a power cut would: no shutdown hook
     * runs, nothing is flushed or closed. {@code bin/kontor} execs java, so the signal
     * reaches the panel itself.
     */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                fail("still running 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The JVM's thread stacks ({@code jcmd <pid> Thread.print}): shows what the panel is
     * doing at this moment, e.g. whether a request is inside a transaction.
     */
    String threadDump() {
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes());
            if (!dump.waitFor(30, TimeUnit.SECONDS) || dump.exitValue() != 0) {
                fail(jcmd + " failed: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + jcmd + " (the tests need a JDK)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A new process on the same home (data, deploy/, etc/) once this one has ended. */
    RunningPanel restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("still running; kill() or terminate() it first");
        }
        close();
        return in(home).start();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook does the same
        }
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static void assertStatus(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(),
                () -> response.request().method() + " " + response.request().uri() + " answered " + response.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int nextStartNumber(Path home) {
        try (Stream<Path> files = Files.list(home.getParent())) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".out")).count() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven (failsafe)");
        }
        return value;
    }
}
