package dev.kontor.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The panel of one test class: Felix in the test JVM with the distribution's bundles, on
 * a free port, with a fresh data folder on the embedded H2 database, and the modules under
 * test installed as deployed modules would be. Three logins: the operator, the owner of
 * an organization made for the check, and a member of it whose role holds no permission.
 */
final class PanelRuntime implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final String OWNER = "conformance-owner";
    private static final String MEMBER = "conformance-member";

    private final Framework framework;
    private final Map<Path, Bundle> modules;
    private final URI base;
    private final Map<Path, String> startFailures;
    private PanelClient admin;
    private PanelClient member;

    private PanelRuntime(Framework framework, Map<Path, Bundle> modules, URI base, Map<Path, String> startFailures) {
        this.framework = framework;
        this.modules = modules;
        this.base = base;
        this.startFailures = startFailures;
    }

    /** Starts the panel with the modules in a fresh folder, waits until it answers, and logs the three users in. */
    static PanelRuntime start(List<Path> moduleJars, Path work) {
        try {
            emptyFolder(work);
            int port = freePort();
            String adminPassword = secret();
            Framework framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No OSGi framework on the test class path"))
                    .newFramework(frameworkProperties(work, port, adminPassword));
            framework.init();
            List<String> moduleNames = moduleJars.stream().map(PanelRuntime::symbolicName).toList();
            BundleContext context = framework.getBundleContext();
            List<Bundle> toStart = new ArrayList<>();
            for (PanelBundles.PanelBundle bundle : PanelBundles.onClassPath()) {
                if (moduleNames.contains(bundle.symbolicName())) {
                    continue; // a built-in module under test replaces the panel's own copy
                }
                Bundle installed = context.installBundle(bundle.jar().toUri().toString());
                if (!bundle.fragment()) {
                    toStart.add(installed);
                }
            }
            for (Bundle bundle : toStart) {
                bundle.start();
            }
            framework.start();
            Map<Path, Bundle> modules = new java.util.LinkedHashMap<>();
            for (Path jar : moduleJars) {
                modules.put(jar, context.installBundle(jar.toUri().toString()));
            }
            Map<Path, String> startFailures = new HashMap<>();
            modules.forEach((jar, module) -> {
                try {
                    module.start();
                } catch (BundleException e) {
                    startFailures.put(jar, e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
                }
            });
            PanelRuntime panel = new PanelRuntime(framework, modules, URI.create("http://127.0.0.1:" + port + "/"), startFailures);
            panel.logIn(adminPassword);
            return panel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BundleException e) {
            throw new IllegalStateException("The panel did not start", e);
        }
    }

    private static Map<String, String> frameworkProperties(Path work, int port, String adminPassword) throws IOException {
        Map<String, String> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", work.resolve("cache").toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.bootdelegation", "sun.*,com.sun.*");
        // The test class path holds the panel's jars too: bundles must never see them past their own wiring.
        properties.put("felix.bootdelegation.implicit", "false");
        properties.put("kontor.home", work.toString());
        properties.put("kontor.data", work.resolve("data").toString());
        properties.put("kontor.admin.password", adminPassword);
        properties.put("org.osgi.service.http.port", Integer.toString(port));
        properties.put("org.apache.felix.http.host", "127.0.0.1");
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // FileInstall watches an empty etc/ of this run: the panel runs on its defaults, H2 in the data folder.
        properties.put("felix.fileinstall.dir", Files.createDirectories(work.resolve("etc")).toString());
        properties.put("felix.fileinstall.log.level", "2");
        properties.put("ds.loglevel", "warn");
        return properties;
    }

    /**
     * The operator, then an organization with an owner, a role without any permission and
     * a member holding only that role: the caller every REST method of a module must refuse.
     */
    private void logIn(String adminPassword) {
        PanelClient anonymous = PanelClient.anonymous(base);
        PanelClient.Answer health = Await.until(Await.PANEL, () -> anonymous.get("/api/v1/health"), answer -> answer.status() == 200);
        if (health.status() != 200) {
            throw new IllegalStateException("The panel did not answer /api/v1/health in time: " + health);
        }
        admin = Await.until(Await.PANEL, () -> tryLogIn(ADMIN, adminPassword), client -> client != null);
        if (admin == null) {
            throw new IllegalStateException("The operator could not log in");
        }
        String organization = admin.expectSuccess("POST", "/api/v1/organizations", "{\"name\":\"Conformance check\"}")
                .path("id").asText();
        String password = secret();
        admin.expectSuccess("POST", "/api/v1/organizations/" + organization + "/members", newMember(OWNER, password, "owner"));
        PanelClient owner = PanelClient.logIn(base, OWNER, password);
        String role = owner.expectSuccess("POST", "/api/v1/roles", "{\"name\":\"No permissions\",\"permissions\":[]}")
                .path("id").asText();
        owner.expectSuccess("POST", "/api/v1/organizations/" + organization + "/members", newMember(MEMBER, password, role));
        member = PanelClient.logIn(base, MEMBER, password);
    }

    /** A login once the identity provider serves it (the users module may still be starting), else null. */
    private PanelClient tryLogIn(String username, String password) {
        try {
            return PanelClient.logIn(base, username, password);
        } catch (IllegalStateException notYet) {
            return null;
        }
    }

    private static String newMember(String username, String password, String role) {
        return PanelClient.JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("new_login", PanelClient.JSON.createObjectNode()
                        .put("username", username).put("email", username + "@example.com").put("display_name", username)
                        .put("password", password))
                .put("role", role).toString();
    }

    /** The bundle installed from this jar. */
    Bundle module(Path jar) {
        return modules.get(jar);
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Why the framework refused to start the module of this jar, if it did. */
    java.util.Optional<String> startFailure(Path jar) {
        return java.util.Optional.ofNullable(startFailures.get(jar));
    }

    /** The operator: sees every menu item and permission. */
    PanelClient admin() {
        return admin;
    }

    /** Logged in, member of an organization, holding no permission at all. */
    PanelClient member() {
        return member;
    }

    PanelClient anonymous() {
        return PanelClient.anonymous(base);
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException e) {
            throw new IllegalStateException("The panel did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String symbolicName(Path jar) {
        java.util.jar.Manifest manifest = PanelBundles.manifest(jar);
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(org.osgi.framework.Constants.BUNDLE_SYMBOLICNAME);
        if (name == null) {
            throw new IllegalArgumentException(jar + " is not an OSGi bundle (no Bundle-SymbolicName)");
        }
        return name.split(";")[0].trim();
    }

    private static String secret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "Kit-" + HexFormat.of().formatHex(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void emptyFolder(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> contents = Files.walk(folder)) {
                for (Path path : contents.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
    }
}
