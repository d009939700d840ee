package dev.kontor.features;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Feature "kontor" must install what the standalone panel installs (distribution/pom.xml, runtime scope), except
 * what Karaf already has or brings through its own features; otherwise a bundle added to the panel is easily
 * forgotten here.
 */
class KontorFeatureMatchesStandalonePanelTest {

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
    void kontorFeatureInstallsThePanelBundlesThatKarafDoesNotProvide() throws Exception {
        Set<String> expected = new TreeSet<>(panelBundles(BuildProperties.path("kontor.distribution.pom")));
        expected.removeAll(TAKEN_FROM_KARAF);
        expected.addAll(ONLY_IN_KARAF);

        Set<String> actual = featureBundles(BuildProperties.path("kontor.features.file"), "kontor");

        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertAll(
                () -> assertEquals(Set.of(), missing, "in the standalone panel, missing from feature kontor"),
                () -> assertEquals(Set.of(), extra, "in feature kontor, not in the standalone panel"));
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

    private static Set<String> featureBundles(Path featuresXml, String feature) throws Exception {
        Set<String> bundles = new TreeSet<>();
        NodeList features = parse(featuresXml).getElementsByTagName("feature");
        for (int i = 0; i < features.getLength(); i++) {
            Element element = (Element) features.item(i);
            if (feature.equals(element.getAttribute("name"))) {
                NodeList urls = element.getElementsByTagName("bundle");
                for (int j = 0; j < urls.getLength(); j++) {
                    // mvn:groupId/artifactId/version
                    String[] coordinates = urls.item(j).getTextContent().trim().substring("mvn:".length()).split("/");
                    bundles.add(coordinates[0] + ":" + coordinates[1]);
                }
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
