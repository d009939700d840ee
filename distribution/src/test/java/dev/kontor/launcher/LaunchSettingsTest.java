package dev.kontor.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    private static final Path HOME = Paths.get("/opt/kontor");

    @Test
    void defaultsServeLoopbackPort8080WithDataUnderHome() {
        LaunchSettings settings = LaunchSettings.from(new String[0], Map.of(), HOME);
        assertEquals(8080, settings.port());
        assertEquals("127.0.0.1", settings.host());
        assertEquals(HOME.resolve("data").toAbsolutePath(), settings.data());
    }

    @Test
    void commandLinePortWinsOverEnvironment() {
        LaunchSettings settings = LaunchSettings.from(new String[] {"--port", "9090"}, Map.of("KONTOR_HTTP_PORT", "9191"), HOME);
        assertEquals(9090, settings.port());
        assertEquals(9191, LaunchSettings.from(new String[0], Map.of("KONTOR_HTTP_PORT", "9191"), HOME).port());
    }

    @Test
    void dataFolderComesFromEnvironment() {
        LaunchSettings settings = LaunchSettings.from(new String[0], Map.of("KONTOR_DATA", "/var/lib/kontor"), HOME);
        assertEquals(Paths.get("/var/lib/kontor"), settings.data());
        assertEquals("/var/lib/kontor", settings.frameworkProperties().get("kontor.data"));
    }

    @Test
    void badPortOrUnknownOptionIsAClearError() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> LaunchSettings.from(new String[] {"--port", "http"}, Map.of(), HOME));
        assertTrue(notANumber.getMessage().contains("number"));
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.from(new String[] {"--port", "70000"}, Map.of(), HOME));
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.from(new String[] {"--port"}, Map.of(), HOME));
        assertThrows(IllegalArgumentException.class, () -> LaunchSettings.from(new String[] {"--verbose"}, Map.of(), HOME));
    }

    @Test
    void deployFolderIsWatchedThroughEtcAndTheCacheIsFreshOnEveryStart() {
        Map<String, String> properties = LaunchSettings.from(new String[0], Map.of(), HOME).frameworkProperties();
        assertEquals(HOME.resolve("etc").toString(), properties.get("felix.fileinstall.dir"));
        assertEquals("onFirstInit", properties.get("org.osgi.framework.storage.clean"));
        assertEquals("8080", properties.get("org.osgi.service.http.port"));
    }
}
