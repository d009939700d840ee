package dev.kontor.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The generated features repository (target/feature/feature.xml), read as Karaf reads its features. */
final class FeaturesRepository {

    /**
     * One feature of the repository.
     *
     * @param name its name
     * @param features the features it depends on, of this repository or Karaf's
     * @param bundles its own bundles as {@code groupId:artifactId:version}
     */
    record Feature(String name, List<String> features, List<String> bundles) {
    }

    private final Map<String, Feature> features;

    private FeaturesRepository(Map<String, Feature> features) {
        this.features = features;
    }

    static FeaturesRepository read(Path file) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        Map<String, Feature> features = new LinkedHashMap<>();
        NodeList elements = root.getElementsByTagName("feature");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            // <feature> elements inside a feature are its dependencies, not features of the repository.
            if (element.getParentNode() == root) {
                List<String> dependencies = new ArrayList<>();
                List<String> bundles = new ArrayList<>();
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if ("feature".equals(child.getNodeName())) {
                        dependencies.add(child.getTextContent().trim());
                    } else if ("bundle".equals(child.getNodeName())) {
                        // mvn:groupId/artifactId/version
                        bundles.add(String.join(":", child.getTextContent().trim().substring("mvn:".length()).split("/")));
                    }
                }
                String name = element.getAttribute("name");
                features.put(name, new Feature(name, List.copyOf(dependencies), List.copyOf(bundles)));
            }
        }
        return new FeaturesRepository(features);
    }

    Feature feature(String name) {
        Feature feature = features.get(name);
        if (feature == null) {
            throw new AssertionError("no feature " + name + " in the repository; it has " + features.keySet());
        }
        return feature;
    }

    Set<String> names() {
        return features.keySet();
    }

    /** The bundles a feature installs: its own and those of the features of this repository it depends on. */
    Set<String> installedBundles(String name) {
        Set<String> bundles = new LinkedHashSet<>();
        collect(name, bundles, new LinkedHashSet<>());
        return bundles;
    }

    private void collect(String name, Set<String> bundles, Set<String> seen) {
        Feature feature = features.get(name);
        // Karaf's own features (scr, spifly, eventadmin) bring no Kontor bundle.
        if (feature == null || !seen.add(name)) {
            return;
        }
        bundles.addAll(feature.bundles());
        feature.features().forEach(dependency -> collect(dependency, bundles, seen));
    }
}
