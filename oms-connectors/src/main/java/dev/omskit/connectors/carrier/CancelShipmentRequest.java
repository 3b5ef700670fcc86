package dev.omskit.connectors.carrier;

import dev.omskit.connectors.carrier.RateRequest.CarrierChecks;
import dev.omskit.core.support.Checks;

/**
 * Cancel a booked shipment before the carrier picks it up.
 *
 * @param shipmentId our shipment id it was booked for
 * @param trackingNumber the carrier's tracking number
 * @param reason why, for the carrier (not blank)
 */
public record CancelShipmentRequest(String shipmentId, String trackingNumber, String reason) {
    public CancelShipmentRequest {
        Checks.id("shipmentId", shipmentId);
        Checks.id("trackingNumber", trackingNumber);
        CarrierChecks.text("reason", reason);
    }

    /** Cancels {@code booking}. */
    public static CancelShipmentRequest of(CarrierBooking booking, String reason) {
        return new CancelShipmentRequest(booking.shipmentId(), booking.trackingNumber(), reason);
    }
}
