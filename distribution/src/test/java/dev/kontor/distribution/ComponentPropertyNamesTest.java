package dev.kontor.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Property names and values as Declarative Services reads them from a configuration type. */
class ComponentPropertyNamesTest {

    @interface Escapes {
        int session_idle_minutes() default 30;

        String smtp$_$host() default "";

        String dollar$$sign() default "";

        String dropped$Dollar() default "";

        String under__score() default "";
    }

    @interface Prefixed {
        String PREFIX_ = "kontor.";

        boolean enabled() default true;
    }

    @interface MaxPoolSize {
        int value() default 10;
    }

    @Test
    void elementNamesBecomePropertyNamesTheWayDeclarativeServicesWritesThem() {
        assertEquals(Set.of("session.idle.minutes", "smtp-host", "dollar$sign", "droppedDollar", "under_score"),
                new ConfigurationType("escapes", Escapes.class, true).properties().keySet());
    }

    @Test
    void prefixConstantComesBeforeEveryName() {
        assertEquals(Set.of("kontor.enabled"), new ConfigurationType("prefixed", Prefixed.class, true).properties()
                .keySet());
    }

    @Test
    void singleValueElementIsNamedAfterItsType() {
        assertEquals(Set.of("max.pool.size"), new ConfigurationType("pool", MaxPoolSize.class, true).properties()
                .keySet());
    }

    @Test
    void valuesAreReadStrictlyAsTheElementType() {
        assertEquals(30, ConfigurationType.parse(int.class, "30"));
        assertEquals(2000L, ConfigurationType.parse(long.class, "2000"));
        assertEquals(true, ConfigurationType.parse(boolean.class, "true"));
        assertEquals("Kontor <kontor@localhost>", ConfigurationType.parse(String.class, "Kontor <kontor@localhost>"));
        // Each of these reads differently from what was meant, or fails only once the panel runs.
        for (Map.Entry<Class<?>, String> typo : Map.<Class<?>, String>of(int.class, "30 ", long.class, "2s",
                boolean.class, "yes").entrySet()) {
            assertThrows(IllegalArgumentException.class, () -> ConfigurationType.parse(typo.getKey(), typo.getValue()),
                    typo.toString());
        }
    }
}
