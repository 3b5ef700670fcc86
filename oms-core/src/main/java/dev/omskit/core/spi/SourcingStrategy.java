package dev.omskit.core.spi;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
        return (order, demand, availability, locations) -> {
            List<Location> ships = new ArrayList<>();
            for (Location l : locations) {
                if (l.active() && l.can(LocationCapability.SHIPS)) {
                    ships.add(l);
                }
            }
            ships.sort(Comparator.comparingInt(Location::priority).thenComparing(Location::id));
            Map<Sku, Map<LocationId, Integer>> free = new HashMap<>();
            availability.forEach((sku, levels) -> {
                Map<LocationId, Integer> byLocation = new HashMap<>();
                for (StockLevel level : levels) {
                    byLocation.put(level.location(), level.available());
                }
                free.put(sku, byLocation);
            });
            List<OrderLine> lines = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                if (demand.getOrDefault(line.id(), 0) > 0) {
                    lines.add(line);
                }
            }
            for (Location l : ships) {
                Map<Sku, Integer> needed = new HashMap<>();
                for (OrderLine line : lines) {
                    needed.merge(line.sku(), demand.get(line.id()), Integer::sum);
                }
                boolean all = needed.entrySet().stream()
                        .allMatch(e -> free.getOrDefault(e.getKey(), Map.of()).getOrDefault(l.id(), 0) >= e.getValue());
                if (all) {
                    List<StockLine> plan = new ArrayList<>();
                    for (OrderLine line : lines) {
                        plan.add(StockLine.of(line.id().value(), line.sku(), l.id(), demand.get(line.id())));
                    }
                    return SourcingPlan.of(plan);
                }
            }
            List<StockLine> plan = new ArrayList<>();
            List<String> unmet = new ArrayList<>();
            Map<LineId, Integer> shortUnits = new HashMap<>();
            for (OrderLine line : lines) {
                int remaining = demand.get(line.id());
                Map<LocationId, Integer> byLocation = free.getOrDefault(line.sku(), new HashMap<>());
                for (Location l : ships) {
                    int take = Math.min(remaining, byLocation.getOrDefault(l.id(), 0));
                    if (take > 0) {
                        plan.add(StockLine.of(line.id().value(), line.sku(), l.id(), take));
                        byLocation.merge(l.id(), -take, Integer::sum);
                        remaining -= take;
                    }
                    if (remaining == 0) {
                        break;
                    }
                }
                if (remaining > 0) {
                    shortUnits.put(line.id(), remaining);
                    unmet.add("line '" + line.id() + "' (" + line.sku() + ") is short by " + remaining + " of "
                            + demand.get(line.id()) + " unit(s) across " + ships.size() + " shipping location(s)");
                }
            }
            return new SourcingPlan(plan, unmet, shortUnits);
        };
    }
}
