package dev.kontor.modules.internal;

import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.module.RemovalPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** What the manifest and the migration folder of a module bundle say. */
final class ModuleBundles {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    private ModuleBundles() {
    }

    static Optional<String> moduleId(Bundle bundle) {
        String id = bundle.getHeaders("").get(ModuleLayout.HEADER);
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
    }

    /** The installed bundle of the module; the newest when, for a moment, two declare it. */
    static Optional<Bundle> find(BundleContext context, String moduleId) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> moduleId(bundle).filter(moduleId::equals).isPresent())
                .max(Comparator.comparing(Bundle::getBundleId));
    }

    /** The module ids of every installed module bundle. */
    static List<String> installed(BundleContext context) {
        return Arrays.stream(context.getBundles()).map(ModuleBundles::moduleId).flatMap(Optional::stream).distinct().sorted()
                .toList();
    }

    /** The policy the module declares with {@code @DataOnRemoval}; {@link RemovalPolicy#KEEP} without one. */
    static RemovalPolicy declaredPolicy(Bundle bundle) {
        String value = bundle.getHeaders("").get(ModuleLayout.REMOVAL_HEADER);
        if (value == null || value.isBlank()) {
            return RemovalPolicy.KEEP;
        }
        try {
            return RemovalPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return RemovalPolicy.KEEP;
        }
    }

    /** The bundle's migration scripts in the order the panel applies them. */
    static List<String> migrations(Bundle bundle) {
        var entries = bundle.findEntries(ModuleLayout.MIGRATIONS_FOLDER, "*.sql", false);
        if (entries == null) {
            return List.of();
        }
        List<URL> files = new ArrayList<>(Collections.list(entries));
        files.removeIf(file -> version(file) < 0);
        files.sort(Comparator.comparingInt(ModuleBundles::version));
        List<String> scripts = new ArrayList<>();
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }

    private static int version(URL file) {
        String path = file.getPath();
        Matcher name = MIGRATION.matcher(path.substring(path.lastIndexOf('/') + 1));
        return name.matches() ? Integer.parseInt(name.group(1)) : -1;
    }
}
