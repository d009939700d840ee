package dev.kontor.subscriptions.internal.provisioning;

import dev.kontor.api.subscriptions.Provisioner;
import dev.kontor.api.subscriptions.Provisioning;
import java.io.IOException;

/** A provisioner standing in for a third party's: it records what it is told, and fails while told to. */
final class RecordingProvisioner implements Provisioner {

    private final Deliveries deliveries;
    private volatile String failure;

    RecordingProvisioner(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Makes every call fail with this message from now on; null to succeed again. */
    void failWith(String message) {
        failure = message;
    }

    @Override
    public void apply(Provisioning provisioning) throws IOException {
        deliveries.began(provisioning);
        try {
            String message = failure;
            if (message != null) {
                throw new IOException(message);
            }
            deliveries.applied(provisioning);
        } finally {
            deliveries.ended(provisioning);
        }
    }
}
