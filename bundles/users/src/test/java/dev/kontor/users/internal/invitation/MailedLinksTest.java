package dev.kontor.users.internal.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kontor.users.internal.UsersConfiguration;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

class MailedLinksTest {

    @Test
    void linksPointToTheConfiguredPanelAddressWithTheTokenInTheFragment_U9() {
        MailedLinks links = MailedLinks.of(configuration("https://panel.example.com/", 12), framework(null));

        assertEquals("https://panel.example.com/modules/users/accept.html#token=inv_abc", links.to("accept.html", "inv_abc"));
        assertEquals(Duration.ofHours(12), links.validity());
        assertEquals("12", links.hours());
    }

    @Test
    void withoutAConfiguredAddressLinksPointToThePanelsLocalPort() {
        assertEquals("http://127.0.0.1:9090", MailedLinks.of(configuration(" ", 48), framework("9090")).panelUrl());
        assertEquals("http://127.0.0.1:8080", MailedLinks.of(configuration("", 48), framework(null)).panelUrl());
        assertEquals("http://127.0.0.1:8080", MailedLinks.of(configuration("", 48), framework("http")).panelUrl());
        assertEquals("http://127.0.0.1:8080", MailedLinks.of(configuration("", 48), framework("70000")).panelUrl());
    }

    @Test
    void aValidityBelowOneHourCountsAsOneHour() {
        assertEquals(Duration.ofHours(1), MailedLinks.of(configuration("", 0), framework(null)).validity());
    }

    private static UsersConfiguration configuration(String panelUrl, int hours) {
        Map<String, Object> values = Map.of("panel_url", panelUrl, "invitation_validity_hours", hours);
        return (UsersConfiguration) Proxy.newProxyInstance(MailedLinksTest.class.getClassLoader(),
                new Class<?>[] {UsersConfiguration.class}, (self, method, args) -> values.get(method.getName()));
    }

    private static BundleContext framework(String port) {
        return (BundleContext) Proxy.newProxyInstance(MailedLinksTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (self, method, args) -> "getProperty".equals(method.getName()) && MailedLinks.HTTP_PORT_PROPERTY.equals(args[0])
                        ? port : null);
    }
}
