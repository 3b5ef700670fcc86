package dev.omskit.routing.simulation;

import dev.omskit.core.model.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one profile made of the batch.
 *
 * @param profile the profile's name
 * @param orders orders replayed
 * @param ordersComplete orders met in full
 * @param shipments shipments (one per location per order)
 * @param ordersSplit orders shipped in more than one shipment
 * @param averageShipmentsPerOrder shipments / orders, to 2 decimals
 * @param linesSplit lines whose units come from more than one location
 * @param unitsUnfulfilled units not assigned, over every order
 * @param linesUnfulfillable lines not met in full
 * @param distanceKm sum over shipments of the great-circle km from the location to the destination, for the
 *     orders whose every shipment's distance is known
 * @param ordersWithoutDistance orders that ship but whose distance is unknown (no geo point on the
 *     destination or on a shipping location); not in {@code distanceKm}
 * @param shippingCost sum of what the rate table charges per shipment, when the simulation has a table
 * @param shipmentsWithoutRate shipments no zone of the rate table serves; not in {@code shippingCost}
 */
public record ProfileMetrics(
        String profile,
        int orders,
        int ordersComplete,
        int shipments,
        int ordersSplit,
        BigDecimal averageShipmentsPerOrder,
        int linesSplit,
        int unitsUnfulfilled,
        int linesUnfulfillable,
        double distanceKm,
        int ordersWithoutDistance,
        Optional<Money> shippingCost,
        int shipmentsWithoutRate) {}
