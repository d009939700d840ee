package dev.kontor.clients.internal.partner;

import java.time.Duration;

/**
 * Where the mails of partner access point, and how long a request waits.
 *
 * @param panelUrl the panel's address as users reach it, without a trailing slash
 * @param requestValidity how long a request can be answered
 */
public record PanelLinks(String panelUrl, Duration requestValidity) {

    /** The framework property Felix HTTP listens on, when no panel address is configured. */
    static final String HTTP_PORT_PROPERTY = "org.osgi.service.http.port";
    static final int DEFAULT_PORT = 8080;
    /** Menu item of the client's side: pending requests and grants. */
    static final String CLIENT_PAGE = PartnerAccessMenuItem.ID;
    /** Menu item of the partner's side: its clients and requests. */
    static final String PARTNER_PAGE = PartnerClientsMenuItem.ID;

    public PanelLinks {
        panelUrl = panelUrl.strip().replaceAll("/+$", "");
        if (requestValidity.isNegative() || requestValidity.isZero()) {
            throw new IllegalArgumentException("A request must be valid for some time");
        }
    }

    static PanelLinks of(PartnerSettings settings, String httpPort) {
        String configured = settings.panel_url() == null ? "" : settings.panel_url().strip();
        String panelUrl = configured.isEmpty() ? "http://127.0.0.1:" + port(httpPort) : configured;
        return new PanelLinks(panelUrl, Duration.ofDays(Math.max(1, settings.request_validity_days())));
    }

    static int port(String property) {
        try {
            int port = property == null ? DEFAULT_PORT : Integer.parseInt(property.strip());
            return port > 0 && port < 65536 ? port : DEFAULT_PORT;
        } catch (NumberFormatException e) {
            return DEFAULT_PORT;
        }
    }

    /** The shell opening a menu item's page, e.g. the client's side of partner access. */
    String to(String menuItem) {
        return panelUrl + "/#/" + menuItem;
    }
}
