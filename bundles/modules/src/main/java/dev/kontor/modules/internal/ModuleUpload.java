package dev.kontor.modules.internal;

import dev.kontor.api.module.ModuleLayout;
import dev.kontor.api.rest.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** An uploaded module jar: what its manifest says, and handing it to the deploy folder. */
record ModuleUpload(String symbolicName, String moduleId, String version, byte[] jar) {

    /** Reads the jar's manifest; a 400 naming {@code file} when it is not a Kontor module bundle. */
    static ModuleUpload of(byte[] jar) {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            manifest = in.getManifest();
        } catch (IOException e) {
            throw new ValidationException("file", "not a jar file");
        }
        if (manifest == null) {
            throw new ValidationException("file", "the jar has no manifest");
        }
        Attributes main = manifest.getMainAttributes();
        String symbolicName = Optional.ofNullable(main.getValue("Bundle-SymbolicName")).map(name -> name.split(";")[0].trim())
                .filter(name -> !name.isEmpty())
                .orElseThrow(() -> new ValidationException("file", "not an OSGi bundle: no Bundle-SymbolicName"));
        String moduleId = Optional.ofNullable(main.getValue(ModuleLayout.HEADER)).map(String::trim).filter(id -> !id.isEmpty())
                .orElseThrow(() -> new ValidationException("file", "not a Kontor module: no " + ModuleLayout.HEADER + " header"));
        String version = Optional.ofNullable(main.getValue("Bundle-Version")).map(String::trim).orElse("0.0.0");
        return new ModuleUpload(symbolicName, moduleId, version, jar);
    }

    /**
     * Puts the jar into the watched deploy folder, over the jar of the installed bundle
     * of the same symbolic name when that came from there: the folder's watcher installs
     * or updates it, and the module survives a restart like any deployed one.
     *
     * @return the file written
     */
    Path deployTo(BundleContext context, Path folder) throws IOException {
        Path target = Arrays.stream(context.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .map(bundle -> deployedJar(bundle, folder)).flatMap(Optional::stream).findFirst()
                .orElse(folder.resolve(symbolicName + ".jar"));
        // Written beside, then moved: the watcher must never see half a jar.
        Path partial = Files.createTempFile("kontor-upload-", ".jar");
        try {
            Files.write(partial, jar);
            Files.createDirectories(folder);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    private static Optional<Path> deployedJar(Bundle bundle, Path folder) {
        String location = bundle.getLocation();
        if (location == null || !location.startsWith("file:")) {
            return Optional.empty();
        }
        Path jar = Path.of(URI.create(location)).toAbsolutePath().normalize();
        return folder.toAbsolutePath().normalize().equals(jar.getParent()) ? Optional.of(jar) : Optional.empty();
    }
}
