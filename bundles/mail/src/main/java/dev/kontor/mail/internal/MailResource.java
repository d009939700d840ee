package dev.kontor.mail.internal;

import dev.kontor.api.rest.KontorResource;
import dev.kontor.api.rest.Page;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.security.Caller;
import dev.kontor.api.security.RequiresPermission;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/mail}: the outbox for the operator, newest first, with sent,
 * pending, failed and kept mails (kept: no SMTP server configured).
 */
@Component(service = MailResource.class)
@KontorResource
@Path("v1/mail")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    private final MailStore store;

    @Activate
    public MailResource(@Reference Outbox outbox) {
        this.store = outbox.store();
    }

    @GET
    @RequiresPermission(MailPermissions.VIEW)
    public Page<MailItem> list(@Context SecurityContext security, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        // Mails of every organization: the permission alone must not open them to a member.
        if (!Caller.of(security).map(Caller::isOperator).orElse(false)) {
            throw new ForbiddenException("Only the operator's staff read the mail outbox.");
        }
        Page<OutboxMail> page = store.page(PageRequest.of(limit, cursor));
        return new Page<>(page.items().stream().map(MailItem::of).toList(), page.nextCursor());
    }

    /** A mail as the API shows it. */
    public record MailItem(String id, String to, String subject, String body, String state, Instant createdAt,
            int attempts, String lastError, Instant nextAttemptAt, Instant sentAt, String module, String language) {

        static MailItem of(OutboxMail mail) {
            return new MailItem(mail.id(), mail.to(), mail.subject(), mail.body(), mail.state().id(), mail.createdAt(),
                    mail.attempts(), mail.lastError(), mail.nextAttemptAt(), mail.sentAt(), mail.module(), mail.language());
        }
    }
}
