package dev.kontor.host.internal.i18n;

import dev.kontor.api.module.ModuleLayout;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;

/**
 * Labels of the panel and its modules, read from each bundle's
 * {@code i18n/messages[_<lang>].properties} (UTF-8). A key missing in the user's
 * language falls back to English, then to the key itself, so a gap shows up as a
 * visible key rather than an error.
 */
@Component(service = Translations.class)
public class Translations {

    /** Languages the panel speaks; anything else is answered in English. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de");

    private final Map<CacheKey, Properties> cache = new ConcurrentHashMap<>();
    private final BundleListener forgetGoneBundles = event -> {
        if (event.getType() == BundleEvent.UNINSTALLED || event.getType() == BundleEvent.UPDATED) {
            forget(event.getBundle());
        }
    };
    private final BundleContext context;

    @Activate
    public Translations(BundleContext context) {
        this.context = context;
        context.addBundleListener(forgetGoneBundles);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(forgetGoneBundles);
    }

    public String label(Bundle bundle, String key, Locale locale) {
        String language = languageOf(locale);
        String value = messages(bundle, language).getProperty(key);
        if (value == null && !"en".equals(language)) {
            value = messages(bundle, "en").getProperty(key);
        }
        return value != null ? value : key;
    }

    /** Every label of a bundle in a language, English filling the gaps: for module pages. */
    public Map<String, String> all(Bundle bundle, Locale locale) {
        Map<String, String> labels = new java.util.TreeMap<>();
        messages(bundle, "en").forEach((key, value) -> labels.put((String) key, (String) value));
        messages(bundle, languageOf(locale)).forEach((key, value) -> labels.put((String) key, (String) value));
        return labels;
    }

    /** The panel's language for a requested locale: one of {@link #LANGUAGES}. */
    public static String languageOf(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        return LANGUAGES.contains(language) ? language : "en";
    }

    private Properties messages(Bundle bundle, String language) {
        // The last-modified stamp is part of the key, so an updated bundle is read afresh.
        CacheKey key = new CacheKey(bundle.getBundleId(), bundle.getLastModified(), language);
        return cache.computeIfAbsent(key, k -> load(bundle, language));
    }

    private static Properties load(Bundle bundle, String language) {
        String name = "en".equals(language) ? ModuleLayout.MESSAGES + ".properties" : ModuleLayout.MESSAGES + "_" + language + ".properties";
        Properties properties = new Properties();
        URL entry = bundle.getEntry(name);
        if (entry != null) {
            try (Reader reader = new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable file leaves the keys showing; the module page makes that visible.
            }
        }
        return properties;
    }

    /** Forgets a bundle's labels when it goes or changes. */
    private void forget(Bundle bundle) {
        cache.keySet().removeIf(key -> key.bundleId() == bundle.getBundleId());
    }

    private record CacheKey(long bundleId, long lastModified, String language) {
    }
}
