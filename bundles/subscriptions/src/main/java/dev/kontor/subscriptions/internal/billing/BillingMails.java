package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.clients.Client;
import dev.kontor.api.clients.ClientContact;
import dev.kontor.api.clients.ClientDirectory;
import dev.kontor.api.mail.Mailer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The billing mails to a client (S4, S5): the run's notices and the renewal invoices,
 * to the client's contact address in the client's language (C1, C5: what the client
 * gave, not whoever is a member of its organization). A partner with a copy of the
 * client's mails (C8) gets its copy from the mail module. Queued in the caller's
 * transaction, so a step's mails go out exactly when the step commits.
 */
@Component(service = BillingMails.class)
public class BillingMails {

    /** The mail of a renewal invoice the run made (S5). */
    static final String RENEWAL_INVOICE = "renewal-invoice";

    private final Mailer mailer;
    private final ClientDirectory clients;

    @Activate
    public BillingMails(@Reference Mailer mailer, @Reference ClientDirectory clients) {
        this.mailer = mailer;
        this.clients = clients;
    }

    /**
     * Queues the template about the invoice to the client's contact address.
     *
     * @param plan the subscription's plan, named in the mail
     * @param date the day the mail announces (the suspension, the termination, the new expiry)
     * @return whether a mail was queued: not when the client has gone meanwhile
     */
    public boolean send(Client client, Invoice invoice, String plan, String template, LocalDate date) {
        Optional<ClientContact> contact = clients.contact(client.id());
        if (contact.isEmpty()) {
            return false;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("client", client.name());
        values.put("plan", plan);
        values.put("invoice", invoice.number());
        values.put("amount", invoice.amount().amount() + " " + invoice.amount().currency());
        values.put("due", invoice.dueOn().toString());
        values.put("date", date.toString());
        mailer.queue(contact.get().email(), template, contact.get().language(), values);
        return true;
    }
}
