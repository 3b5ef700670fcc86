package dev.omskit.core;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.OmsException;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.internal.Decision;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.BackorderKind;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReservationLine;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.inventory.StockRejectedException;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.spi.SourcingPlan;
import dev.omskit.core.spi.SourcingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps an order's stock in step with its units, for an {@link Oms} built with an {@link Inventory}.
 *
 * <ul>
 *   <li>Units entering a stock-holding stage (from {@code ALLOCATED} up to, not including, {@code SHIPPED})
 *       are reserved <em>before</em> the order commits: sourced by the {@link SourcingStrategy}, reserved all
 *       or nothing as a hold under a pending reference {@code order:<id>#pending}, with one reservation
 *       line per order line and location ({@code <line>@<location>}). No stock, no allocation: the
 *       command is refused with {@code INSUFFICIENT_STOCK} and nothing is stored. If the commit then fails,
 *       the hold is given back; if it succeeds, its units are merged into the order's one reservation
 *       ({@code order-<id>}, reference {@code order:<id>}, confirmed when the order is settled). Until then
 *       no other command of the order counts them; after it, every change of the order's stock is one
 *       version-checked write on that one record, so concurrent commands cannot both take the same units.
 *   <li>After the commit the order's reservations are reconciled with its units: held units of a paid,
 *       authorised or COD order are confirmed; units that left the holding stages are released
 *       (cancelled, deallocated, edited away) or consumed (shipped). Reconciling is idempotent, so running
 *       it again (after a crash, by {@link Oms#reconcileStock}) converges on the same state.
 *   <li>A hold that lapses (an unpaid order, or a crash between reservation and commit) is swept by
 *       {@link Oms#expireStockHolds}: the order's units go back to {@code CREATED} and the stock is
 *       released. Nothing is lost: the order stays and can be allocated again.
 * </ul>
 */
final class OrderStock {
    private static final System.Logger LOG = System.getLogger(OrderStock.class.getName());
    private static final int RECONCILE_ROUNDS = 8;
    private static final String PENDING = "#pending";
    private static final Set<State> SETTLED = Set.of(
            PaymentStates.AUTHORIZED,
            PaymentStates.PAID,
            PaymentStates.PARTIALLY_REFUNDED,
            PaymentStates.COD_PENDING,
            PaymentStates.COD_PARTIALLY_COLLECTED,
            PaymentStates.COD_COLLECTED);

    private final Inventory inventory;
    private final SourcingStrategy sourcing;
    private final Duration allocationHold;
    private final Duration unpaidHold;

    OrderStock(Inventory inventory, SourcingStrategy sourcing, OmsConfig config) {
        this.inventory = inventory;
        this.sourcing = sourcing;
        this.allocationHold = config.allocationHold();
        this.unpaidHold = config.unpaidHold();
    }

    static String reference(OrderId id) {
        return "order:" + id;
    }

    /**
     * The reference a reservation carries between its creation and the order's commit. Reconciling reads
     * only {@link #reference}, so stock reserved by a command that has not committed (and may never) is
     * never taken for the order's.
     */
    static String pendingReference(OrderId id) {
        return "order:" + id + PENDING;
    }

    static Optional<OrderId> orderOf(String reference) {
        if (!reference.startsWith("order:")) {
            return Optional.empty();
        }
        String id = reference.substring("order:".length());
        return Optional.of(OrderId.of(id.endsWith(PENDING) ? id.substring(0, id.length() - PENDING.length()) : id));
    }

    static boolean isPending(String reference) {
        return reference.startsWith("order:") && reference.endsWith(PENDING);
    }

    /** After the order's commit: the reservation becomes the order's, confirmed if the order is settled. */
    void adopt(Reservation reservation, Order committed) {
        inventory.merge(
                reservation.tenant(),
                reservation.id(),
                stockOf(committed.id()),
                reference(committed.id()),
                settled(committed));
    }

    /** The one reservation that holds an order's stock once its allocations committed. */
    static ReservationId stockOf(OrderId id) {
        return ReservationId.of("order-" + id);
    }

    static boolean settled(Order order) {
        return SETTLED.contains(order.paymentStatus());
    }

    /** Whether units in {@code stage} hold reserved stock: from ALLOCATED up to, not including, SHIPPED. */
    static boolean holdsStock(OrderLifecycle lifecycle, State stage) {
        if (OrderStages.CANCELLED.equals(stage)
                || !lifecycle.stages().contains(OrderStages.ALLOCATED)
                || !lifecycle.stages().contains(OrderStages.SHIPPED)) {
            return false;
        }
        int rank = lifecycle.stages().rank(stage);
        return rank >= lifecycle.stages().rank(OrderStages.ALLOCATED)
                && rank < lifecycle.stages().rank(OrderStages.SHIPPED);
    }

    /** Whether units in {@code stage} have left with a shipment (SHIPPED and later, not CANCELLED). */
    static boolean shipped(OrderLifecycle lifecycle, State stage) {
        return !OrderStages.CANCELLED.equals(stage)
                && lifecycle.stages().contains(OrderStages.SHIPPED)
                && lifecycle.stages().rank(stage) >= lifecycle.stages().rank(OrderStages.SHIPPED);
    }

    /**
     * Reserves the units the decision moves into stock-holding stages, before the commit; empty when it
     * moves none. Throws {@link OrderRejectedException} ({@code INSUFFICIENT_STOCK}) when they cannot be had.
     */
    Optional<Reservation> reserveFor(Order before, Decision decision, OrderLifecycle lifecycle, Actor actor) {
        Map<LineId, Integer> demand = new LinkedHashMap<>();
        for (OrderEvent event : decision.events()) {
            if (event instanceof OrderEvent.LinesTransitioned moved) {
                for (OrderEvent.LineMove m : moved.moves()) {
                    if (holdsStock(lifecycle, m.to()) && !holdsStock(lifecycle, m.from())) {
                        demand.merge(m.line(), m.units(), Integer::sum);
                    }
                }
            }
        }
        if (demand.isEmpty()) {
            return Optional.empty();
        }
        SourcingPlan plan = plan(before, demand);
        if (plan.isMet() && plan.lines().isEmpty()) {
            return Optional.empty();
        }
        if (!plan.isMet()) {
            throw insufficient(before, String.join("; ", plan.unmet()));
        }
        List<StockLine> lines = new ArrayList<>();
        for (StockLine line : plan.lines()) {
            lines.add(StockLine.of(line.ref() + "@" + line.location(), line.sku(), line.location(), line.quantity()));
        }
        ReserveResult result = inventory.reserve(ReserveStock.builder()
                .tenant(before.tenant())
                .reference(pendingReference(before.id()))
                .channel(before.channel().id())
                .lines(lines)
                .holdFor(settled(before) ? allocationHold : unpaidHold)
                .actor(actor)
                .build());
        if (!result.isReserved()) {
            throw insufficient(before, result.shortfalls().toString());
        }
        return result.reservation();
    }

    private static OrderRejectedException insufficient(Order order, String why) {
        return new OrderRejectedException(
                Rejection.of("INSUFFICIENT_STOCK", "Order '" + order.id() + "' cannot be allocated: " + why));
    }

    /**
     * Whether a command's events can leave the order's reservations or backorders behind its units, so
     * that reconciling after the commit has something to do: units leaving the stock-holding stages,
     * shipping (a move among stages at or after SHIPPED, such as delivery, consumes nothing more), entering
     * or leaving BACKORDERED, an edit, a payment (a hold to confirm). Units merely
     * entering the holding stages were reserved before the commit and merged after it.
     */
    static boolean touchesStock(List<OrderEvent> events, OrderLifecycle lifecycle) {
        for (OrderEvent event : events) {
            if (event instanceof OrderEvent.OrderEdited || event instanceof OrderEvent.PaymentRecorded) {
                return true;
            }
            if (event instanceof OrderEvent.LinesTransitioned moved) {
                for (OrderEvent.LineMove m : moved.moves()) {
                    if ((holdsStock(lifecycle, m.from()) && !holdsStock(lifecycle, m.to()))
                            || (shipped(lifecycle, m.to()) && !shipped(lifecycle, m.from()))
                            || OrderStages.BACKORDERED.equals(m.from())
                            || OrderStages.BACKORDERED.equals(m.to())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Gives a reservation back after the order's commit failed. */
    void undo(Reservation reservation) {
        try {
            inventory.release(reservation.tenant(), reservation.id(), Map.of());
        } catch (OmsException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not give back reservation " + reservation.id()
                            + " after a failed commit; its hold lapses at "
                            + reservation.expiresAt().orElse(null),
                    e);
        }
    }

    /**
     * Brings the order's reservations in step with its units, reading the latest order each round:
     * confirms holds of a settled order, consumes what shipped, releases what no longer holds stock.
     * Idempotent; when a concurrent command on the same order changed the reservations meanwhile, the
     * round starts again on fresh data, so concurrent commands converge instead of leaking units.
     */
    void reconcile(
            TenantId tenant, OrderId id, Supplier<Optional<Order>> latest, OrderLifecycle lifecycle, Actor actor) {
        OmsException last = null;
        for (int round = 0; round < RECONCILE_ROUNDS; round++) {
            // Reservations first, then the order: a reservation added in between comes with units the
            // order read already holds, so it can only make us release less, never more. Every write is
            // conditional on the reservation's version as read.
            List<Reservation> all = inventory.reservationsFor(tenant, reference(id));
            Optional<Order> order = latest.get();
            if (order.isEmpty()) {
                return;
            }
            try {
                syncBackorders(order.get());
                reconcileOnce(order.get(), all, lifecycle, actor);
            } catch (InvalidArgumentException | StockRejectedException | ConflictException e) {
                last = e; // a concurrent command moved the same reservation: decide again
                continue;
            }
            Optional<Order> after = latest.get();
            if (after.isEmpty() || after.get().version() == order.get().version()) {
                return;
            }
            // the order moved on while we wrote (backorder records are set from what we read): once more
            last = null;
        }
        if (last != null) {
            throw last;
        }
    }

    private void reconcileOnce(Order order, List<Reservation> all, OrderLifecycle lifecycle, Actor actor) {
        if (all.isEmpty()) {
            return;
        }
        Map<LineId, int[]> units = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            int[] u = units.computeIfAbsent(line.id(), id -> new int[2]);
            for (var e : line.quantities().byStage().entrySet()) {
                if (holdsStock(lifecycle, e.getKey())) {
                    u[0] += e.getValue();
                } else if (shipped(lifecycle, e.getKey())) {
                    u[1] += e.getValue();
                }
            }
        }
        for (Reservation r : all) {
            // lines edited away still have their reservation lines: they hold nothing now
            openUnitsByLine(r).keySet().forEach(id -> units.computeIfAbsent(id, k -> new int[2]));
        }
        List<Reservation> current = new ArrayList<>(all);
        for (Map.Entry<LineId, int[]> lineUnits : units.entrySet()) {
            int holding = lineUnits.getValue()[0];
            int shippedUnits = lineUnits.getValue()[1];
            String prefix = lineUnits.getKey().value() + "@";
            int consumed = 0;
            int open = 0;
            for (Reservation r : current) {
                for (ReservationLine rl : r.lines()) {
                    if (rl.ref().startsWith(prefix)) {
                        consumed += rl.consumed();
                        open += r.status().isOpen() ? rl.open() : 0;
                    }
                }
            }
            int toConsume = Math.min(shippedUnits - consumed, open);
            for (int i = 0; i < current.size() && toConsume > 0; i++) {
                Reservation r = current.get(i);
                Map<String, Integer> taken = take(r, prefix, toConsume);
                if (!taken.isEmpty()) {
                    toConsume -= sum(taken);
                    open -= sum(taken);
                    current.set(
                            i,
                            inventory.consumeAtVersion(
                                    order.tenant(), r.id(), taken, reference(order.id()), actor, r.version()));
                }
            }
            if (open < holding) {
                // an allocation whose hold is not merged yet (it will be), or one that outlived its hold
                LOG.log(
                        System.Logger.Level.DEBUG,
                        "order '" + order.id() + "' line '" + lineUnits.getKey() + "' holds " + holding + " unit(s), "
                                + open + " reserved for it so far");
            }
            int toRelease = open - holding;
            for (int i = current.size() - 1; i >= 0 && toRelease > 0; i--) {
                Reservation r = current.get(i);
                Map<String, Integer> taken = take(r, prefix, toRelease);
                if (!taken.isEmpty()) {
                    toRelease -= sum(taken);
                    current.set(i, inventory.releaseAtVersion(order.tenant(), r.id(), taken, r.version()));
                }
            }
        }
        if (settled(order)) {
            for (Reservation r : current) {
                if (r.status() == ReservationStatus.HELD) {
                    // a payment that arrives after the hold lapsed but before the sweep keeps the stock
                    inventory.confirm(order.tenant(), r.id(), true);
                }
            }
        }
    }

    /** Keeps one backorder record per order line equal to the line's BACKORDERED units. */
    private void syncBackorders(Order order) {
        Map<String, Backorder> existing = new LinkedHashMap<>();
        for (Backorder b : inventory.backordersFor(order.tenant(), reference(order.id()))) {
            existing.put(b.lineRef(), b);
        }
        for (OrderLine line : order.lines()) {
            int units = line.quantity(OrderStages.BACKORDERED);
            Backorder b = existing.remove(line.id().value());
            if (units > 0 || (b != null && b.isOpen())) {
                inventory.recordBackorder(
                        order.tenant(),
                        reference(order.id()),
                        line.id().value(),
                        line.sku(),
                        units,
                        kindOf(order, line));
            }
        }
        for (Backorder gone : existing.values()) {
            if (gone.isOpen()) {
                inventory.recordBackorder(order.tenant(), gone.reference(), gone.lineRef(), gone.sku(), 0, gone.kind());
            }
        }
    }

    private BackorderKind kindOf(Order order, OrderLine line) {
        Optional<Product> p = inventory.findProduct(order.tenant(), line.sku());
        return p.isPresent()
                        && !p.get().has(ProductFlag.BACKORDERABLE)
                        && p.get().has(ProductFlag.PREORDERABLE)
                ? BackorderKind.PREORDER
                : BackorderKind.BACKORDER;
    }

    /**
     * The sourcing plan for these units, for {@link Oms#allocate}: what can be reserved now and what is
     * short per line.
     */
    SourcingPlan plan(Order order, Map<LineId, Integer> demand) {
        if (sourcing == SourcingStrategy.preferSingleLocation()) {
            Optional<SourcingPlan> single = singleLocation(order, demand);
            if (single.isPresent()) {
                return single.get();
            }
        }
        Set<Sku> skus = new LinkedHashSet<>();
        for (OrderLine line : order.lines()) {
            if (demand.containsKey(line.id())) {
                skus.add(line.sku());
            }
        }
        Map<Sku, List<StockLevel>> levels = new LinkedHashMap<>();
        for (Sku sku : skus) {
            levels.put(sku, inventory.levels(order.tenant(), sku));
        }
        List<Location> locations = new ArrayList<>();
        for (Location l : inventory.locations(order.tenant())) {
            if (l.active()) {
                locations.add(l);
            }
        }
        return sourcing.plan(order, demand, levels, locations);
    }

    /**
     * The default strategy's first choice, found without reading every location: the active shipping
     * locations in priority order, each asked for the order's SKUs only until one has them all. Empty when
     * none has (the full strategy then splits).
     */
    private Optional<SourcingPlan> singleLocation(Order order, Map<LineId, Integer> demand) {
        List<Location> ships = shippingByPriority(inventory.locations(order.tenant()));
        Map<Sku, Integer> needed = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            Integer units = demand.get(line.id());
            if (units != null && units > 0) {
                needed.merge(line.sku(), units, Integer::sum);
            }
        }
        for (Location l : ships) {
            boolean all = true;
            for (Map.Entry<Sku, Integer> e : needed.entrySet()) {
                if (inventory.level(order.tenant(), e.getKey(), l.id()).available() < e.getValue()) {
                    all = false;
                    break;
                }
            }
            if (all) {
                List<StockLine> plan = new ArrayList<>();
                for (OrderLine line : order.lines()) {
                    Integer units = demand.get(line.id());
                    if (units != null && units > 0) {
                        plan.add(StockLine.of(line.id().value(), line.sku(), l.id(), units));
                    }
                }
                return Optional.of(SourcingPlan.of(plan));
            }
        }
        return Optional.empty();
    }

    /** The last location list read, and its shipping locations by priority (a store may return one list until it changes). */
    private volatile Object[] shipping = {null, List.of()};

    @SuppressWarnings("unchecked")
    private List<Location> shippingByPriority(List<Location> all) {
        Object[] cached = shipping;
        if (cached[0] == all) {
            return (List<Location>) cached[1];
        }
        List<Location> ships = new ArrayList<>();
        for (Location l : all) {
            if (l.active() && l.can(LocationCapability.SHIPS)) {
                ships.add(l);
            }
        }
        ships.sort(java.util.Comparator.comparingInt(Location::priority).thenComparing(Location::id));
        List<Location> result = List.copyOf(ships);
        shipping = new Object[] {all, result};
        return result;
    }

    /**
     * Why a short line may not wait for stock, or empty when it may (backorderable, or within preorders).
     * {@code earlierShortOfSku} is how many units of the same SKU earlier lines of the order will wait for:
     * they take from the same preorder allowance.
     */
    Optional<String> cannotWait(Order order, OrderLine line, int shortUnits, int earlierShortOfSku) {
        Optional<Product> p = inventory.findProduct(order.tenant(), line.sku());
        if (p.isEmpty()) {
            return Optional.of("line '" + line.id() + "': SKU '" + line.sku() + "' is not in the catalogue");
        }
        if (p.get().has(ProductFlag.BACKORDERABLE)) {
            return Optional.empty();
        }
        if (p.get().has(ProductFlag.PREORDERABLE)) {
            // units this order preorders already are not counted against it again
            int allowance = Math.max(
                    0,
                    inventory.preorderAllowance(order.tenant(), line.sku(), Optional.of(reference(order.id())))
                            - earlierShortOfSku);
            return shortUnits <= allowance
                    ? Optional.empty()
                    : Optional.of("line '" + line.id() + "': " + shortUnits + " unit(s) of '" + line.sku()
                            + "' short and only " + allowance + " more may be preordered against expected supply");
        }
        return Optional.of("line '" + line.id() + "': " + shortUnits + " unit(s) of '" + line.sku()
                + "' short and the SKU may not be backordered");
    }

    private static Map<String, Integer> take(Reservation r, String prefix, int wanted) {
        Map<String, Integer> units = new LinkedHashMap<>();
        if (!r.status().isOpen()) {
            return units;
        }
        int left = wanted;
        for (ReservationLine rl : r.lines()) {
            if (left == 0) {
                break;
            }
            if (rl.ref().startsWith(prefix) && rl.open() > 0) {
                int u = Math.min(left, rl.open());
                units.put(rl.ref(), u);
                left -= u;
            }
        }
        return units;
    }

    private static int sum(Map<String, Integer> units) {
        int s = 0;
        for (int u : units.values()) {
            s += u;
        }
        return s;
    }

    /** Units per order line still held by a reservation, for the sweep that deallocates them. */
    static Map<LineId, Integer> openUnitsByLine(Reservation r) {
        Map<LineId, Integer> out = new LinkedHashMap<>();
        for (ReservationLine rl : r.lines()) {
            int at = rl.ref().lastIndexOf('@');
            if (rl.open() > 0 && at > 0) {
                out.merge(LineId.of(rl.ref().substring(0, at)), rl.open(), Integer::sum);
            }
        }
        return out;
    }

    Inventory inventory() {
        return inventory;
    }
}
