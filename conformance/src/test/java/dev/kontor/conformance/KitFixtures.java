package dev.kontor.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The jars the kit's own tests check, handed over by the build (see the pom), and what to ask of findings. */
final class KitFixtures {

    private KitFixtures() {
    }

    /** The jar a system property of the build names. */
    static Path jar(String systemProperty) {
        String jar = System.getProperty(systemProperty);
        if (jar == null || jar.isBlank() || jar.startsWith("${")) {
            throw new IllegalStateException("System property " + systemProperty + " is not set: run the tests through Maven");
        }
        return Path.of(jar);
    }

    /** The rules that found anything, with their problems. */
    static Map<ModuleRule, List<String>> broken(Map<ModuleRule, List<String>> findings) {
        return findings.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
