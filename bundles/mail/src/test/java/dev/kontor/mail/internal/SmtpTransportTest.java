package dev.kontor.mail.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

    @Test
    void onlyPermanentRefusalsAreFinal() throws Exception {
        InternetAddress anna = new InternetAddress("anna@example.test");
        assertTrue(SmtpTransport.refusedForGood(refusal(new SMTPAddressFailedException(anna, "RCPT TO", 550, "5.1.1 no such user"))));
        assertFalse(SmtpTransport.refusedForGood(refusal(new SMTPAddressFailedException(anna, "RCPT TO", 451, "4.3.0 try later"))));
        assertFalse(SmtpTransport.refusedForGood(new SendFailedException("connection lost")));
    }

    @Test
    void invalidSenderAddressIsRefusedAtStart() {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", 25, "", "", "not an address", false,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> new SmtpTransport(settings));
    }

    @Test
    void defaultSenderAddressIsAccepted() throws Exception {
        String from = (String) MailConfiguration.class.getMethod("from").getDefaultValue();
        new SmtpTransport(new SmtpSettings("127.0.0.1", 25, "", "", from, true, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void passwordNeverShowsInTheSettingsText() {
        SmtpSettings settings = new SmtpSettings("smtp.example.test", 587, "kontor", "s3cret-pw", "kontor@example.test", true,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertFalse(settings.toString().contains("s3cret-pw"), settings.toString());
    }

    private static SendFailedException refusal(SMTPAddressFailedException answer) {
        return new SendFailedException("Invalid Addresses", answer, new Address[0], new Address[0],
                new Address[] {answer.getAddress()});
    }
}
