package dev.omskit.routing;

import dev.omskit.core.Oms;
import dev.omskit.core.ShortPickRerouter;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.spi.ProductCatalog;
import dev.omskit.core.spi.SourcingPlan;
import dev.omskit.core.spi.SourcingStrategy;
import dev.omskit.core.support.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@link Router} as core's {@link SourcingStrategy}: {@code Oms.builder().sourcing(sourcing)} makes the
 * order lifecycle allocate through the routing profiles.
 *
 * <p>Per plan it builds the request from the order ({@link RoutingRequest#forOrder}), reads the products
 * of the SKUs from the catalogue and the capacity used today from the {@link CapacityBook} (once, before
 * deciding), decides, records the capacity the plan takes, and hands every decision to the listener (to
 * log or keep its explanation). Locations excluded for an order by {@link #exclude} (it rejected the
 * order, or short-picked) are never planned for that order again.
 *
 * <p>Capacity: each order's latest plan is booked in the {@link CapacityBook}, replacing that order's
 * previous plan (core may plan an allocation more than once, and a re-route plans again), so an order is
 * counted once however often it is planned. {@link #forget} gives an order's capacity back.
 *
 * <p>Thread-safe.
 */
public final class RoutingSourcing implements SourcingStrategy, ShortPickRerouter {
    private final Router router;
    private final ProductCatalog catalog;
    private final CapacityBook capacity;
    private final Consumer<RoutingDecision> listener;
    private final Map<OrderKey, Map<LocationId, String>> exclusions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<OrderKey, Map<LocationId, Usage>> planned = new ConcurrentHashMap<>();

    private record OrderKey(TenantId tenant, OrderId order) {}

    private RoutingSourcing(Builder b) {
        this.router = b.router;
        this.catalog = b.catalog;
        this.capacity = b.capacity;
        this.listener = b.listener;
    }

    public static Builder builder(Router router) {
        return new Builder(Checks.notNull("router", router));
    }

    public Router router() {
        return router;
    }

    public CapacityBook capacity() {
        return capacity;
    }

    /** From now on this order is never planned from this location (a rejection, a short pick). */
    public void exclude(TenantId tenant, OrderId order, LocationId location, String reason) {
        Checks.notNull("location", location);
        Checks.notNull("reason", reason);
        exclusions
                .computeIfAbsent(new OrderKey(tenant, order), k -> new ConcurrentHashMap<>())
                .put(location, reason);
    }

    /** The locations excluded for this order, with their reasons. */
    public Map<LocationId, String> exclusions(TenantId tenant, OrderId order) {
        return Map.copyOf(exclusions.getOrDefault(new OrderKey(tenant, order), Map.of()));
    }

    /**
     * Re-routes an order a location rejected or short-picked, without losing it: the location is excluded
     * for the order, its units still only allocated (not yet released to a location) are deallocated,
     * which gives their stock back, and the order is allocated again through the profiles, so what can be
     * sourced elsewhere is reserved there and the rest is backordered (or refused with {@code
     * NOT_BACKORDERABLE}, in which case the units stay waiting on the order for a later allocation).
     * Units {@code RELEASED} to locations stay where they are: they belong to live fulfilment requests,
     * and {@code Fulfilment} returns the units a location could not fulfil to {@code CREATED} before it
     * calls this as the order's {@link ShortPickRerouter}. Without units waiting it changes nothing.
     *
     * @return the order after the new allocation
     */
    @Override
    public Order reroute(Oms oms, TenantId tenant, OrderId order, LocationId location, String reason, Actor actor) {
        Checks.notNull("oms", oms);
        exclude(tenant, order, location, reason);
        Order current = oms.get(tenant, order);
        Map<LineId, Integer> allocated = new java.util.LinkedHashMap<>();
        for (var line : current.lines()) {
            if (line.quantity(OrderStages.ALLOCATED) > 0) {
                allocated.put(line.id(), line.quantity(OrderStages.ALLOCATED));
            }
        }
        if (!allocated.isEmpty()) {
            current = oms.transition(TransitionOrder.builder()
                    .tenant(tenant)
                    .orderId(order)
                    .trigger(OrderTriggers.DEALLOCATE)
                    .lines(allocated)
                    .reason("re-route: " + location + " " + reason)
                    .actor(actor)
                    .build());
        }
        if (current.quantity(OrderStages.CREATED) == 0) {
            return current;
        }
        return oms.allocate(tenant, order, actor);
    }

    /**
     * Forgets an order: its exclusions, and the capacity its latest plan booked is given back (call it when
     * the order is cancelled, or once it has shipped and the day's capacity no longer matters).
     */
    public void forget(TenantId tenant, OrderId order) {
        OrderKey key = new OrderKey(tenant, order);
        exclusions.remove(key);
        replaceUsage(key, Map.of());
    }

    @Override
    public SourcingPlan plan(
            Order order,
            Map<LineId, Integer> demand,
            Map<Sku, List<StockLevel>> availability,
            List<Location> locations) {
        OrderKey key = new OrderKey(order.tenant(), order.id());
        RoutingRequest request = RoutingRequest.forOrder(order, demand);
        Map<LocationId, String> excluded = exclusions.get(key);
        if (excluded != null && !excluded.isEmpty()) {
            request = RoutingRequest.builder()
                    .from(request)
                    .putAllExcluded(excluded)
                    .build();
        }
        java.time.Instant now = router.clock().instant();
        RoutingDecision decision = router.route(request, input(key, now, availability, locations));
        Map<LocationId, Usage> usage = new HashMap<>();
        for (PlannedShipment s : decision.shipments()) {
            Location l = byId(locations, s.location());
            usage.put(s.location(), new Usage(LocalDate.ofInstant(now, l.zone()), s.units(), 1));
        }
        replaceUsage(key, usage);
        listener.accept(decision);
        return toPlan(decision);
    }

    /** Capacity one order's latest plan takes at a location on a day. */
    private record Usage(LocalDate day, int units, int packages) {}

    private RoutingInput input(
            OrderKey key, java.time.Instant now, Map<Sku, List<StockLevel>> availability, List<Location> locations) {
        List<Product> products = new ArrayList<>();
        if (catalog != null) {
            for (Sku sku : availability.keySet()) {
                catalog.find(key.tenant(), sku).ifPresent(products::add);
            }
        }
        RoutingInput.Builder b = RoutingInput.builder(locations);
        java.util.Set<LocationId> known = new java.util.HashSet<>(locations.size() * 2);
        for (Location l : locations) {
            known.add(l.id());
        }
        availability.forEach((sku, levels) -> {
            for (StockLevel level : levels) {
                // levels of locations core did not pass (inactive ones) are not candidates
                if (known.contains(level.location())) {
                    b.available(sku, level.location(), level.available());
                }
            }
        });
        products.forEach(b::product);
        Map<LocationId, Usage> own = planned.getOrDefault(key, Map.of());
        Map<LocationId, LocalDate> days = new HashMap<>();
        for (Location l : locations) {
            days.put(l.id(), LocalDate.ofInstant(now, l.zone()));
        }
        Map<LocationId, CapacityBook.Used> used = capacity.used(key.tenant(), days);
        for (Location l : locations) {
            CapacityBook.Used u = used.get(l.id());
            if (u == null) {
                continue;
            }
            LocalDate day = days.get(l.id());
            int units = u.units();
            int packages = u.packages();
            Usage mine = own.get(l.id());
            if (mine != null && mine.day().equals(day)) {
                // the order's own earlier plan does not count against it
                units = Math.max(0, units - mine.units());
                packages = Math.max(0, packages - mine.packages());
            }
            if (units > 0 || packages > 0) {
                b.usedToday(l.id(), units, packages);
            }
        }
        return b.build();
    }

    /** Books the order's new plan in the capacity book in place of its previous one, atomically per order. */
    private void replaceUsage(OrderKey key, Map<LocationId, Usage> usage) {
        planned.compute(key, (k, old) -> {
            if (old != null) {
                old.forEach((location, u) -> capacity.record(k.tenant(), location, u.day(), -u.units(), -u.packages()));
            }
            usage.forEach((location, u) -> capacity.record(k.tenant(), location, u.day(), u.units(), u.packages()));
            return usage.isEmpty() ? null : Map.copyOf(usage);
        });
    }

    private static Location byId(List<Location> locations, LocationId id) {
        for (Location l : locations) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return null;
    }

    /** The core plan for a decision: one stock line per assignment, and what is short per order line. */
    static SourcingPlan toPlan(RoutingDecision decision) {
        List<StockLine> lines = new ArrayList<>();
        for (Assignment a : decision.assignments()) {
            lines.add(StockLine.of(a.line(), a.sku(), a.location(), a.units()));
        }
        Map<LineId, Integer> shortUnits = new LinkedHashMap<>();
        decision.unfulfilled().forEach((ref, units) -> shortUnits.put(LineId.of(ref), units));
        return new SourcingPlan(lines, decision.unfulfilledReasons(), shortUnits);
    }

    @Override
    public String toString() {
        return "RoutingSourcing{" + router + ", capacity=" + capacity + "}";
    }

    /** Builds a {@link RoutingSourcing}. */
    public static final class Builder {
        private final Router router;
        private ProductCatalog catalog;
        private CapacityBook capacity = CapacityBook.inMemory();
        private Consumer<RoutingDecision> listener = d -> {};

        private Builder(Router router) {
            this.router = router;
        }

        /** Where product data (flags, weights, categories) comes from; without one, rules see no products. */
        public Builder catalog(ProductCatalog catalog) {
            this.catalog = Checks.notNull("catalog", catalog);
            return this;
        }

        /** The capacity book; an in-memory one by default. */
        public Builder capacity(CapacityBook capacity) {
            this.capacity = Checks.notNull("capacity", capacity);
            return this;
        }

        /** Told of every decision, after it is made (for example to log its explanation). */
        public Builder listener(Consumer<RoutingDecision> listener) {
            this.listener = Checks.notNull("listener", listener);
            return this;
        }

        public RoutingSourcing build() {
            return new RoutingSourcing(this);
        }
    }
}
