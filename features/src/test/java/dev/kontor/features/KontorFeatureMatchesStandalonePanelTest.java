package dev.kontor.features;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The panel's features together (kontor and its modules' features) must install what the standalone panel installs
 * (distribution/pom.xml, runtime scope), except what Karaf already has or brings through its own features;
 * otherwise a bundle added to the panel is easily forgotten here.
 */
class KontorFeatureMatchesStandalonePanelTest {

    /** What the standalone panel runs, as features: the host panel and the modules it ships in bundles/. */
    static final List<String> PANEL_FEATURES = List.of("kontor", "kontor-users", "kontor-clients", "kontor-subscriptions");

    /** In Karaf these come from its startup bundles, pax-logging, or the features scr, spifly and eventadmin. */
    private static final Set<String> TAKEN_FROM_KARAF = Set.of(
            "org.slf4j:slf4j-api",
            "org.slf4j:slf4j-simple",
            "org.apache.felix:org.apache.felix.scr",
            "org.osgi:org.osgi.service.component",
            "org.osgi:org.osgi.util.promise",
            "org.osgi:org.osgi.util.function",
            "org.apache.felix:org.apache.felix.configadmin",
            "org.apache.felix:org.apache.felix.metatype",
            "org.apache.felix:org.apache.felix.fileinstall",
            "org.apache.felix:org.apache.felix.eventadmin",
            "org.apache.felix:org.apache.felix.log",
            "org.apache.aries.spifly:org.apache.aries.spifly.dynamic.framework.extension",
            "org.ow2.asm:asm");

    /** Felix exports this package from the system bundle, Karaf 4.4 does not. */
    private static final Set<String> ONLY_IN_KARAF = Set.of("org.osgi:org.osgi.service.condition");

    @Test
    void panelFeaturesInstallThePanelBundlesThatKarafDoesNotProvide() throws Exception {
        Set<String> expected = new TreeSet<>(panelBundles(BuildProperties.path("kontor.distribution.pom")));
        expected.removeAll(TAKEN_FROM_KARAF);
        expected.addAll(ONLY_IN_KARAF);

        FeaturesRepository repository = FeaturesRepository.read(BuildProperties.path("kontor.features.file"));
        Set<String> actual = new TreeSet<>();
        PANEL_FEATURES.forEach(name -> repository.feature(name).bundles().forEach(bundle -> actual.add(artifact(bundle))));

        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertAll(
                () -> assertEquals(Set.of(), missing, "in the standalone panel, missing from features " + PANEL_FEATURES),
                () -> assertEquals(Set.of(), extra, "in features " + PANEL_FEATURES + ", not in the standalone panel"));
    }

    /** A bundle that two features list would be pulled in by either, and the split between them would blur. */
    @Test
    void everyBundleBelongsToOneFeature() throws Exception {
        FeaturesRepository repository = FeaturesRepository.read(BuildProperties.path("kontor.features.file"));
        Map<String, String> owner = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (String name : repository.names()) {
            for (String bundle : repository.feature(name).bundles()) {
                String first = owner.putIfAbsent(artifact(bundle), name);
                if (first != null) {
                    twice.add(artifact(bundle) + " in " + first + " and " + name);
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    /** groupId:artifactId of groupId:artifactId:version. */
    private static String artifact(String bundle) {
        return bundle.substring(0, bundle.lastIndexOf(':'));
    }

    private static Set<String> panelBundles(Path pom) throws Exception {
        Set<String> bundles = new TreeSet<>();
        NodeList dependencies = parse(pom).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if ("runtime".equals(child(dependency, "scope"))) {
                bundles.add(child(dependency, "groupId") + ":" + child(dependency, "artifactId"));
            }
        }
        return bundles;
    }

    private static Element parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    }

    private static String child(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().trim();
    }
}
