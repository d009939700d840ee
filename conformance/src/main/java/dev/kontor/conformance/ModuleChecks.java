package dev.kontor.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * The checks of one module in one panel. Each answers the problems it found, as sentences
 * that name the piece at fault; none found means the rule holds. The stop check keeps
 * what the module contributed before it stopped, for the start check to compare with.
 */
final class ModuleChecks {

    private static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final String DESCRIPTION_DTO = "org.osgi.service.component.runtime.dto.ComponentDescriptionDTO";
    private static final String REST_RUNTIME = "org.osgi.service.jakartars.runtime.JakartarsServiceRuntime";
    private static final int UNSATISFIED_REFERENCE = 2;
    private static final int FAILED_ACTIVATION = 16;
    /** The answers that refuse a caller: no login, no permission, or hidden as if missing. */
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 404);

    private final PanelRuntime panel;
    private final Path jar;
    private final Bundle bundle;
    private final ModuleView view;
    private final Set<String> loginOnly;
    private Contributions beforeStop;

    ModuleChecks(PanelRuntime panel, Path jar, Set<String> loginOnly) {
        this.panel = panel;
        this.jar = jar;
        this.loginOnly = loginOnly;
        this.bundle = panel.module(jar);
        this.view = new ModuleView(bundle);
    }

    List<String> check(ModuleRule rule) {
        return switch (rule) {
            case IMPORTS_ONLY_THE_API -> imports();
            case STARTS_CLEANLY -> starts();
            case REST_METHODS_REQUIRE_A_PERMISSION -> restMethods();
            case LABELS_IN_ENGLISH_AND_GERMAN -> labels();
            case MIGRATIONS_APPLY_TWICE -> MigrationRuns.check(jar, view.moduleId());
            case STOP_REMOVES_EVERYTHING -> stop();
            case START_AGAIN_RESTORES_EVERYTHING -> startAgain();
        };
    }

    /** The built-in modules export nothing; a module that reaches past the API breaks with their next change. */
    private List<String> imports() {
        Manifest manifest = PanelBundles.manifest(jar);
        return privateImports(manifest == null ? null : manifest.getMainAttributes().getValue(Constants.IMPORT_PACKAGE));
    }

    /** The problems of an Import-Package header: every package of the panel outside {@code dev.kontor.api}. */
    static List<String> privateImports(String header) {
        List<String> problems = new ArrayList<>();
        for (String packageName : packageNames(header)) {
            boolean api = packageName.equals("dev.kontor.api") || packageName.startsWith("dev.kontor.api.");
            if ((packageName.startsWith("dev.kontor.") && !api) || (api && packageName.contains(".internal"))) {
                problems.add("imports " + packageName + ", a package of the panel outside dev.kontor.api");
            }
        }
        return problems;
    }

    /** The package names of a manifest header, without their attributes and directives (which may quote commas). */
    private static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        if (header == null) {
            return names;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                for (String part : clause.toString().split(";")) {
                    if (!part.contains("=")) {
                        names.add(part.trim()); // several packages may share one clause's attributes
                    }
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    private List<String> starts() {
        List<String> problems = new ArrayList<>();
        panel.startFailure(jar).ifPresent(failure -> problems.add("the framework could not start the bundle: " + failure));
        problems.addAll(settledComponents());
        problems.addAll(unservedResources());
        String state = moduleState();
        if (!"active".equals(state)) {
            problems.add("GET /api/v1/modules lists the module as " + state);
        }
        problems.addAll(shownToTheOperator());
        return problems;
    }

    /** What the operator must see of a running module: its menu items, its permissions and its pages. */
    private List<String> shownToTheOperator() {
        PanelClient admin = panel.admin();
        List<String> problems = new ArrayList<>();
        List<String> menuIds = view.menuEntries().stream().map(ModuleView.MenuEntry::id).toList();
        Await.until(Await.CHANGE, () -> missing(admin.itemIds("/api/v1/menu"), menuIds), List::isEmpty)
                .forEach(id -> problems.add("GET /api/v1/menu does not list " + id + " to the operator"));
        Await.until(Await.CHANGE, () -> missing(admin.itemIds("/api/v1/permissions"), view.permissions()), List::isEmpty)
                .forEach(id -> problems.add("GET /api/v1/permissions does not list " + id));
        for (String page : pages()) {
            int status = Await.until(Await.CHANGE, () -> admin.get(page).status(), answer -> answer == 200);
            if (status != 200) {
                problems.add(page + " answers " + status + " instead of 200");
            }
        }
        return problems;
    }

    /** The module's pages its menu opens, as the panel serves them. */
    private List<String> pages() {
        return view.menuEntries().stream().map(entry -> "/modules/" + view.moduleId() + "/" + pageFile(entry.page())).distinct().toList();
    }

    /** A menu page may carry a fragment or query for the page's own use: the file is what precedes it. */
    private static String pageFile(String page) {
        return page.split("[#?]", 2)[0];
    }

    /** Waits until no component of the bundle waits for a reference; answers those still waiting and those that failed. */
    private List<String> settledComponents() {
        return Await.until(Await.CHANGE, this::componentProblems, List::isEmpty);
    }

    private List<String> componentProblems() {
        return Reflection.withService(panel.context(), SCR, scr -> {
            List<String> problems = new ArrayList<>();
            Object descriptions = scr.call("getComponentDescriptionDTOs", new Class<?>[] {Bundle[].class}, (Object) new Bundle[] {bundle});
            for (Object description : Reflection.elementsOf(descriptions)) {
                String name = String.valueOf(Reflection.field(description, "name"));
                for (Object configuration : Reflection.elementsOf(scr.callWith("getComponentConfigurationDTOs", DESCRIPTION_DTO, description))) {
                    int state = (Integer) Reflection.field(configuration, "state");
                    if (state == UNSATISFIED_REFERENCE) {
                        List<String> missing = Reflection.elements(configuration, "unsatisfiedReferences").stream()
                                .map(reference -> String.valueOf(Reflection.field(reference, "name"))).toList();
                        problems.add("component " + name + " waits for the references " + missing);
                    } else if (state == FAILED_ACTIVATION) {
                        problems.add("component " + name + " failed to activate: " + Reflection.field(configuration, "failure"));
                    }
                }
            }
            return problems;
        });
    }

    /** Waits until the REST whiteboard serves every resource of the bundle; answers those it refused or never took. */
    private List<String> unservedResources() {
        List<Long> ours = view.resourceServiceIds();
        return Await.until(Await.CHANGE, () -> Reflection.withService(panel.context(), REST_RUNTIME, rest -> {
            Object runtime = rest.call("getRuntimeDTO", new Class<?>[0]);
            List<Object> applications = new ArrayList<>(Reflection.elements(runtime, "applicationDTOs"));
            applications.add(Reflection.field(runtime, "defaultApplication"));
            Set<Long> served = new java.util.HashSet<>();
            for (Object application : applications) {
                Reflection.elements(application, "resourceDTOs").forEach(resource -> served.add((Long) Reflection.field(resource, "serviceId")));
            }
            List<String> problems = new ArrayList<>();
            for (Object failed : Reflection.elements(runtime, "failedResourceDTOs")) {
                if (ours.contains((Long) Reflection.field(failed, "serviceId"))) {
                    problems.add("the REST whiteboard refused resource service " + Reflection.field(failed, "serviceId")
                            + " (failure reason " + Reflection.field(failed, "failureReason") + ")");
                }
            }
            ours.stream().filter(id -> !served.contains(id)).forEach(id -> problems.add("the REST whiteboard does not serve resource service " + id));
            return problems;
        }), List::isEmpty);
    }

    private String moduleState() {
        for (com.fasterxml.jackson.databind.JsonNode module : panel.admin().expectSuccess("GET", "/api/v1/modules", null).path("items")) {
            if (bundle.getSymbolicName().equals(module.path("symbolic_name").asText())) {
                String reason = module.path("reason").asText("");
                return module.path("state").asText() + (reason.isEmpty() ? "" : " (" + reason + ")");
            }
        }
        return "missing (is there a @Module on a package-info?)";
    }

    /**
     * Each REST method, as a member without any permission and without a login. The host
     * checks the declared permission before the method runs, so a refusal comes before any
     * body is read: an empty JSON object is enough for every method.
     */
    private List<String> restMethods() {
        List<String> problems = new ArrayList<>(unservedResources());
        for (ModuleView.Endpoint endpoint : view.endpoints()) {
            if (endpoint.isPublic()) {
                continue; // declared public on purpose: @PublicEndpoint
            }
            if (!loginOnly.contains(endpoint.name())) {
                if (endpoint.permission().isEmpty()) {
                    problems.add(endpoint + " declares no permission (@RequiresPermission on the method or its class)");
                }
                int asMember = answerOnceServed(panel.member(), endpoint);
                if (!REFUSALS.contains(asMember)) {
                    problems.add(endpoint + " answered " + asMember + " to a logged-in member holding no permission");
                }
            }
            int anonymous = call(panel.anonymous(), endpoint);
            if (!REFUSALS.contains(anonymous)) {
                problems.add(endpoint + " answered " + anonymous + " without a login");
            }
        }
        return problems;
    }

    /** The answer, once it is not a 404 of a whiteboard still rebuilding; a 404 that lasts is the method's own. */
    private int answerOnceServed(PanelClient client, ModuleView.Endpoint endpoint) {
        return Await.until(Await.WHITEBOARD_REBUILD, () -> call(client, endpoint), status -> status != 404);
    }

    private static int call(PanelClient client, ModuleView.Endpoint endpoint) {
        boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(endpoint.httpMethod());
        return client.send(endpoint.httpMethod(), endpoint.path(), hasBody ? "{}" : null).status();
    }

    /** The names of the module's REST methods, as {@code GET /api/v1/hello}. */
    Set<String> endpointNames() {
        return view.endpoints().stream().map(ModuleView.Endpoint::name).collect(java.util.stream.Collectors.toSet());
    }

    private List<String> labels() {
        Properties english = messages("i18n/messages.properties");
        Properties german = messages("i18n/messages_de.properties");
        List<String> problems = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (ModuleView.MenuEntry entry : view.menuEntries()) {
            keys.put(entry.label(), "menu item " + entry.id());
            if (bundle.getEntry("web/" + pageFile(entry.page())) == null) {
                problems.add("menu item " + entry.id() + " opens web/" + pageFile(entry.page()) + ", which the bundle does not have");
            }
        }
        view.permissions().forEach(permission -> keys.put("permission." + permission, "permission " + permission));
        keys.forEach((key, owner) -> {
            if (!english.containsKey(key)) {
                problems.add(owner + ": label " + key + " is missing in i18n/messages.properties (English)");
            }
            if (!german.containsKey(key)) {
                problems.add(owner + ": label " + key + " is missing in i18n/messages_de.properties (German)");
            }
        });
        return problems;
    }

    private Properties messages(String path) {
        Properties messages = new Properties();
        URL entry = bundle.getEntry(path);
        if (entry != null) {
            try (InputStream in = entry.openStream()) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return messages;
    }

    /** What the module showed while it ran; the answers of its REST methods are the member's. */
    private record Contributions(List<String> menuIds, Set<String> permissions, List<String> pages,
            Map<ModuleView.Endpoint, Integer> answers, ClassLoader loader, Set<String> packages) {
    }

    private Contributions contributions() {
        Map<ModuleView.Endpoint, Integer> answers = new LinkedHashMap<>();
        view.endpoints().forEach(endpoint -> answers.put(endpoint, answerOnceServed(panel.member(), endpoint)));
        return new Contributions(view.menuEntries().stream().map(ModuleView.MenuEntry::id).toList(), view.permissions(), pages(),
                answers, view.classLoader(), view.packages());
    }

    private List<String> stop() {
        beforeStop = contributions();
        try {
            bundle.stop();
        } catch (BundleException e) {
            return List.of("the bundle did not stop: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        org.osgi.framework.ServiceReference<?>[] left = bundle.getRegisteredServices();
        if (left != null && left.length > 0) {
            problems.add("services still registered: " + List.of(left));
        }
        PanelClient admin = panel.admin();
        List<String> menu = Await.until(Await.CHANGE, () -> shown(admin.itemIds("/api/v1/menu"), beforeStop.menuIds()), List::isEmpty);
        menu.forEach(id -> problems.add("GET /api/v1/menu still lists " + id));
        List<String> permissions = Await.until(Await.CHANGE,
                () -> shown(admin.itemIds("/api/v1/permissions"), beforeStop.permissions()), List::isEmpty);
        permissions.forEach(id -> problems.add("GET /api/v1/permissions still lists " + id));
        for (ModuleView.Endpoint endpoint : beforeStop.answers().keySet()) {
            int status = Await.until(Await.CHANGE, () -> call(panel.member(), endpoint), answer -> answer == 404);
            if (status != 404) {
                problems.add(endpoint + " still answers " + status + " instead of 404");
            }
        }
        for (String page : beforeStop.pages()) {
            int status = Await.until(Await.CHANGE, () -> admin.get(page).status(), answer -> answer == 404);
            if (status != 404) {
                problems.add(page + " still answers " + status + " instead of 404");
            }
        }
        List<String> threads = Await.until(Await.THREADS_END, () -> threadsOf(beforeStop), List::isEmpty);
        threads.forEach(thread -> problems.add("thread still running: " + thread));
        return problems;
    }

    private static List<String> shown(List<String> listed, java.util.Collection<String> ours) {
        return listed.stream().filter(ours::contains).toList();
    }

    /** Threads that run the module's code or carry its class loader. */
    private static List<String> threadsOf(Contributions module) {
        List<String> threads = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            String runs = null;
            for (StackTraceElement frame : entry.getValue()) {
                String className = frame.getClassName();
                int dot = className.lastIndexOf('.');
                if (module.packages().contains(dot < 0 ? "" : className.substring(0, dot))) {
                    runs = frame.toString();
                    break;
                }
            }
            boolean carriesLoader = module.loader() != null
                    && (thread.getContextClassLoader() == module.loader() || thread.getClass().getClassLoader() == module.loader());
            if (runs != null || carriesLoader) {
                threads.add("'" + thread.getName() + "'" + (runs == null ? " with the module's class loader" : " in " + runs));
            }
        }
        return threads;
    }

    private List<String> startAgain() {
        if (beforeStop == null) {
            return List.of("checked only after " + ModuleRule.STOP_REMOVES_EVERYTHING + ", which did not run");
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            return List.of("the bundle did not start again: " + e.getMessage());
        }
        // Everything a start shows, and the same contributions as before the stop.
        List<String> problems = new ArrayList<>(starts());
        Set<String> menuIds = new java.util.TreeSet<>(view.menuEntries().stream().map(ModuleView.MenuEntry::id).toList());
        if (!menuIds.equals(new java.util.TreeSet<>(beforeStop.menuIds()))) {
            problems.add("menu items before the stop " + beforeStop.menuIds() + ", after the start " + menuIds);
        }
        if (!view.permissions().equals(beforeStop.permissions())) {
            problems.add("permissions before the stop " + beforeStop.permissions() + ", after the start " + view.permissions());
        }
        beforeStop.answers().forEach((endpoint, before) -> {
            int status = Await.until(Await.CHANGE, () -> call(panel.member(), endpoint), before::equals);
            if (status != before) {
                problems.add(endpoint + " answers " + status + ", before the stop it answered " + before);
            }
        });
        return problems;
    }

    private static List<String> missing(List<String> listed, java.util.Collection<String> ours) {
        return ours.stream().filter(id -> !listed.contains(id)).toList();
    }
}
