package dev.omskit.core;

import dev.omskit.core.change.ChangePreview;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.command.OrderCommand;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.error.AccessDeniedException;
import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.IdempotencyConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.event.AuditEntry;
import dev.omskit.core.event.OmsEventListener;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.event.OrderEventListener;
import dev.omskit.core.internal.Canonical;
import dev.omskit.core.internal.Decision;
import dev.omskit.core.internal.OmsMetrics;
import dev.omskit.core.internal.OrderDecider;
import dev.omskit.core.internal.OutboxRelay;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ActorKind;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.CustomerId;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderLine;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.Rejection;
import dev.omskit.core.spi.DuplicateChannelOrderException;
import dev.omskit.core.spi.DuplicateIdempotencyKeyException;
import dev.omskit.core.spi.IdGenerator;
import dev.omskit.core.spi.IdempotencyRecord;
import dev.omskit.core.spi.OmsStorage;
import dev.omskit.core.spi.OrderCommit;
import dev.omskit.core.spi.OrderQuery;
import dev.omskit.core.spi.SourcingPlan;
import dev.omskit.core.spi.SourcingStrategy;
import dev.omskit.core.spi.VersionConflictException;
import dev.omskit.core.support.Checks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The entry point of omskit: capture orders, move them through their lifecycle, edit, hold, cancel, and
 * read them with their audit trail. Build one with {@link #builder()}, choosing the storage explicitly.
 *
 * <p>Every command runs as load, decide, commit: the order is read, the lifecycle decides (events or a
 * refusal, no I/O), and the new state, its events (audit trail and outbox) and the idempotency record are
 * committed atomically with an optimistic version check. On a concurrent change the command is decided
 * again on the fresh order, up to {@link OmsConfig#maxCommitAttempts()} times.
 *
 * <p>Errors: bad input is an {@link InvalidArgumentException} listing every problem; a refusal by the
 * lifecycle is an {@link OrderRejectedException}; an unknown order is a {@link NotFoundException}; a
 * customer acting on someone else's order is an {@link AccessDeniedException}. In every case nothing is
 * stored and no event is emitted.
 *
 * <p>Thread-safe: one instance serves the whole application.
 */
public final class Oms implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Oms.class.getName());

    private final OmsStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final OmsConfig config;
    private final OrderDecider defaultDecider;
    private final Map<TenantId, OrderDecider> tenantDeciders;
    private final OutboxRelay relay;
    private final OmsMetrics metrics;
    private final OrderStock stock;
    private final dev.omskit.core.inventory.InventoryListener backorderFiller;
    private final Changes changes = new Changes(this);
    private final Invoicing invoicing;
    private final Returns returns;
    private final ShortPickRerouter rerouter;
    private final Fulfilment fulfilment;
    private final Shipping shipping;

    private Oms(Builder b) {
        this.storage = b.storage;
        this.clock = b.clock;
        this.ids = b.ids;
        this.config = b.config;
        this.defaultDecider = new OrderDecider(b.lifecycle, config);
        Map<TenantId, OrderDecider> perTenant = new HashMap<>();
        b.tenantLifecycles.forEach((tenant, lifecycle) -> perTenant.put(tenant, new OrderDecider(lifecycle, config)));
        this.tenantDeciders = Map.copyOf(perTenant);
        List<OmsEventListener> listeners = new ArrayList<>(b.listeners);
        if (b.notifier != null) {
            listeners.add(new CustomerNotifications(storage.orders(), b.notifier, b.notificationRules));
        }
        this.relay = new OutboxRelay(storage.events(), listeners);
        this.metrics = OmsMetrics.of(b.registry);
        this.stock = b.inventory == null ? null : new OrderStock(b.inventory, b.sourcing, config);
        this.backorderFiller = this::fillBackorders;
        this.invoicing = new Invoicing(this, b.invoicingConfig);
        this.returns = new Returns(this, b.returnsConfig, ReturnInvoicing.adjustingIssuedInvoices(ids));
        this.rerouter = b.rerouter;
        this.fulfilment = new Fulfilment(this);
        this.shipping = new Shipping(this);
        if (stock != null) {
            b.inventory.addListener(backorderFiller);
        }
    }

    /** A builder; {@link Builder#storage(OmsStorage)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    // ----------------------------------------------------------------------------------------- commands

    /**
     * Captures an order. The same tenant, channel and channel order id captured again (a webhook retry, a
     * poll overlap, two threads at once) returns the first order with {@code created == false}.
     */
    public CaptureResult capture(CaptureOrder command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        Optional<CustomerId> actingFor = actingFor(command.actor());
        if (actingFor.isPresent() && !command.customer().equals(actingFor)) {
            metrics.command("CaptureOrder", "denied");
            throw new AccessDeniedException(command.actor() + " may only place orders for that customer");
        }
        OrderDecider decider = decider(tenant);
        Supplier<String> fingerprint = memo(command);
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Optional<Order> replay = replayed(command, "CaptureOrder", fingerprint);
            if (replay.isPresent()) {
                return new CaptureResult(replay.get(), false);
            }
            Optional<Order> existing = storage.orders()
                    .findByChannelOrder(tenant, command.channel().id(), command.channelOrderId());
            if (existing.isPresent()) {
                checkAccess(command.actor(), existing.get(), "CaptureOrder");
                metrics.command("CaptureOrder", "duplicate");
                return new CaptureResult(existing.get(), false);
            }
            Decision decision;
            try {
                decision = decider.capture(command, ids.nextOrderId(tenant), clock.instant());
            } catch (InvalidArgumentException e) {
                metrics.command("CaptureOrder", "invalid");
                throw e;
            }
            Order order = decision.next().orElseThrow();
            try {
                storage.orders()
                        .commit(new OrderCommit(
                                tenant,
                                order,
                                0,
                                decision.events(),
                                record(command, "CaptureOrder", fingerprint, order, List.of())));
            } catch (DuplicateChannelOrderException e) {
                Optional<Order> winner = storage.orders().find(tenant, e.existing());
                if (winner.isPresent()) {
                    checkAccess(command.actor(), winner.get(), "CaptureOrder");
                    metrics.command("CaptureOrder", "duplicate");
                    return new CaptureResult(winner.get(), false);
                }
                continue;
            } catch (DuplicateIdempotencyKeyException | VersionConflictException e) {
                continue;
            }
            metrics.captured(order);
            metrics.command("CaptureOrder", "ok");
            afterCommit();
            return new CaptureResult(order, true);
        }
        throw gaveUp("capture of " + command.channel().id() + " order '" + command.channelOrderId() + "'");
    }

    /** Applies a lifecycle trigger (allocate, release, ship, deliver, return, or a host's own) to units. */
    public Order transition(TransitionOrder command) {
        return execute(command, "TransitionOrder", d -> (o, now) -> d.transition(o, command, now));
    }

    /** Cancels an order, fully or partially. */
    public Order cancel(CancelOrder command) {
        return execute(command, "CancelOrder", d -> (o, now) -> d.cancel(o, command, now));
    }

    /** Edits an order before release. */
    public Order edit(EditOrder command) {
        return execute(command, "EditOrder", d -> (o, now) -> d.edit(o, command, now));
    }

    /** Places a hold. */
    public Order placeHold(PlaceHold command) {
        return execute(command, "PlaceHold", d -> (o, now) -> d.placeHold(o, command, now));
    }

    /** Releases a hold. */
    public Order releaseHold(ReleaseHold command) {
        return execute(command, "ReleaseHold", d -> (o, now) -> d.releaseHold(o, command, now));
    }

    /** Records a payment event. */
    public Order recordPayment(RecordPayment command) {
        return execute(command, "RecordPayment", d -> (o, now) -> d.recordPayment(o, command, now));
    }

    /** The change model: preview and apply edits and cancellations with their payment difference. */
    public Changes changes() {
        return changes;
    }

    /**
     * What the authenticated customer may do on their own orders: track, cancel, change delivery
     * details (and, with the after-sale facades, request returns and report problems).
     */
    public SelfService selfService(TenantId tenant, CustomerId customer) {
        return new SelfService(this, tenant, customer, Actor.customer(Checks.notNull("customer", customer)));
    }

    /** A service agent's desk: customers' order histories and acting on their behalf. */
    public AgentDesk agentDesk(TenantId tenant, String agentId) {
        return new AgentDesk(this, tenant, agentId);
    }

    /**
     * E-invoices of orders: draft, record the provider's answer, adjust, replace, cancel; with the seller
     * and series of {@link Builder#invoicing(dev.omskit.core.invoice.InvoicingConfig)} ({@code
     * invoicing().with(config)} for another).
     */
    public Invoicing invoicing() {
        return invoicing;
    }

    /** Fulfilment requests: releasing units to locations, pick, pack and short-pick confirmations. */
    public Fulfilment fulfilment() {
        return fulfilment;
    }

    /** Shipments, carrier tracking and cash-on-delivery reconciliation. */
    public Shipping shipping() {
        return shipping;
    }

    /** What places units again after a short pick or a rejected fulfilment request. */
    ShortPickRerouter shortPickRerouter() {
        return rerouter;
    }

    /**
     * Returns, refunds, exchanges, store credit and claims of this facade's orders, under the policies of
     * {@link Builder#returns(dev.omskit.core.returns.ReturnsConfig)} ({@code returns().withConfig(config)}
     * for others). A refund of a return on an order with an issued e-invoice drafts its adjustment in the
     * same commit.
     */
    public Returns returns() {
        return returns;
    }

    // -------------------------------------------------------------------------------------------- stock

    /**
     * Detaches this facade from its inventory: receipts no longer fill this facade's backorders (an
     * inventory outlives the facades built over it, and would otherwise keep each of them reachable).
     * Everything else keeps working; closing twice does nothing.
     */
    @Override
    public void close() {
        if (stock != null) {
            stock.inventory().removeListener(backorderFiller);
        }
    }

    /** The inventory this facade allocates from, if it was built with one. */
    public Optional<Inventory> inventory() {
        return stock == null ? Optional.empty() : Optional.of(stock.inventory());
    }

    /**
     * Allocates what stock there is and backorders the rest: every unit of the order waiting for
     * allocation is sourced; lines that are short wait as backorders (or preorders, within the SKU's
     * preorder cap and expected supply) when their SKU allows it, and receipts fill them oldest first. If
     * any short line may not wait, nothing changes and the command is refused with {@code
     * NOT_BACKORDERABLE} naming the lines. Without an inventory it is a plain {@code ALLOCATE}.
     */
    public Order allocate(TenantId tenant, OrderId orderId, Actor actor) {
        Checks.notNull("actor", actor);
        Order order = get(tenant, orderId);
        checkAccess(actor, order, "AllocateOrder");
        TransitionOrder all = TransitionOrder.builder()
                .tenant(tenant)
                .orderId(orderId)
                .actor(actor)
                .trigger(OrderTriggers.ALLOCATE)
                .build();
        if (stock == null) {
            return transition(all);
        }
        OrderLifecycle lifecycle = decider(tenant).lifecycle();
        Set<State> waiting = new HashSet<>();
        lifecycle.stages().transitionsOn(OrderTriggers.ALLOCATE).forEach(t -> waiting.add(t.from()));
        Map<LineId, Integer> demand = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            int units = 0;
            for (State s : waiting) {
                units += line.quantity(s);
            }
            if (units > 0) {
                demand.put(line.id(), units);
            }
        }
        if (demand.isEmpty()) {
            return transition(all);
        }
        SourcingPlan plan = stock.plan(order, demand);
        if (plan.isMet()) {
            return transition(all);
        }
        List<String> refusals = new ArrayList<>();
        Map<Sku, Integer> waitingBySku = new HashMap<>();
        for (OrderLine line : order.lines()) {
            int missing = plan.shortUnits().getOrDefault(line.id(), 0);
            if (missing > 0) {
                int earlier = waitingBySku.getOrDefault(line.sku(), 0);
                stock.cannotWait(order, line, missing, earlier).ifPresent(refusals::add);
                waitingBySku.put(line.sku(), earlier + missing);
            }
        }
        if (!refusals.isEmpty()) {
            metrics.command("AllocateOrder", "rejected");
            throw new OrderRejectedException(Rejection.of(
                    "NOT_BACKORDERABLE",
                    "Order '" + orderId + "' cannot be allocated in full and may not wait: "
                            + String.join("; ", refusals)));
        }
        Map<LineId, Integer> available = new LinkedHashMap<>();
        demand.forEach((line, units) -> {
            int have = units - plan.shortUnits().getOrDefault(line, 0);
            if (have > 0) {
                available.put(line, have);
            }
        });
        Order current = order;
        if (!available.isEmpty()) {
            current = transition(
                    TransitionOrder.builder().from(all).lines(available).build());
        }
        Map<LineId, Integer> toBackorder = new LinkedHashMap<>();
        for (OrderLine line : current.lines()) {
            int units = Math.min(plan.shortUnits().getOrDefault(line.id(), 0), line.quantity(lifecycle.initialStage()));
            if (units > 0) {
                toBackorder.put(line.id(), units);
            }
        }
        if (!toBackorder.isEmpty()) {
            current = transition(TransitionOrder.builder()
                    .from(all)
                    .trigger(OrderTriggers.BACKORDER)
                    .lines(toBackorder)
                    .reason("short of stock; waiting for supply")
                    .build());
        }
        return current;
    }

    private final ThreadLocal<Boolean> filling = ThreadLocal.withInitial(() -> false);

    /** Fills open backorders of {@code skus} oldest first while stock lasts (called on every supply). */
    private void fillBackorders(TenantId tenant, Set<Sku> skus) {
        if (filling.get()) {
            return;
        }
        filling.set(true);
        try {
            for (Sku sku : skus) {
                // a fill that lost a race (a concurrent command, a hold given back meanwhile) goes round
                // again, so that no unit is left idle while a backorder waits
                int round = 0;
                while (round++ < FILL_ROUNDS && fillOnce(tenant, sku)) {
                    LOG.log(System.Logger.Level.DEBUG, "backorders of " + sku + ": another round after a lost race");
                }
            }
        } finally {
            filling.set(false);
        }
    }

    private static final int FILL_ROUNDS = 8;

    /** One pass over the open backorders of a SKU, oldest first; true when a fill lost a race. */
    private boolean fillOnce(TenantId tenant, Sku sku) {
        Inventory inventory = stock.inventory();
        boolean lost = false;
        int free = shippable(inventory, tenant, sku);
        for (Backorder b : inventory.openBackorders(tenant, sku, 1_000)) {
            if (free <= 0) {
                break;
            }
            Optional<OrderId> orderId = OrderStock.orderOf(b.reference());
            if (orderId.isEmpty()) {
                continue; // demand of another holder (a cart, a quote): not this facade's to fill or close
            }
            Optional<Order> order = storage.orders().find(tenant, orderId.get());
            if (order.isEmpty()) {
                inventory.recordBackorder(tenant, b.reference(), b.lineRef(), b.sku(), 0, b.kind());
                continue;
            }
            LineId line = LineId.of(b.lineRef());
            int units = Math.min(
                    Math.min(b.units(), free),
                    order.get()
                            .line(line)
                            .map(l -> l.quantity(OrderStages.BACKORDERED))
                            .orElse(0));
            if (units <= 0) {
                stock.reconcile(
                        tenant,
                        order.get().id(),
                        latest(tenant, order.get().id()),
                        decider(tenant).lifecycle(),
                        Actor.system("backorder-fill"));
                continue;
            }
            try {
                transition(TransitionOrder.builder()
                        .tenant(tenant)
                        .orderId(order.get().id())
                        .actor(Actor.system("backorder-fill"))
                        .trigger(OrderTriggers.ALLOCATE)
                        .putLines(line, units)
                        .reason("backorder filled from new stock")
                        .build());
                free -= units;
            } catch (OrderRejectedException | ConflictException e) {
                lost |= !order.get().isOnHold(); // a hold refuses until released: no use going round
                LOG.log(System.Logger.Level.DEBUG, "backorder " + b.id() + " not filled now: " + e.getMessage());
                free = shippable(inventory, tenant, sku);
            }
        }
        return lost;
    }

    /** Units of {@code sku} available at active shipping locations: what backorders can be filled from. */
    private static int shippable(Inventory inventory, TenantId tenant, Sku sku) {
        int free = 0;
        for (var level : inventory.levels(tenant, sku)) {
            Optional<dev.omskit.core.inventory.Location> l = inventory.location(tenant, level.location());
            if (l.isPresent() && l.get().active() && l.get().can(LocationCapability.SHIPS)) {
                free += level.available();
            }
        }
        return free;
    }

    /**
     * Brings the order's stock reservations in step with its units (confirm, consume shipped units, release
     * units that no longer hold stock). Every command does this after its commit; call it to repair an
     * order after a crash between a commit and that step. Idempotent; without an inventory it does nothing.
     */
    public void reconcileStock(TenantId tenant, OrderId id) {
        if (stock != null) {
            Order order = get(tenant, id);
            stock.reconcile(
                    tenant,
                    order.id(),
                    latest(tenant, order.id()),
                    decider(tenant).lifecycle(),
                    Actor.system("stock-reconcile"));
        }
    }

    /**
     * The sweep the host drives when it uses an inventory (say every few seconds): up to {@code limit}
     * stock holds that lapsed are released. For a hold of an order whose units still hold stock (an unpaid
     * order, or a crash between reservation and confirmation), those units are first moved back to {@code
     * CREATED} with {@code DEALLOCATE}, so order and stock agree. Returns how many holds expired.
     */
    public int expireStockHolds(int limit) {
        if (stock == null) {
            return 0;
        }
        Inventory inventory = stock.inventory();
        int expired = 0;
        for (Reservation hold : inventory.expiredHolds(limit)) {
            Optional<OrderId> orderId = OrderStock.orderOf(hold.reference());
            Optional<Order> order = orderId.flatMap(id -> storage.orders().find(hold.tenant(), id));
            if (order.isPresent()) {
                OrderLifecycle lifecycle = decider(hold.tenant()).lifecycle();
                Map<LineId, Integer> holding = holdingUnits(order.get(), lifecycle);
                Map<LineId, Integer> lines = OrderStock.openUnitsByLine(hold);
                if (OrderStock.isPending(hold.reference())) {
                    // the order committed but a crash cut the adoption short: adopt if the order lacks it
                    Map<LineId, Integer> bound = new HashMap<>();
                    for (Reservation r : inventory.reservationsFor(
                            hold.tenant(), OrderStock.reference(order.get().id()))) {
                        if (r.status().isOpen()) {
                            OrderStock.openUnitsByLine(r).forEach((l, u) -> bound.merge(l, u, Integer::sum));
                        }
                    }
                    boolean lacking = lines.entrySet().stream()
                            .allMatch(e -> e.getValue()
                                    <= holding.getOrDefault(e.getKey(), 0) - bound.getOrDefault(e.getKey(), 0));
                    if (lacking) {
                        try {
                            stock.adopt(hold, order.get());
                            continue;
                        } catch (dev.omskit.core.inventory.StockRejectedException e) {
                            // released meanwhile: nothing to adopt
                        }
                    }
                } else {
                    Map<LineId, Integer> toDeallocate = new HashMap<>();
                    lines.forEach((line, units) -> {
                        int wanted = Math.min(units, holding.getOrDefault(line, 0));
                        if (wanted > 0) {
                            toDeallocate.put(line, wanted);
                        }
                    });
                    if (!toDeallocate.isEmpty()) {
                        try {
                            transition(TransitionOrder.builder()
                                    .tenant(hold.tenant())
                                    .orderId(order.get().id())
                                    .actor(Actor.system("stock-sweep"))
                                    .trigger(OrderTriggers.DEALLOCATE)
                                    .lines(toDeallocate)
                                    .reason("stock hold '" + hold.id() + "' lapsed at "
                                            + hold.expiresAt().orElse(null))
                                    .build());
                        } catch (OrderRejectedException e) {
                            LOG.log(
                                    System.Logger.Level.WARNING,
                                    "could not deallocate order '" + order.get().id() + "' for its lapsed stock hold: "
                                            + e.getMessage());
                        }
                    }
                }
            }
            try {
                Reservation after = inventory.expire(hold.tenant(), hold.id());
                if (!after.status().isOpen()) {
                    expired++;
                }
            } catch (dev.omskit.core.inventory.StockRejectedException e) {
                // confirmed or extended meanwhile: it is no longer a lapsed hold
            }
        }
        return expired;
    }

    private static Map<LineId, Integer> holdingUnits(Order order, OrderLifecycle lifecycle) {
        Map<LineId, Integer> out = new HashMap<>();
        for (OrderLine line : order.lines()) {
            int units = 0;
            for (var e : line.quantities().byStage().entrySet()) {
                if (OrderStock.holdsStock(lifecycle, e.getKey())) {
                    units += e.getValue();
                }
            }
            if (units > 0) {
                out.put(line.id(), units);
            }
        }
        return out;
    }

    private void adoptStock(Reservation reserved, Order committed) {
        try {
            stock.adopt(reserved, committed);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "reservation " + reserved.id() + " of order '" + committed.id() + "' not adopted after its"
                            + " commit; the stock-hold sweep adopts it when the hold lapses",
                    e);
        }
    }

    private Supplier<Optional<Order>> latest(TenantId tenant, OrderId id) {
        return () -> storage.orders().find(tenant, id);
    }

    private void syncStock(Order order, Actor actor) {
        if (stock == null) {
            return;
        }
        try {
            stock.reconcile(
                    order.tenant(),
                    order.id(),
                    latest(order.tenant(), order.id()),
                    decider(order.tenant()).lifecycle(),
                    actor);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "stock of order '" + order.id() + "' not reconciled after its commit; Oms.reconcileStock"
                            + " repairs it",
                    e);
        }
    }

    /**
     * Delivers pending outbox events to the listeners and returns how many were delivered. Call it on a
     * schedule when {@link OmsConfig#deliverEventsAfterCommit()} is off, and after a restart to flush what
     * a crashed process left behind.
     *
     * <p>With no listener registered it delivers and acknowledges nothing: the events stay in the outbox
     * for a relay of the host's own (reading {@code EventStore.pending} and acknowledging), so an outbox
     * nobody drains keeps growing.
     */
    public int deliverEvents() {
        return relay.deliver();
    }

    // ------------------------------------------------------------------------------------------ queries

    /** The order, if it exists in the tenant. */
    public Optional<Order> find(TenantId tenant, OrderId id) {
        return storage.orders().find(Checks.notNull("tenant", tenant), Checks.notNull("order id", id));
    }

    /** The order, or {@link NotFoundException}. */
    public Order get(TenantId tenant, OrderId id) {
        return find(tenant, id).orElseThrow(() -> notFound(tenant, id));
    }

    /** The order captured from this channel order. */
    public Optional<Order> findByChannelOrder(TenantId tenant, ChannelId channel, String channelOrderId) {
        return storage.orders().findByChannelOrder(tenant, channel, channelOrderId);
    }

    /** Orders matching the query, oldest first. */
    public List<Order> query(TenantId tenant, OrderQuery query) {
        return storage.orders().query(Checks.notNull("tenant", tenant), Checks.notNull("query", query));
    }

    /** A customer's orders, oldest first (first 100; use {@link #query} to page). */
    public List<Order> ordersOf(TenantId tenant, CustomerId customer) {
        return query(tenant, OrderQuery.builder().customer(customer).build());
    }

    /** The order's events, oldest first. */
    public List<OrderEvent> events(TenantId tenant, OrderId id) {
        List<OrderEvent> trail = storage.events().trail(tenant, id);
        if (trail.isEmpty()) {
            throw notFound(tenant, id);
        }
        return trail;
    }

    /** The order's audit trail for people: who did what when, status before and after. */
    public List<AuditEntry> auditTrail(TenantId tenant, OrderId id) {
        return events(tenant, id).stream().map(AuditEntry::of).toList();
    }

    /** The lifecycle orders of this tenant follow. */
    public OrderLifecycle lifecycle(TenantId tenant) {
        return decider(tenant).lifecycle();
    }

    /** This facade's configuration. */
    public OmsConfig config() {
        return config;
    }

    // --------------------------------------------------------------------------------------- internals

    @FunctionalInterface
    private interface Decide {
        Decision apply(Order order, Instant now);
    }

    /** An order command: one decision of the lifecycle, committed by {@link #work}. */
    private <C extends ExistingOrderCommand> Order execute(
            C command, String type, java.util.function.Function<OrderDecider, Decide> decide) {
        Checks.notNull("command", command);
        Decide decision = decide.apply(decider(command.tenant()));
        return work(command, type, w -> w.apply(decision.apply(w.order(), w.now())), (order, documents) -> order);
    }

    /** A step deciding on an order and its documents. */
    @FunctionalInterface
    interface Body<R> {
        R apply(OrderWork work);
    }

    /** Rebuilds a command's result from its idempotency record: the order and documents right after it. */
    @FunctionalInterface
    interface Replay<R> {
        R apply(Order order, List<dev.omskit.core.document.OrderDocument> documents);
    }

    /**
     * Runs a command of the after-sale facades: load the order, check the actor's access, replay an
     * idempotent repeat, decide on an {@link OrderWork}, and commit the order's events and every document
     * written in one atomic write with the idempotency record. On a concurrent change the command is
     * decided again on the fresh order and documents. Typed errors thrown by the body leave nothing
     * stored. A body that decides nothing commits nothing and returns its result.
     */
    <C extends ExistingOrderCommand, R> R work(C command, String type, Body<R> body, Replay<R> replay) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        OrderDecider decider = decider(tenant);
        Supplier<String> fingerprint = memo(command);
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Order order = storage.orders().find(tenant, command.orderId()).orElseThrow(() -> {
                metrics.command(type, "not_found");
                return notFound(tenant, command.orderId());
            });
            checkAccess(command.actor(), order, type);
            Optional<IdempotencyRecord> previous = replayedRecord(command, type, fingerprint);
            if (previous.isPresent()) {
                return replay.apply(previous.get().result(), previous.get().documents());
            }
            if (command.expectedVersion().isPresent()
                    && command.expectedVersion().get() != order.version()) {
                metrics.command(type, "conflict");
                throw new VersionConflictException(
                        order.id(), command.expectedVersion().get(), order.version());
            }
            OrderWork work = new OrderWork(decider, storage.documents(), order, command.actor(), clock.instant());
            R result;
            try {
                result = body.apply(work);
            } catch (InvalidArgumentException e) {
                metrics.command(type, "invalid");
                throw e;
            } catch (OrderRejectedException e) {
                metrics.command(type, "rejected");
                throw e;
            } catch (AccessDeniedException e) {
                metrics.command(type, "denied");
                throw e;
            }
            if (!work.changed()) {
                metrics.command(type, "ok");
                return result;
            }
            Order next = work.order();
            Decision d = work.asDecision();
            Optional<Reservation> reserved = Optional.empty();
            if (stock != null && !d.events().isEmpty()) {
                try {
                    reserved = stock.reserveFor(order, d, decider.lifecycle(), command.actor());
                } catch (OrderRejectedException e) {
                    metrics.command(type, "rejected");
                    throw e;
                }
            }
            boolean committed = false;
            try {
                Optional<IdempotencyRecord> record = record(command, type, fingerprint, next, work.written());
                storage.orders()
                        .commit(new OrderCommit(tenant, next, order.version(), d.events(), record, work.writes()));
                committed = true;
            } catch (VersionConflictException | DuplicateIdempotencyKeyException e) {
                if (e instanceof VersionConflictException
                        && command.expectedVersion().isPresent()) {
                    metrics.command(type, "conflict");
                    throw e;
                }
                continue;
            } finally {
                if (!committed) {
                    reserved.ifPresent(r -> stock.undo(r));
                }
            }
            metrics.command(type, "ok");
            boolean movedOn = false;
            if (reserved.isPresent()) {
                adoptStock(reserved.get(), next);
                // a command committed between ours and the merge could not count the merged units
                movedOn = storage.orders()
                        .find(tenant, next.id())
                        .map(o -> o.version() != next.version())
                        .orElse(false);
            }
            if (stock != null && (movedOn || OrderStock.touchesStock(d.events(), decider.lifecycle()))) {
                syncStock(next, command.actor());
            }
            afterCommit();
            return result;
        }
        throw gaveUp(type + " on order '" + command.orderId() + "'");
    }

    /**
     * Decides a command of the after-sale facades exactly as {@link #work} would, on the order as stored
     * now, and stores nothing: the dry run of the change model.
     */
    <C extends ExistingOrderCommand, R> ChangePreview<R> preview(C command, String type, Body<R> body) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        Order order = storage.orders().find(tenant, command.orderId()).orElseThrow(() -> {
            metrics.command(type, "not_found");
            return notFound(tenant, command.orderId());
        });
        checkAccess(command.actor(), order, type);
        OrderWork work = new OrderWork(decider(tenant), storage.documents(), order, command.actor(), clock.instant());
        R result = body.apply(work);
        metrics.command(type, "previewed");
        return new ChangePreview<>(
                result,
                order,
                work.order(),
                work.orderEvents(),
                work.written(),
                work.documentEvents(),
                work.paymentDifference());
    }

    /** The storage this facade runs on (for the after-sale facades). */
    OmsStorage storage() {
        return storage;
    }

    Clock clock() {
        return clock;
    }

    IdGenerator ids() {
        return ids;
    }

    private Optional<IdempotencyRecord> replayedRecord(
            OrderCommand command, String type, Supplier<String> fingerprint) {
        if (command.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        Optional<IdempotencyRecord> record = storage.idempotency()
                .find(command.tenant(), command.idempotencyKey().get());
        if (record.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord r = record.get();
        if (!r.commandType().equals(type) || !r.fingerprint().equals(fingerprint.get())) {
            metrics.command(type, "idempotency_conflict");
            throw new IdempotencyConflictException("idempotency key '" + r.key() + "' was first used for a "
                    + r.commandType() + " with a different payload; use a new key");
        }
        metrics.command(type, "replayed");
        return Optional.of(r);
    }

    private Optional<Order> replayed(OrderCommand command, String type, Supplier<String> fingerprint) {
        return replayedRecord(command, type, fingerprint).map(IdempotencyRecord::result);
    }

    private Optional<IdempotencyRecord> record(
            OrderCommand command,
            String type,
            Supplier<String> fingerprint,
            Order result,
            List<dev.omskit.core.document.OrderDocument> documents) {
        return command.idempotencyKey()
                .map(key -> new IdempotencyRecord(
                        command.tenant(),
                        key,
                        type,
                        fingerprint.get(),
                        result.id(),
                        result,
                        clock.instant(),
                        documents));
    }

    private static Supplier<String> memo(OrderCommand command) {
        if (command.idempotencyKey().isEmpty()) {
            return () -> "";
        }
        String[] cached = new String[1];
        return () -> {
            if (cached[0] == null) {
                cached[0] = Canonical.fingerprint(command);
            }
            return cached[0];
        };
    }

    /** A customer acts only on their own orders; an agent acting for a customer, only on that customer's. */
    private void checkAccess(Actor actor, Order order, String type) {
        Optional<CustomerId> actingFor = actingFor(actor);
        if (actingFor.isPresent() && !order.customer().equals(actingFor)) {
            metrics.command(type, "denied");
            throw new AccessDeniedException(actor + " may not act on order '" + order.id() + "' of another customer");
        }
    }

    /** Delivers events after a successful commit; a failure here never fails the committed command. */
    private static Optional<CustomerId> actingFor(Actor actor) {
        return actor.kind() == ActorKind.CUSTOMER ? actor.asCustomer() : actor.onBehalfOf();
    }

    private void afterCommit() {
        if (config.deliverEventsAfterCommit() && relay.hasListeners()) {
            try {
                relay.deliver();
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "event delivery after commit failed; events stay in the outbox",
                        e);
            }
        }
    }

    private OrderDecider decider(TenantId tenant) {
        return tenantDeciders.getOrDefault(Checks.notNull("tenant", tenant), defaultDecider);
    }

    private static NotFoundException notFound(TenantId tenant, OrderId id) {
        return new NotFoundException("order '" + id + "' not found in tenant '" + tenant + "'");
    }

    private static ConflictException gaveUp(String what) {
        return new ConflictException(what + " kept clashing with concurrent changes; gave up");
    }

    /**
     * Builds an {@link Oms}. Storage is required; the rest has defaults: the system UTC clock, random
     * UUID order ids, the default lifecycle, {@link OmsConfig#defaults()}, no listeners, metrics off.
     * Not thread-safe.
     */
    public static final class Builder {
        private OmsStorage storage;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.uuids();
        private OmsConfig config = OmsConfig.defaults();
        private OrderLifecycle lifecycle = OrderLifecycle.defaults();
        private final Map<TenantId, OrderLifecycle> tenantLifecycles = new HashMap<>();
        private final List<OmsEventListener> listeners = new ArrayList<>();
        private dev.omskit.core.notify.CustomerNotifier notifier;
        private dev.omskit.core.invoice.InvoicingConfig invoicingConfig =
                dev.omskit.core.invoice.InvoicingConfig.defaults();
        private dev.omskit.core.returns.ReturnsConfig returnsConfig = dev.omskit.core.returns.ReturnsConfig.defaults();
        private dev.omskit.core.notify.NotificationRules notificationRules;
        private MeterRegistry registry;
        private Inventory inventory;
        private SourcingStrategy sourcing = SourcingStrategy.preferSingleLocation();
        private ShortPickRerouter rerouter = ShortPickRerouter.allocateAgain();

        private Builder() {}

        /**
         * The inventory orders allocate from: units entering {@code ALLOCATED} are reserved first (no stock,
         * no allocation) and units leaving it are released or consumed. Without one, allocation moves units
         * without touching stock.
         */
        public Builder inventory(Inventory inventory) {
            this.inventory = Checks.notNull("inventory", inventory);
            return this;
        }

        /** Where allocated units come from; default {@link SourcingStrategy#preferSingleLocation()}. */
        public Builder sourcing(SourcingStrategy sourcing) {
            this.sourcing = Checks.notNull("sourcing", sourcing);
            return this;
        }

        /**
         * What places units again after a short pick or a rejected fulfilment request; default {@link
         * ShortPickRerouter#allocateAgain()}. oms-routing's {@code RoutingSourcing} is one.
         */
        public Builder shortPickRerouter(ShortPickRerouter rerouter) {
            this.rerouter = Checks.notNull("rerouter", rerouter);
            return this;
        }

        /** Where orders, events and idempotency records live (required; there is no silent default). */
        public Builder storage(OmsStorage storage) {
            this.storage = Checks.notNull("storage", storage);
            return this;
        }

        /** The clock every timestamp comes from. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull("clock", clock);
            return this;
        }

        /** Where new order ids come from. */
        public Builder idGenerator(IdGenerator ids) {
            this.ids = Checks.notNull("idGenerator", ids);
            return this;
        }

        public Builder config(OmsConfig config) {
            this.config = Checks.notNull("config", config);
            return this;
        }

        /** The lifecycle of every tenant without one of its own. */
        public Builder lifecycle(OrderLifecycle lifecycle) {
            this.lifecycle = Checks.notNull("lifecycle", lifecycle);
            return this;
        }

        /** A lifecycle for one tenant (for example with a fraud-review step). */
        public Builder lifecycle(TenantId tenant, OrderLifecycle lifecycle) {
            tenantLifecycles.put(Checks.notNull("tenant", tenant), Checks.notNull("lifecycle", lifecycle));
            return this;
        }

        /** A listener fed the order events from the outbox, at least once per event. */
        public Builder listener(OrderEventListener listener) {
            Checks.notNull("listener", listener);
            listeners.add(event -> {
                if (event instanceof OrderEvent orderEvent) {
                    listener.on(orderEvent);
                }
            });
            return this;
        }

        /**
         * A listener fed every event from the outbox, order events and document events (shipments,
         * invoices, returns ...), at least once per event.
         */
        public Builder eventListener(OmsEventListener listener) {
            listeners.add(Checks.notNull("listener", listener));
            return this;
        }

        /**
         * Tells customers about the changes they see: every event the rules name becomes a {@code
         * CustomerNotification} for {@code notifier}, fed from the outbox at least once.
         */
        public Builder notifier(
                dev.omskit.core.notify.CustomerNotifier notifier, dev.omskit.core.notify.NotificationRules rules) {
            this.notifier = Checks.notNull("notifier", notifier);
            this.notificationRules = Checks.notNull("rules", rules);
            return this;
        }

        /** The seller, invoice series and tax-code validators of {@link Oms#invoicing()}. */
        public Builder invoicing(dev.omskit.core.invoice.InvoicingConfig config) {
            this.invoicingConfig = Checks.notNull("invoicing config", config);
            return this;
        }

        /** The return policies (per tenant and channel) and catalogue of {@link Oms#returns()}. */
        public Builder returns(dev.omskit.core.returns.ReturnsConfig config) {
            this.returnsConfig = Checks.notNull("returns config", config);
            return this;
        }

        /** The Micrometer registry to record metrics in; none means metrics are off. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Checks.notNull("registry", registry);
            return this;
        }

        /** The facade; throws {@link InvalidArgumentException} when no storage was chosen. */
        public Oms build() {
            if (storage == null) {
                throw InvalidArgumentException.of(
                        "storage",
                        "MISSING",
                        "Oms needs a storage: pass InMemoryStorage.create() from oms-testkit for tests and demos,"
                                + " or a durable implementation");
            }
            return new Oms(this);
        }
    }
}
