package dev.kontor.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.osgi.framework.Constants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The bundles of the standalone panel, found on the test class path. The distribution's
 * runtime dependencies are exactly what it copies into {@code bundles/}; they reach the
 * author's tests as the kit's transitive dependencies, and the distribution's pom inside
 * its jar names them. So the kit runs the same set as the distribution without keeping a
 * list of its own.
 */
final class PanelBundles {

    private static final String DISTRIBUTION_POM = "META-INF/maven/dev.kontor/kontor-distribution/pom.xml";

    private PanelBundles() {
    }

    /** One bundle jar with its symbolic name and whether it is a fragment (never started). */
    record PanelBundle(Path jar, String symbolicName, boolean fragment) {
    }

    /** The panel's bundles in the launcher's start order: SPI Fly's extension, slf4j's API, its provider, then by file name. */
    static List<PanelBundle> onClassPath() {
        ClassLoader loader = PanelBundles.class.getClassLoader();
        Map<String, PanelBundle> byArtifact = new LinkedHashMap<>();
        List<String> wanted = runtimeArtifacts(loader);
        for (Path jar : classPathJars(loader)) {
            String file = jar.getFileName().toString();
            for (String artifactId : wanted) {
                if (isJarOf(file, artifactId) && !byArtifact.containsKey(artifactId)) {
                    bundleIn(jar).ifPresent(bundle -> byArtifact.put(artifactId, bundle));
                }
            }
        }
        List<String> missing = wanted.stream().filter(artifactId -> !byArtifact.containsKey(artifactId)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The panel's bundles " + missing + " are not on the test class path; add "
                    + "dev.kontor:kontor-conformance as a test dependency so that Maven brings them");
        }
        List<PanelBundle> bundles = new ArrayList<>(byArtifact.values());
        bundles.sort(Comparator.comparingInt((PanelBundle bundle) -> startRank(bundle.jar()))
                .thenComparing(bundle -> bundle.jar().getFileName().toString()));
        return bundles;
    }

    /** A jar's file name is {@code <artifactId>-<version>[-classifier].jar} in the local repository and in a reactor. */
    private static boolean isJarOf(String file, String artifactId) {
        return file.startsWith(artifactId + "-") && file.length() > artifactId.length() + 1
                && Character.isDigit(file.charAt(artifactId.length() + 1));
    }

    private static int startRank(Path jar) {
        String name = jar.getFileName().toString();
        if (name.startsWith("org.apache.aries.spifly")) {
            return 0; // a framework extension: there before anything uses ServiceLoader
        }
        return name.startsWith("slf4j-api") ? 1 : name.startsWith("slf4j-") ? 2 : 3;
    }

    /** The artifactIds of the distribution's runtime-scoped dependencies. */
    private static List<String> runtimeArtifacts(ClassLoader loader) {
        URL pom = loader.getResource(DISTRIBUTION_POM);
        if (pom == null) {
            throw new IllegalStateException("dev.kontor:kontor-distribution is not on the test class path");
        }
        try (InputStream in = pom.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList dependencies = factory.newDocumentBuilder().parse(in).getElementsByTagName("dependency");
            List<String> artifacts = new ArrayList<>();
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                if ("runtime".equals(child(dependency, "scope"))) {
                    artifacts.add(child(dependency, "artifactId"));
                }
            }
            return artifacts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    private static String child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (name.equals(node.getNodeName())) {
                return node.getTextContent().trim();
            }
        }
        return null;
    }

    /** Every jar the class loader sees, through the manifests they carry (surefire's manifest-only jar included). */
    private static List<Path> classPathJars(ClassLoader loader) {
        List<Path> jars = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources(JarFile.MANIFEST_NAME);
            while (manifests.hasMoreElements()) {
                String url = manifests.nextElement().toString();
                if (url.startsWith("jar:file:")) {
                    jars.add(Paths.get(new URL(url.substring(4, url.indexOf("!/"))).toURI()));
                }
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Optional<PanelBundle> bundleIn(Path jar) {
        Manifest manifest = manifest(jar);
        Attributes main = manifest == null ? null : manifest.getMainAttributes();
        String name = main == null ? null : main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null) {
            return java.util.Optional.empty(); // a test-jar beside the bundle of the same artifact
        }
        return java.util.Optional.of(new PanelBundle(jar, name.split(";")[0].trim(), main.getValue(Constants.FRAGMENT_HOST) != null));
    }

    /** The manifest of a jar, or null without one. */
    static Manifest manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }
}
