package dev.kontor.subscriptions.internal.billing;

import dev.kontor.api.clients.Client;
import dev.kontor.api.mail.Mailer;
import dev.kontor.api.users.Accounts;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The billing mails to a client (S4, S5): the run's notices and the renewal invoices.
 * They go to every member address of the client's organization: the client directory
 * tells no contact address of a client, and the members are who act for it (a partner
 * with a copy of the client's mails, C8, gets its copy from the mail module). Queued in
 * the caller's transaction, so a step's mails go out exactly when the step commits.
 */
@Component(service = BillingMails.class)
public class BillingMails {

    /** The mail of a renewal invoice the run made (S5). */
    static final String RENEWAL_INVOICE = "renewal-invoice";

    private final Mailer mailer;
    private final Accounts accounts;

    @Activate
    public BillingMails(@Reference Mailer mailer, @Reference Accounts accounts) {
        this.mailer = mailer;
        this.accounts = accounts;
    }

    /**
     * Queues the template about the invoice to the client's members.
     *
     * @param plan the subscription's plan, named in the mail
     * @param date the day the mail announces (the suspension, the termination, the new expiry)
     * @return how many mails were queued; 0 when the client has no member with an address
     */
    public int send(Client client, Invoice invoice, String plan, String template, LocalDate date, Locale language) {
        Set<String> addresses = accounts.memberAddresses(client.organizationId());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("client", client.name());
        values.put("plan", plan);
        values.put("invoice", invoice.id());
        values.put("amount", invoice.amount().amount() + " " + invoice.amount().currency());
        values.put("due", invoice.dueOn().toString());
        values.put("date", date.toString());
        for (String address : addresses) {
            mailer.queue(address, template, language, values);
        }
        return addresses.size();
    }
}
