package dev.omskit.connectors.sync;

import dev.omskit.connectors.carrier.Carrier;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.time.Duration;

/**
 * One carrier account of one tenant: shipments whose carrier is {@code carrier.id()} are booked there,
 * their tracking is applied, and its COD remittances are recorded.
 *
 * @param tenant the tenant
 * @param carrier the connector
 * @param account the provider account (the rate limiter's scope)
 * @param trackEvery how often tracking of an open shipment is pulled, when the carrier can be polled
 */
public record CarrierBinding(TenantId tenant, Carrier carrier, String account, Duration trackEvery) {
    public CarrierBinding {
        Checks.notNull("tenant", tenant);
        Checks.notNull("carrier", carrier);
        Checks.id("account", account);
        Checks.notNull("trackEvery", trackEvery);
        if (trackEvery.isNegative() || trackEvery.isZero()) {
            throw InvalidArgumentException.of(
                    "trackEvery", "NOT_POSITIVE", "the tracking interval must be positive; was " + trackEvery);
        }
    }

    /** The carrier's single account, tracked every 15 minutes. */
    public static CarrierBinding of(TenantId tenant, Carrier carrier) {
        return new CarrierBinding(tenant, carrier, "default", Duration.ofMinutes(15));
    }

    /** The connector's id, which is also the carrier code shipments name. */
    public String connectorId() {
        return carrier.id();
    }
}
