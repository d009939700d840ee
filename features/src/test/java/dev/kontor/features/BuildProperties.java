package dev.kontor.features;

import java.nio.file.Path;

/** The values Maven hands to the tests as system properties (see the surefire configuration in pom.xml). */
final class BuildProperties {

    private BuildProperties() {
    }

    static String value(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run this test through Maven");
        }
        return value;
    }

    static Path path(String name) {
        return Path.of(value(name));
    }
}
