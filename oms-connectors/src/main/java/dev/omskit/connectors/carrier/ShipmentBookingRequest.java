package dev.omskit.connectors.carrier;

import dev.omskit.connectors.carrier.RateRequest.CarrierChecks;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Money;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.ServiceLevel;
import dev.omskit.core.shipment.ShippingPayer;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A shipment to book at a carrier. {@link #shipmentId()} is our shipment's id and the idempotency key of
 * the booking. The addresses print their personal parts as {@code ***}.
 *
 * @param shipmentId our shipment id (the core {@code Shipment}'s id): booking it twice books it once
 * @param origin where the carrier picks up
 * @param destination where it delivers
 * @param parcels at least one
 * @param service the service booked, as quoted
 * @param payer who pays the shipping charge
 * @param codAmount the cash to collect on delivery, if any (positive)
 * @param declaredValue the goods' value for insurance, if declared (positive)
 */
public record ShipmentBookingRequest(
        String shipmentId,
        Address origin,
        Address destination,
        List<Parcel> parcels,
        ServiceLevel service,
        ShippingPayer payer,
        Optional<Money> codAmount,
        Optional<Money> declaredValue) {
    public ShipmentBookingRequest {
        Checks.id("shipmentId", shipmentId);
        Checks.notNull("origin", origin);
        Checks.notNull("destination", destination);
        parcels = CarrierChecks.parcels(parcels);
        Checks.notNull("service", service);
        Checks.notNull("payer", payer);
        CarrierChecks.positive("codAmount", codAmount);
        CarrierChecks.positive("declaredValue", declaredValue);
    }
}
