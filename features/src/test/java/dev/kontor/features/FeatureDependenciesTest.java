package dev.kontor.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Karaf's resolver checks packages, but a Kontor bundle also needs services of other modules (its DS references),
 * which the resolver leaves alone: a feature that forgets the feature of such a module installs, and its components
 * then wait for good. Each feature must therefore install, itself or through the features it depends on, a bundle
 * that provides every Kontor service its bundles require (bnd writes both into the manifest).
 */
class FeatureDependenciesTest {

    private static final Pattern REQUIRED_SERVICE = Pattern.compile("filter:=\"\\(objectClass=([^)]+)\\)\"");
    private static final Pattern PROVIDED_SERVICES = Pattern.compile("objectClass(?::List<String>)?=\"([^\"]+)\"");

    private static FeaturesRepository repository;
    private static Path bundles;

    @BeforeAll
    static void readRepository() throws Exception {
        repository = FeaturesRepository.read(BuildProperties.path("kontor.features.file"));
        bundles = BuildProperties.path("karaf.check.repository");
    }

    @Test
    void everyKontorServiceThatAFeaturesBundlesRequireIsProvidedWithinTheFeature() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : repository.names()) {
            Set<String> provided = new TreeSet<>();
            for (String bundle : repository.installedBundles(name)) {
                provided.addAll(providedServices(bundle));
            }
            for (String bundle : repository.feature(name).bundles()) {
                for (String service : requiredServices(bundle)) {
                    if (!provided.contains(service)) {
                        problems.add("feature " + name + ": " + bundle + " needs " + service);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "services no bundle of the feature or of the features it depends on provides");
    }

    @Test
    void moduleFeaturesNeedTheModulesWhoseServicesTheyUse() throws IOException {
        // The chain the check above relies on: without it, it would find nothing to miss.
        assertTrue(requiredServices(kontorBundle("kontor-clients")).contains("dev.kontor.api.users.Accounts"));
        assertTrue(requiredServices(kontorBundle("kontor-subscriptions")).contains("dev.kontor.api.clients.ClientDirectory"));
    }

    private static String kontorBundle(String artifactId) {
        return repository.feature(artifactId).bundles().stream().filter(bundle -> bundle.startsWith("dev.kontor:" + artifactId + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("feature " + artifactId + " lacks its bundle"));
    }

    /** The Kontor services a bundle's components must have (optional references aside). */
    private static Set<String> requiredServices(String bundle) throws IOException {
        Set<String> services = new TreeSet<>();
        for (String clause : clauses(header(bundle, "Require-Capability"))) {
            Matcher filter = REQUIRED_SERVICE.matcher(clause);
            if (clause.startsWith("osgi.service;") && !clause.contains("resolution:=optional") && filter.find()
                    && filter.group(1).startsWith("dev.kontor.")) {
                services.add(filter.group(1));
            }
        }
        return services;
    }

    private static Set<String> providedServices(String bundle) throws IOException {
        Set<String> services = new TreeSet<>();
        for (String clause : clauses(header(bundle, "Provide-Capability"))) {
            Matcher names = PROVIDED_SERVICES.matcher(clause);
            if (clause.startsWith("osgi.service;") && names.find()) {
                services.addAll(List.of(names.group(1).split(",")));
            }
        }
        return services;
    }

    /** A manifest header of a bundle in the check's repository folder (groupId:artifactId:version); "" if absent. */
    private static String header(String bundle, String name) throws IOException {
        String[] coordinates = bundle.split(":");
        if (coordinates.length != 3) {
            throw new AssertionError("not groupId:artifactId:version: " + bundle);
        }
        Path jar = bundles.resolve(coordinates[0].replace('.', '/')).resolve(coordinates[1]).resolve(coordinates[2])
                .resolve(coordinates[1] + "-" + coordinates[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("not in the check's repository: " + jar);
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes attributes = file.getManifest().getMainAttributes();
            String value = attributes.getValue(name);
            return value == null ? "" : value;
        }
    }

    /** The clauses of a manifest header: split at commas outside quoted strings. */
    private static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        if (!clause.isEmpty()) {
            clauses.add(clause.toString().trim());
        }
        return clauses;
    }
}
