package dev.kontor.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DS components of a running Karaf as Felix SCR's shell command {@code scr:list} prints them: a line per
 * component ({@code NAME in bundle ID (SYMBOLIC-NAME:VERSION) enabled, N instances.}), then a line per instance
 * ({@code Id: N, State:ACTIVE}).
 */
final class ComponentList {

    /** What a component must be in to do its work: active, or satisfied and waiting to be used. */
    private static final Set<String> WORKING = Set.of("ACTIVE", "SATISFIED");
    private static final Pattern COMPONENT =
            Pattern.compile("^(\\S+) in bundle \\d+ \\(([^:]+):[^)]*\\) (enabled|disabled), \\d+ instances?\\.$");
    private static final Pattern INSTANCE = Pattern.compile("^Id: -?\\d+, State:(\\S+)$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    /**
     * One component.
     *
     * @param bundle its bundle's symbolic name
     * @param enabled whether it is enabled
     * @param states the state of each instance
     */
    record Component(String bundle, boolean enabled, List<String> states) {

        boolean working() {
            return enabled && !states.isEmpty() && WORKING.containsAll(states);
        }
    }

    private final Map<String, Component> components;

    private ComponentList(Map<String, Component> components) {
        this.components = components;
    }

    static ComponentList parse(String printed) {
        Map<String, Component> components = new TreeMap<>();
        String name = null;
        for (String raw : printed.split("\\R")) {
            String line = ANSI.matcher(raw).replaceAll("").strip();
            Matcher component = COMPONENT.matcher(line);
            Matcher instance = INSTANCE.matcher(line);
            if (component.matches()) {
                name = component.group(1);
                components.put(name, new Component(component.group(2), "enabled".equals(component.group(3)),
                        new ArrayList<>()));
            } else if (instance.matches() && name != null) {
                components.get(name).states().add(instance.group(1));
            }
        }
        return new ComponentList(components);
    }

    /** The components of bundles whose symbolic name starts with the prefix, by component name. */
    Map<String, Component> ofBundles(String symbolicNamePrefix) {
        Map<String, Component> selected = new TreeMap<>();
        components.forEach((name, component) -> {
            if (component.bundle().startsWith(symbolicNamePrefix)) {
                selected.put(name, component);
            }
        });
        return selected;
    }

    /** The components of bundles with the prefix that are not working, with what they are in. */
    Map<String, Component> notWorking(String symbolicNamePrefix) {
        Map<String, Component> broken = new TreeMap<>(ofBundles(symbolicNamePrefix));
        broken.values().removeIf(Component::working);
        return broken;
    }

    Component component(String name) {
        return components.get(name);
    }
}
