package dev.omskit.routing.promise;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.routing.Assignment;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One shipment of a {@link DeliveryOption}: where from, what, and what the option's carrier service makes
 * of it. For a pickup option the one "shipment" is what the store puts aside: no carrier, no price, and
 * both dates are the day it is ready.
 *
 * @param location where the units come from
 * @param assignments the units, by line
 * @param parcel actual weight and volume
 * @param chargeableGrams the weight the service charges (actual or dimensional); empty for pickup
 * @param zone the rate zone that priced it; empty for pickup
 * @param distanceKm great-circle km from the location to the destination, when both have a geo point
 * @param price what the service charges for it; empty for pickup
 * @param shipDate the day the location hands it over (pickup: the day it is ready)
 * @param deliveryDate the day it arrives (pickup: the day it is ready)
 */
public record PromisedShipment(
        LocationId location,
        List<Assignment> assignments,
        Parcel parcel,
        OptionalInt chargeableGrams,
        Optional<String> zone,
        OptionalDouble distanceKm,
        Optional<Money> price,
        LocalDate shipDate,
        LocalDate deliveryDate) {
    public PromisedShipment {
        assignments = List.copyOf(assignments);
    }

    /** Units in this shipment. */
    public int units() {
        return Assignment.totalUnits(assignments);
    }
}
