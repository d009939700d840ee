package dev.kontor.subscriptions.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.rest.ValidationException;
import dev.kontor.api.subscriptions.SubscribedService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values of a subscription (S1): prices in the currency's minor units, services by kind. */
class PriceAndServicesTest {

    @Test
    void aPriceKeepsTheCurrencysDecimalsAndFitsItsMinorUnits_S1() {
        assertEquals(new Price("12.50", "EUR"), Price.valid(new Price("12.5", "EUR")));
        assertEquals(1250, Price.valid(new Price("12.5", "EUR")).minorUnits());
        assertEquals(new Price("1500", "JPY"), Price.valid(new Price("1500", "JPY")));
        assertEquals(new Price("1.250", "KWD"), Price.valid(new Price("1.25", "KWD")));
        assertEquals(999_999_999_999_999L, Price.valid(new Price("9999999999999.99", "EUR")).minorUnits());
        assertField("price.amount", new Price("99999999999999", "EUR"));
        assertField("price.amount", new Price("1.5", "JPY"));
        assertField("price.amount", new Price("-1", "EUR"));
        assertField("price.amount", new Price("1e3", "EUR"));
        assertField("price.amount", new Price("9999999999999999", "EUR"));
        assertField("price.currency", new Price("1", "ABC"));
        assertField("price.currency", new Price("1", "XAU"));
        assertField("price.currency", new Price("1", null));
    }

    @Test
    void servicesAreHostNamesOrMailboxesOnceEach_S1() {
        assertEquals(List.of(new SubscribedService("domain", "example.com"), new SubscribedService("website", "xn--mnchen-3ya.de"),
                new SubscribedService("mailbox", "First.Last+tag@example.com")),
                ServiceNames.valid(List.of(new SubscribedService(" domain ", "EXAMPLE.com."),
                        new SubscribedService("website", "münchen.de"),
                        new SubscribedService("mailbox", "First.Last+tag@Example.COM"))));
        for (String bad : new String[] {"example", "-a.com", "a-.com", "a..com", "a.123", "a_b.com", "a b.com",
            "x".repeat(64) + ".com", ""}) {
            ValidationException invalid = assertThrows(ValidationException.class,
                    () -> ServiceNames.valid(List.of(new SubscribedService("domain", bad))), bad);
            assertEquals("services[0].name", invalid.errors().get(0).field(), bad);
        }
        for (String bad : new String[] {"@example.com", "a@b", "a..b@example.com", ".a@example.com", "a@", "x".repeat(65) + "@a.com"}) {
            ValidationException invalid = assertThrows(ValidationException.class,
                    () -> ServiceNames.valid(List.of(new SubscribedService("mailbox", bad))), bad);
            assertEquals("services[0].name", invalid.errors().get(0).field(), bad);
        }
        assertEquals("services[1].name", assertThrows(ValidationException.class, () -> ServiceNames.valid(List.of(
                new SubscribedService("mailbox", "Info@example.com"), new SubscribedService("mailbox", "info@EXAMPLE.com"))))
                .errors().get(0).field());
        assertEquals("services[0]", assertThrows(ValidationException.class, () -> ServiceNames.valid(
                java.util.Arrays.asList((SubscribedService) null))).errors().get(0).field());
    }

    private static void assertField(String field, Price price) {
        ValidationException invalid = assertThrows(ValidationException.class, () -> Price.valid(price), price.toString());
        assertEquals(field, invalid.errors().get(0).field(), price.toString());
    }
}
