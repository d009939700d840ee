package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kontor.api.mail.MailCopies;
import dev.kontor.api.rest.PageRequest;
import dev.kontor.api.storage.DatabaseKind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Copies of mails for whoever a {@link MailCopies} service names, e.g. a partner with full access (C8). */
class MailCopiesTest {

    private static final String CLIENT = "client@example.test";
    private static final String PARTNER = "partner@example.test";

    private MailFixture fixture;

    private void setUp(DatabaseKind kind) {
        fixture = new MailFixture(kind);
        fixture.outbox.addMailCopies(recipient -> recipient.equals(CLIENT) ? Set.of(PARTNER, "Partner@Example.test") : Set.of());
    }

    private List<OutboxMail> mails() {
        return fixture.store().page(PageRequest.of(null, null)).items().stream()
                .sorted(Comparator.comparing(OutboxMail::to)).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aCopyGoesToEveryNamedAddressOnceAndSaysWhomTheOriginalWasFor_C8(DatabaseKind kind) {
        setUp(kind);

        fixture.mailer.queue("Client@Example.test", "welcome", null, Map.of("name", "Cleo", "organization", "Cleo's shop"));

        List<OutboxMail> mails = mails();
        assertEquals(List.of("Client@Example.test", PARTNER), mails.stream().map(OutboxMail::to).toList());
        assertEquals(mails.get(0).subject(), mails.get(1).subject());
        assertEquals("(Copy of a mail to Client@Example.test)\n\n" + mails.get(0).body(), mails.get(1).body());
        assertEquals(MailState.PENDING, mails.get(1).state());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void otherRecipientsGetNoCopy_C8(DatabaseKind kind) {
        setUp(kind);

        fixture.mailer.queueText("someone@example.test", "Hello", "Just you");

        assertEquals(1, mails().size());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void copiesRollBackWithTheChange(DatabaseKind kind) {
        setUp(kind);

        assertThrows(IllegalStateException.class, () -> fixture.database.runInTransaction(connection -> {
            fixture.mailer.queueText(CLIENT, "Invoice", "Please pay");
            throw new IllegalStateException("the change itself failed");
        }));

        assertEquals(List.of(), mails());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFailingOrInvalidCopySourceCostsNotTheOriginal(DatabaseKind kind) {
        setUp(kind);
        fixture.outbox.addMailCopies(recipient -> {
            throw new IllegalStateException("broken module");
        });
        fixture.outbox.addMailCopies(recipient -> Set.of("not an address", recipient));

        fixture.mailer.queueText(CLIENT, "Invoice", "Please pay");

        assertEquals(List.of(CLIENT, PARTNER), mails().stream().map(OutboxMail::to).toList());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMailCarryingASecretIsNeverCopied_C8(DatabaseKind kind) {
        setUp(kind);

        fixture.mailer.queue(CLIENT, "sign-in", null, Map.of("organization", "Cleo's shop", "link", "https://panel/s/secret"));

        List<OutboxMail> mails = mails();
        assertEquals(List.of(CLIENT), mails.stream().map(OutboxMail::to).toList());
        assertEquals("Your link: https://panel/s/secret\n", mails.get(0).body(), "the header line is no part of the body");
    }
}
