package dev.omskit.core.spi;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.OrderLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The sourcing strategies core ships, as shared instances (so the facade can recognise its default). */
final class DefaultSourcing {
    /** See {@link SourcingStrategy#preferSingleLocation()}. */
    static final SourcingStrategy PREFER_SINGLE_LOCATION = (order, demand, availability, locations) -> {
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

    private DefaultSourcing() {}
}
