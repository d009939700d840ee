package dev.kontor.clients.internal.partner;

import dev.kontor.api.mail.Mailer;
import dev.kontor.api.rest.ValidationException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails of partner access, each queued in the transaction of the change it tells
 * about, in the recipient's language: the client's for the client, the requesting
 * login's for the partner. The links open the panel's page of the side that reads them;
 * no link carries a token: the reader logs in and finds the request there.
 */
@Designate(ocd = PartnerSettings.class)
@Component(service = PartnerMails.class, configurationPid = PartnerSettings.PID)
public class PartnerMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String WORDS = "i18n.messages";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerMails.class);

    private final Mailer mailer;
    private final PanelLinks links;

    @Activate
    public PartnerMails(@Reference Mailer mailer, PartnerSettings settings, BundleContext context) {
        this(mailer, PanelLinks.of(settings, context.getProperty(PanelLinks.HTTP_PORT_PROPERTY)));
    }

    public PartnerMails(Mailer mailer, PanelLinks links) {
        this.mailer = mailer;
        this.links = links;
    }

    PanelLinks links() {
        return links;
    }

    /**
     * To the client's address the partner gave: who asks for what, and where to answer (C7).
     *
     * @throws ValidationException naming {@code email} when the mail bundle refuses the address
     */
    void requested(AccessRequest request, ClientFacts client) {
        Locale language = client.locale();
        try {
            mailer.queue(request.email(), "partner-access-request", language, Map.of("partner", request.partnerName(),
                    "scope", word(language, "mail.scope." + request.scope()), "sender", request.senderEmail(),
                    "message", request.message() == null ? word(language, "mail.no_message") : request.message(),
                    "expires", DAY.format(request.expiresAt()), "link", links.to(PanelLinks.CLIENT_PAGE)));
        } catch (IllegalArgumentException refused) {
            throw new ValidationException("email", "this address cannot receive mail from the panel");
        }
    }

    /** To the partner: the client accepted, with which scope. */
    void accepted(AccessRequest request, ClientFacts client, List<String> products) {
        Locale language = request.partnerLocale();
        String scope = word(language, "mail.granted." + request.scope())
                + (products.isEmpty() ? "" : " (" + String.join(", ", products) + ")");
        notice(request.senderEmail(), "partner-access-accepted", language, Map.of("client", client.name(),
                "scope", scope, "link", links.to(PanelLinks.PARTNER_PAGE)));
    }

    /** To the partner: the client declined; named by the address the partner asked, nothing more of it. */
    void declined(AccessRequest request) {
        notice(request.senderEmail(), "partner-access-declined", request.partnerLocale(), Map.of("email",
                request.email(), "client_id", request.clientId(), "link", links.to(PanelLinks.PARTNER_PAGE)));
    }

    /** To the partner: the client revoked its access. */
    void revoked(PartnerGrantRow grant, ClientFacts client) {
        notice(grant.copyAddress(), "partner-access-revoked", Locale.forLanguageTag(grant.partnerLanguage()),
                Map.of("client", client.name(), "link", links.to(PanelLinks.PARTNER_PAGE)));
    }

    /** To the client's contact address: the partner ended the relationship. */
    void disconnected(String partnerName, ClientFacts client) {
        notice(client.email(), "partner-access-disconnected", client.locale(), Map.of("partner", partnerName,
                "link", links.to(PanelLinks.CLIENT_PAGE)));
    }

    /**
     * Queues a mail that tells of a change already decided: an address the mail bundle
     * refuses (stricter than what was accepted as an address before) must not undo the
     * change, which both sides also see in the panel.
     */
    private void notice(String to, String template, Locale language, Map<String, String> values) {
        try {
            mailer.queue(to, template, language, values);
        } catch (IllegalArgumentException refused) {
            LOG.warn("Mail {} not queued: the mail bundle refused its address", template);
        }
    }

    /** A word of the module's translations; English when the language has none. */
    private static String word(Locale language, String key) {
        ResourceBundle words = ResourceBundle.getBundle(WORDS, "de".equals(language.getLanguage()) ? Locale.GERMAN
                : Locale.ROOT, PartnerMails.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        return words.getString(key);
    }
}
