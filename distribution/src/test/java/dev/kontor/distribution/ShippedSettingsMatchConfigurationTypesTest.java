package dev.kontor.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settings files in etc/ against the configuration types of the bundles they configure: a renamed or removed
 * property, a new one, or a changed default must not leave a stale sample behind. The bundles are dependencies of
 * this module, so their classes are on the test class path.
 */
class ShippedSettingsMatchConfigurationTypesTest {

    private static final Path ETC = Path.of("src", "dist", "etc");

    private static KontorBundles bundles;
    private static List<SettingsFile> files;

    @BeforeAll
    static void readBundlesAndSettings() {
        bundles = KontorBundles.onClassPath();
        files = SettingsFile.shipped(ETC);
        assertFalse(files.isEmpty(), "no dev.kontor.*.cfg in " + ETC.toAbsolutePath());
    }

    @Test
    void everySettingsFileIsNamedAfterThePidOfAConfigurationType() {
        List<String> unknown = files.stream().map(SettingsFile::pid).filter(pid -> !bundles.types().containsKey(pid))
                .toList();
        assertEquals(List.of(), unknown, "settings files whose PID no configuration type declares; known: "
                + bundles.types().keySet());
    }

    @Test
    void everyConfigurationTypeIsReadByAComponent() {
        Set<String> unread = new TreeSet<>(bundles.types().keySet());
        unread.removeAll(bundles.componentPids());
        assertEquals(Set.of(), unread, "PIDs of configuration types that no component's configuration-pid names");
    }

    @Test
    void everyConfigurationTypeIsDescribedToConsolesByItsBundlesMetatype() {
        Set<String> undescribed = new TreeSet<>(bundles.types().keySet());
        undescribed.removeAll(bundles.describedPids());
        assertEquals(Set.of(), undescribed, "PIDs without a metatype Designate (@Designate on one component reading"
                + " the PID): Karaf's and Felix's consoles cannot show their settings as a form");
    }

    @Test
    void everyConfigurationOfAnInstalledBundleShipsASettingsFile() {
        Set<String> missing = new TreeSet<>();
        bundles.types().values().stream().filter(ConfigurationType::installed).forEach(type -> missing.add(type.pid()));
        files.forEach(file -> missing.remove(file.pid()));
        assertEquals(Set.of(), missing, "configurations of the panel's bundles without a file in " + ETC);
    }

    @Test
    void everyKeySetOrShownIsAPropertyOfTheConfigurationType() {
        List<String> problems = new ArrayList<>();
        for (SettingsFile file : typedFiles()) {
            Set<String> properties = type(file).properties().keySet();
            for (String key : file.allKeys().keySet()) {
                if (!properties.contains(key)) {
                    problems.add(file.pid() + ".cfg: " + key + " is not one of " + properties);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPropertyOfTheConfigurationTypeIsSetOrShownInItsFile() {
        List<String> problems = new ArrayList<>();
        for (SettingsFile file : typedFiles()) {
            for (String property : type(file).properties().keySet()) {
                if (!file.allKeys().containsKey(property)) {
                    problems.add(file.pid() + ".cfg: " + property + " is neither set nor shown");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyValueSetOrShownReadsAsItsPropertyType() {
        assertEquals(List.of(), checkValues(true, (element, text) -> {
            try {
                ConfigurationType.parse(element.getReturnType(), text);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }));
    }

    /** A fresh install behaves the same with or without the files: what they set is what the code falls back to. */
    @Test
    void everyValueSetIsTheDefaultOfTheCode() {
        assertEquals(List.of(), checkValues(false, (element, text) -> {
            Object value;
            try {
                value = ConfigurationType.parse(element.getReturnType(), text);
            } catch (IllegalArgumentException e) {
                return null; // reported by everyValueSetOrShownReadsAsItsPropertyType
            }
            Object fallback = element.getDefaultValue();
            return Objects.deepEquals(value, fallback) ? null
                    : "the code's default is '" + fallback + "'" + (fallback == null ? " (none: show it commented out)" : "");
        }));
    }

    /** What is wrong with one value of a property of the configuration type; null when nothing is. */
    private interface ValueCheck {
        String problem(Method element, String text);
    }

    /** Checks the values a file sets (and, if asked, those it shows commented out) of its type's properties. */
    private static List<String> checkValues(boolean examplesToo, ValueCheck check) {
        List<String> problems = new ArrayList<>();
        for (SettingsFile file : typedFiles()) {
            Map<String, Method> properties = type(file).properties();
            (examplesToo ? file.allKeys() : file.values()).forEach((key, text) -> {
                Method element = properties.get(key);
                String problem = element == null ? null : check.problem(element, text);
                if (problem != null) {
                    problems.add(file.pid() + ".cfg: " + key + " = '" + text + "': " + problem);
                }
            });
        }
        return problems;
    }

    private static List<SettingsFile> typedFiles() {
        return files.stream().filter(file -> bundles.types().containsKey(file.pid())).toList();
    }

    private static ConfigurationType type(SettingsFile file) {
        return bundles.types().get(file.pid());
    }
}
