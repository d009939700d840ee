package dev.kontor.examples.provisioner.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kontor.api.subscriptions.Provisioning;
import dev.kontor.api.subscriptions.SubscribedService;
import dev.kontor.api.subscriptions.Subscription;
import dev.kontor.api.subscriptions.SubscriptionState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example provisioner's site table: serve and stop per subscription, idempotent per revision, replaced atomically (S3). */
class SiteTableTest {

    @TempDir
    Path folder;

    @Test
    void anActiveSubscriptionIsServedAndASuspendedOneStopped_S3() throws IOException {
        Path file = folder.resolve("conf/webserver.conf");
        SiteTable table = new SiteTable(file);

        assertTrue(table.apply(provisioning("sub_b", SubscriptionState.ACTIVE, 0, "domain example.com", "website www.example.com")));
        assertTrue(table.apply(provisioning("sub_a", SubscriptionState.SUSPENDED, 1, "mailbox info@shop.example")));

        assertEquals(List.of("sub_a 1 stop mailbox:info@shop.example", "sub_b 0 serve domain:example.com website:www.example.com"),
                sites(file));
    }

    @Test
    void theSameRevisionTwiceOrAnOlderOneChangesNothing_S3() throws IOException {
        Path file = folder.resolve("webserver.conf");
        SiteTable table = new SiteTable(file);
        table.apply(provisioning("sub_a", SubscriptionState.SUSPENDED, 2, "domain example.com"));
        String written = Files.readString(file);

        assertFalse(table.apply(provisioning("sub_a", SubscriptionState.SUSPENDED, 2, "domain example.com")));
        assertFalse(table.apply(provisioning("sub_a", SubscriptionState.ACTIVE, 1, "domain example.com")),
                "a late delivery of an older state does not undo the newer one");
        assertEquals(written, Files.readString(file));

        assertTrue(table.apply(provisioning("sub_a", SubscriptionState.TERMINATED, 3, "domain example.com")));
        assertEquals(List.of("sub_a 3 stop domain:example.com"), sites(file));
    }

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileStays_S3() throws IOException {
        Path file = folder.resolve("webserver.conf");
        SiteTable table = new SiteTable(file);
        for (int revision = 0; revision < 5; revision++) {
            table.apply(provisioning("sub_a", revision % 2 == 0 ? SubscriptionState.ACTIVE : SubscriptionState.SUSPENDED,
                    revision, "domain example.com"));
        }

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals(List.of("sub_a 4 serve domain:example.com"), sites(file));
    }

    @Test
    void aNameTheFileCannotHoldIsRefusedAndTheTableStaysAsItWas_S3() throws IOException {
        Path file = folder.resolve("webserver.conf");
        SiteTable table = new SiteTable(file);
        table.apply(provisioning("sub_a", SubscriptionState.ACTIVE, 0, "domain example.com"));

        assertThrows(IllegalArgumentException.class, () -> table.apply(new Provisioning(subscription("sub_b",
                SubscriptionState.ACTIVE, List.of(new SubscribedService("domain", "evil.example\nsub_a 99 serve"))), 0)));

        assertEquals(List.of("sub_a 0 serve domain:example.com"), sites(file));
    }

    @Test
    void theTableGoesIntoTheDataFolderUnlessConfigured() {
        assertEquals(Paths.get("/var/lib/kontor/provisioner/webserver.conf"),
                WebServerProvisioner.outputFile("", "/var/lib/kontor"));
        assertEquals(Paths.get("/etc/web/sites.conf"), WebServerProvisioner.outputFile(" /etc/web/sites.conf ", "/var/lib/kontor"));
        assertEquals(Paths.get("data/provisioner/webserver.conf").toAbsolutePath(), WebServerProvisioner.outputFile(null, null));
    }

    private static Provisioning provisioning(String id, SubscriptionState state, long revision, String... services) {
        return new Provisioning(subscription(id, state, Stream.of(services).map(line -> line.split(" ", 2))
                .map(parts -> new SubscribedService(parts[0], parts[1])).toList()), revision);
    }

    private static Subscription subscription(String id, SubscriptionState state, List<SubscribedService> services) {
        return new Subscription(id, "cl_1", "Basic", state, LocalDate.of(2030, 1, 31), false, services);
    }

    /** The site lines of the file, without its comments. */
    private static List<String> sites(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.startsWith("#")).toList();
    }
}
