package dev.omskit.connectors.carrier;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Money;
import dev.omskit.core.support.Checks;
import java.util.Optional;

/**
 * A shipment booked at a carrier: what the core's {@code LabelShipment} records ({@code trackingNumber},
 * {@code label}) and what the carrier charges.
 *
 * @param shipmentId our shipment id it was booked for
 * @param trackingNumber the carrier's tracking number, unique at the carrier
 * @param label where the label is (a URL or the carrier's label reference), if it issued one
 * @param fee the carrier's charge (not negative)
 */
public record CarrierBooking(String shipmentId, String trackingNumber, Optional<String> label, Money fee) {
    public CarrierBooking {
        Checks.id("shipmentId", shipmentId);
        Checks.id("trackingNumber", trackingNumber);
        Checks.notNull("label", label);
        Checks.notNull("fee", fee);
        if (fee.isNegative()) {
            throw InvalidArgumentException.of("fee", "NEGATIVE", "a carrier fee must not be negative; was " + fee);
        }
    }
}
