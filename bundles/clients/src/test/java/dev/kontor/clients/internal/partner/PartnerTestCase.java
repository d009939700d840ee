package dev.kontor.clients.internal.partner;

import dev.kontor.api.storage.DatabaseKind;
import dev.kontor.clients.internal.client.ClientDetails;
import dev.kontor.clients.internal.partner.PartnerFixture.Partner;
import org.junit.jupiter.api.AutoClose;

/**
 * What the partner tests start from: {@link PartnerFixture} on one database with the
 * client "Shop" (owner {@code shopowner}) and, where a test asks for it, the partner
 * "Agency" (owner {@code agency}), not connected yet.
 */
abstract class PartnerTestCase {

    @AutoClose
    PartnerFixture fixture;
    ClientDetails client;
    Partner partner;

    void shop(DatabaseKind kind) {
        fixture = new PartnerFixture(kind);
        client = fixture.base.client("Shop", "shopowner");
    }

    void shopAndAgency(DatabaseKind kind) {
        shop(kind);
        partner = fixture.partner("Agency", "agency");
    }
}
