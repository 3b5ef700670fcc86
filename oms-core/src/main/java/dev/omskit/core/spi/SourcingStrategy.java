package dev.omskit.core.spi;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import java.util.List;
import java.util.Map;

/**
 * Decides which locations fulfil the units of an allocation. oms-routing fills it with rules, profiles and
 * explanations; core ships {@link #preferSingleLocation()}.
 *
 * @implSpec Pure and quick: everything it needs is passed in (availability read once, in bulk, before
 *     deciding); no I/O. Thread-safe. The plan is a proposal: the reservation that follows is atomic and
 *     may still be refused when stock went meanwhile.
 */
@FunctionalInterface
public interface SourcingStrategy {
    /**
     * The plan for {@code demand} (units per order line).
     *
     * @param order the order
     * @param demand units to source per line
     * @param availability the levels of every SKU in the demand at every location that has it
     * @param locations the tenant's active locations
     */
    SourcingPlan plan(
            Order order,
            Map<LineId, Integer> demand,
            Map<Sku, List<StockLevel>> availability,
            List<Location> locations);

    /**
     * The default: one shipping location that has every line in full, the one with the best priority (then
     * id); failing that each line from the best-priority locations in turn, split only where one location
     * is short, with what is still short reported per line.
     */
    static SourcingStrategy preferSingleLocation() {
        return DefaultSourcing.PREFER_SINGLE_LOCATION;
    }
}
