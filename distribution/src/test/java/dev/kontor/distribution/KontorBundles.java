package dev.kontor.distribution;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the Kontor bundles on the test class path (the panel's bundles and the examples, as dependencies of this
 * module) declare about configuration: their configuration types, and the PIDs their DS components read. A bundle
 * is a class path entry with component descriptions under OSGI-INF/, a jar or, in a reactor build, a classes folder.
 */
final class KontorBundles {

    private static final Pattern CONFIGURATION_PID = Pattern.compile("configuration-pid=\"([^\"]+)\"");
    private static final Pattern DESIGNATE_PID = Pattern.compile("<Designate[^>]*\\spid=\"([^\"]+)\"");

    private final Map<String, ConfigurationType> types = new TreeMap<>();
    private final Set<String> componentPids = new TreeSet<>();
    private final Set<String> describedPids = new TreeSet<>();

    private KontorBundles() {
    }

    static KontorBundles onClassPath() {
        KontorBundles bundles = new KontorBundles();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    bundles.readFolder(path);
                } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                    bundles.readJar(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (bundles.types.isEmpty()) {
            throw new IllegalStateException("No configuration type of a Kontor bundle on the class path: "
                    + System.getProperty("java.class.path"));
        }
        return bundles;
    }

    /** Every configuration type by its PID. */
    Map<String, ConfigurationType> types() {
        return types;
    }

    /** The PIDs that some DS component reads ({@code configuration-pid} of its description). */
    Set<String> componentPids() {
        return componentPids;
    }

    /** The PIDs a bundle's metatype designates: those a console (Karaf's, Felix's) can describe and edit as a form. */
    Set<String> describedPids() {
        return describedPids;
    }

    private void readJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> classes = new ArrayList<>();
            boolean bundle = false;
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                bundle |= isComponentDescription(name);
                if (!readDescriptor(name, () -> file.getInputStream(entry)) && isKontorClass(name)) {
                    classes.add(name);
                }
            }
            if (bundle) {
                classes.forEach(this::readClass);
            }
        }
    }

    private void readFolder(Path folder) throws IOException {
        Path descriptions = folder.resolve("OSGI-INF");
        if (!Files.isDirectory(descriptions)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                if (!readDescriptor(name, () -> Files.newInputStream(file)) && isKontorClass(name)) {
                    readClass(name);
                }
            }
        }
    }

    /** Reads a component description or a metatype file; false when the entry is neither. */
    private boolean readDescriptor(String name, Opener opener) throws IOException {
        boolean description = isComponentDescription(name);
        if (!description && !isMetatype(name)) {
            return false;
        }
        try (InputStream in = opener.open()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (description) {
                readComponentDescription(text);
            } else {
                readMetatype(text);
            }
        }
        return true;
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static boolean isComponentDescription(String name) {
        return name.startsWith("OSGI-INF/") && name.indexOf('/', "OSGI-INF/".length()) < 0 && name.endsWith(".xml");
    }

    private static boolean isMetatype(String name) {
        return name.startsWith("OSGI-INF/metatype/") && name.endsWith(".xml");
    }

    private void readMetatype(String text) {
        Matcher matcher = DESIGNATE_PID.matcher(text);
        while (matcher.find()) {
            describedPids.add(matcher.group(1));
        }
    }

    private static boolean isKontorClass(String name) {
        return name.startsWith("dev/kontor/") && name.endsWith(".class") && !name.endsWith("package-info.class");
    }

    private void readComponentDescription(String text) {
        Matcher matcher = CONFIGURATION_PID.matcher(text);
        while (matcher.find()) {
            // A component may read several configurations, their PIDs separated by spaces.
            componentPids.addAll(List.of(matcher.group(1).trim().split("\\s+")));
        }
    }

    private void readClass(String fileName) {
        String className = fileName.substring(0, fileName.length() - ".class".length()).replace('/', '.');
        Class<?> type;
        try {
            type = Class.forName(className, false, KontorBundles.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // A class that needs what only the OSGi runtime has; an annotation type needs nothing of that kind.
            return;
        }
        if (!type.isAnnotation()) {
            return;
        }
        try {
            Field pid = type.getField("PID");
            if (pid.getType() == String.class && Modifier.isStatic(pid.getModifiers())) {
                String value = (String) pid.get(null);
                boolean installed = !type.getPackageName().startsWith("dev.kontor.examples.");
                ConfigurationType known = types.putIfAbsent(value, new ConfigurationType(value, type, installed));
                if (known != null && known.type() != type) {
                    throw new IllegalStateException("PID " + value + " has two configuration types: " + known.type()
                            + " and " + type);
                }
            }
        } catch (NoSuchFieldException e) {
            // An annotation type without a PID is not a configuration type (e.g. a service property type).
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
