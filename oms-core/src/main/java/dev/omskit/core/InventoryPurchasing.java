package dev.omskit.core;

import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.BackorderKind;
import dev.omskit.core.inventory.CreatePurchaseOrder;
import dev.omskit.core.inventory.IncomingSupply;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Movement;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.PurchaseOrderLine;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.inventory.Replenishment;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockRejectedException;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.IdGenerator;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.ProductCatalog;
import dev.omskit.core.spi.StaleRecordException;
import dev.omskit.core.spi.StockCommit;
import dev.omskit.core.spi.StockCommitResult;
import dev.omskit.core.support.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Purchase orders, expected supply, replenishment suggestions and backorders for an {@link Inventory}: the
 * part of the facade that plans stock rather than moves it. Package-private; every public entry point is
 * on {@link Inventory}, whose Javadoc states the contracts. Thread-safe like the facade.
 */
final class InventoryPurchasing {
    private final Inventory inv;
    private final InventoryStore store;
    private final ProductCatalog catalog;
    private final Clock clock;
    private final IdGenerator ids;
    private final InventoryConfig config;

    InventoryPurchasing(
            Inventory inv,
            InventoryStore store,
            ProductCatalog catalog,
            Clock clock,
            IdGenerator ids,
            InventoryConfig config) {
        this.inv = inv;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
    }

    PurchaseOrder createPurchaseOrder(CreatePurchaseOrder command) {
        Checks.notNull("command", command);
        TenantId tenant = command.tenant();
        List<Violation> out = new ArrayList<>();
        Checks.idProblem("supplier", command.supplier())
                .ifPresent(p -> out.add(Violation.of("supplier", "INVALID", p)));
        inv.knownLocation(tenant, "location", command.location(), out);
        inv.lineCount("lines", command.lines().size(), out);
        command.lines().forEach((sku, units) -> {
            inv.knownSku(tenant, "lines[" + sku + "]", sku, out);
            inv.quantity("lines[" + sku + "]", units == null ? 0 : units, out);
        });
        Inventory.throwIfAny(out);
        Instant now = clock.instant();
        List<PurchaseOrderLine> lines = new ArrayList<>();
        new TreeMap<>(command.lines()).forEach((sku, units) -> lines.add(new PurchaseOrderLine(sku, units, 0)));
        PurchaseOrder po = PurchaseOrder.builder()
                .tenant(tenant)
                .id(command.id().orElseGet(() -> PurchaseOrderId.of(ids.nextId(tenant, "po"))))
                .supplier(command.supplier())
                .location(command.location())
                .lines(lines)
                .status(PurchaseOrderLifecycle.DRAFT)
                .expectedAt(command.expectedAt())
                .createdBy(command.actor())
                .createdAt(now)
                .updatedAt(now)
                .version(1)
                .build();
        try {
            store.commit(purchaseOrderCommit(tenant, po, List.of(), List.of(), Optional.empty()));
        } catch (StaleRecordException e) {
            throw new ConflictException("purchase order '" + po.id() + "' exists already; use a new id");
        }
        return po;
    }

    PurchaseOrder confirmPurchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return movePurchaseOrder(tenant, id, PurchaseOrderLifecycle.CONFIRM);
    }

    PurchaseOrder closePurchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return movePurchaseOrder(tenant, id, PurchaseOrderLifecycle.CLOSE);
    }

    PurchaseOrder cancelPurchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return movePurchaseOrder(tenant, id, PurchaseOrderLifecycle.CANCEL);
    }

    private PurchaseOrder movePurchaseOrder(TenantId tenant, PurchaseOrderId id, Trigger trigger) {
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            PurchaseOrder po = requirePurchaseOrder(tenant, id);
            Optional<Transition<PurchaseOrder>> t = PurchaseOrderLifecycle.get().transition(po.status(), trigger);
            if (t.isEmpty()) {
                throw new StockRejectedException(
                        StockRejectedException.ILLEGAL_TRANSITION,
                        "purchase order '" + id + "' cannot apply " + trigger + " in status " + po.status());
            }
            PurchaseOrder next = PurchaseOrder.builder()
                    .from(po)
                    .status(t.get().to())
                    .updatedAt(clock.instant())
                    .version(po.version() + 1)
                    .build();
            try {
                store.commit(purchaseOrderCommit(tenant, next, List.of(), List.of(), Optional.empty()));
                return next;
            } catch (StaleRecordException e) {
                // changed meanwhile: decide again
            }
        }
        throw Inventory.gaveUp("purchase order '" + id + "'");
    }

    PurchaseOrder receivePurchaseOrder(ReceivePurchaseOrder command) {
        Checks.notNull("command", command);
        inv.requireLocalStock("A purchase order receipt");
        TenantId tenant = command.tenant();
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            PurchaseOrder po = requirePurchaseOrder(tenant, command.purchaseOrder());
            if (!PurchaseOrderLifecycle.receivable(po.status())) {
                Optional<PurchaseOrder> replayed = replayedReceipt(tenant, po, command.idempotencyKey());
                if (replayed.isPresent()) {
                    return replayed.get();
                }
                throw new StockRejectedException(
                        PurchaseOrderLifecycle.DRAFT.equals(po.status())
                                ? StockRejectedException.NOT_CONFIRMED
                                : StockRejectedException.PURCHASE_ORDER_CLOSED,
                        "purchase order '" + po.id() + "' is " + po.status() + "; goods can be received only"
                                + " against a CONFIRMED or PARTIALLY_RECEIVED order");
            }
            List<Violation> out = new ArrayList<>();
            inv.lineCount("lines", command.lines().size(), out);
            Set<Sku> seen = new HashSet<>();
            int outstandingAfter = po.outstanding();
            Map<Sku, Integer> receivedBySku = new HashMap<>();
            for (int i = 0; i < command.lines().size(); i++) {
                ReceiptLine line = command.lines().get(i);
                String field = "lines[" + i + "]";
                inv.receiptLine(tenant, field, line, seen, out);
                Optional<PurchaseOrderLine> pol = line.sku() == null ? Optional.empty() : po.line(line.sku());
                if (line.sku() != null && pol.isEmpty()) {
                    out.add(Violation.of(
                            field + ".sku",
                            "NOT_ON_PURCHASE_ORDER",
                            "purchase order '" + po.id() + "' has no line for '" + line.sku() + "'"));
                } else if (pol.isPresent()
                        && line.good() + line.damaged() > pol.get().outstanding()) {
                    out.add(Violation.of(
                            field,
                            "OVER_RECEIPT",
                            (line.good() + line.damaged()) + " unit(s) of '" + line.sku() + "' received; "
                                    + pol.get().outstanding() + " outstanding on purchase order '" + po.id() + "'"));
                } else if (pol.isPresent()) {
                    receivedBySku.put(line.sku(), line.good() + line.damaged());
                    outstandingAfter -= line.good() + line.damaged();
                }
            }
            if (!out.isEmpty()) {
                Optional<PurchaseOrder> replayed = replayedReceipt(tenant, po, command.idempotencyKey());
                if (replayed.isPresent()) {
                    return replayed.get();
                }
            }
            Inventory.throwIfAny(out);
            Instant now = clock.instant();
            String cause = "po:" + po.id();
            List<CellChange> cells = new ArrayList<>();
            List<Movement> movements = new ArrayList<>();
            Inventory.receiptMovements(po.location(), cause, command.lines(), command.actor(), now, cells, movements);
            List<PurchaseOrderLine> lines = new ArrayList<>();
            for (PurchaseOrderLine l : po.lines()) {
                lines.add(new PurchaseOrderLine(
                        l.sku(), l.ordered(), l.received() + receivedBySku.getOrDefault(l.sku(), 0)));
            }
            Trigger trigger =
                    outstandingAfter == 0 ? PurchaseOrderLifecycle.RECEIVE_REST : PurchaseOrderLifecycle.RECEIVE_PART;
            PurchaseOrder next = PurchaseOrder.builder()
                    .from(po)
                    .lines(lines)
                    .status(PurchaseOrderLifecycle.get()
                            .require(po.status(), trigger)
                            .to())
                    .updatedAt(now)
                    .version(po.version() + 1)
                    .build();
            try {
                StockCommitResult result =
                        store.commit(purchaseOrderCommit(tenant, next, cells, movements, command.idempotencyKey()));
                if (result instanceof StockCommitResult.Replayed) {
                    return requirePurchaseOrder(tenant, po.id());
                }
                Inventory.entriesOf(result, "receipt against purchase order '" + po.id() + "'");
                inv.notifySupply(tenant, Inventory.skusOf(cells));
                return next;
            } catch (StaleRecordException e) {
                // received concurrently: decide again on the fresh order
            }
        }
        throw Inventory.gaveUp("receiving purchase order '" + command.purchaseOrder() + "'");
    }

    /**
     * For a keyed receipt the order's current state refuses (received in full, or too little outstanding):
     * whether the key was used already, in which case the receipt is a retry and the order as it is now is
     * its answer. Asks the store by committing the order's record at its stored version under the key: a
     * used key replays without applying anything; otherwise the record is stale, nothing is applied and the
     * key stays unused.
     */
    private Optional<PurchaseOrder> replayedReceipt(TenantId tenant, PurchaseOrder po, Optional<IdempotencyKey> key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            StockCommitResult result = store.commit(purchaseOrderCommit(tenant, po, List.of(), List.of(), key));
            return result instanceof StockCommitResult.Replayed
                    ? Optional.of(requirePurchaseOrder(tenant, po.id()))
                    : Optional.empty();
        } catch (StaleRecordException e) {
            return Optional.empty();
        }
    }

    private static StockCommit purchaseOrderCommit(
            TenantId tenant,
            PurchaseOrder po,
            List<CellChange> cells,
            List<Movement> movements,
            Optional<IdempotencyKey> key) {
        return new StockCommit(tenant, cells, List.of(), List.of(), movements, List.of(po), List.of(), key);
    }

    private PurchaseOrder requirePurchaseOrder(TenantId tenant, PurchaseOrderId id) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("purchase order id", id);
        return store.purchaseOrder(tenant, id)
                .orElseThrow(() ->
                        new NotFoundException("purchase order '" + id + "' not found in tenant '" + tenant + "'"));
    }

    Optional<PurchaseOrder> purchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return store.purchaseOrder(Checks.notNull("tenant", tenant), Checks.notNull("purchase order id", id));
    }

    List<PurchaseOrder> openPurchaseOrders(TenantId tenant) {
        return store.openPurchaseOrders(Checks.notNull("tenant", tenant));
    }

    List<IncomingSupply> incomingSupply(TenantId tenant, Sku sku) {
        Checks.notNull("tenant", tenant);
        Checks.notNull("sku", sku);
        List<IncomingSupply> out = new ArrayList<>();
        for (PurchaseOrder po : store.openPurchaseOrders(tenant)) {
            if (PurchaseOrderLifecycle.receivable(po.status())) {
                po.line(sku)
                        .filter(l -> l.outstanding() > 0)
                        .ifPresent(l -> out.add(
                                new IncomingSupply(po.location(), l.outstanding(), po.expectedAt(), "po:" + po.id())));
            }
        }
        for (Location l : store.locations(tenant)) {
            for (Transfer t : store.transfersInTransit(tenant, l.id())) {
                t.line(sku)
                        .ifPresent(line -> out.add(new IncomingSupply(
                                t.destination(), line.shipped(), t.expectedAt(), "transfer:" + t.id())));
            }
        }
        out.sort(Comparator.comparing((IncomingSupply i) -> i.expectedAt().orElse(Instant.MAX))
                .thenComparing(IncomingSupply::source));
        return out;
    }

    List<CreatePurchaseOrder> suggestPurchaseOrders(TenantId tenant, LocationId location, Actor actor) {
        List<Violation> out = new ArrayList<>();
        inv.knownLocation(Checks.notNull("tenant", tenant), "location", location, out);
        Checks.notNull("actor", actor);
        Inventory.throwIfAny(out);
        Set<Location> active = new HashSet<>();
        for (Location l : store.locations(tenant)) {
            if (l.active()) {
                active.add(l);
            }
        }
        Set<Sku> skus = new java.util.TreeSet<>();
        for (StockLevel level : store.allLevels(tenant)) {
            skus.add(level.sku());
        }
        for (PurchaseOrder po : store.openPurchaseOrders(tenant)) {
            po.lines().forEach(l -> skus.add(l.sku()));
        }
        Map<String, Map<Sku, Integer>> bySupplier = new TreeMap<>();
        Map<String, Integer> leadDays = new HashMap<>();
        for (Sku sku : skus) {
            Optional<Product> product = catalog.find(tenant, sku);
            if (product.isEmpty() || product.get().replenishment().isEmpty()) {
                continue;
            }
            Replenishment rule = product.get().replenishment().get();
            long projected = 0;
            for (StockLevel level : store.levels(tenant, sku)) {
                if (active.stream().anyMatch(l -> l.id().equals(level.location()))) {
                    projected += level.available();
                }
            }
            for (IncomingSupply supply : incomingSupply(tenant, sku)) {
                projected += supply.units();
            }
            for (Backorder b : store.openBackorders(tenant, sku, Integer.MAX_VALUE)) {
                projected -= b.units();
            }
            if (projected <= rule.reorderPoint()) {
                long units = rule.reorderPoint() - projected + rule.reorderQuantity();
                bySupplier
                        .computeIfAbsent(rule.supplier(), k -> new TreeMap<>())
                        .put(sku, (int) Math.min(units, config.maxUnitsPerLine()));
                leadDays.merge(rule.supplier(), rule.leadTimeDays(), Math::max);
            }
        }
        List<CreatePurchaseOrder> suggestions = new ArrayList<>();
        Instant now = clock.instant();
        bySupplier.forEach((supplier, lines) -> suggestions.add(CreatePurchaseOrder.builder()
                .tenant(tenant)
                .supplier(supplier)
                .location(location)
                .lines(lines)
                .expectedAt(now.plus(Duration.ofDays(leadDays.get(supplier))))
                .actor(actor)
                .build()));
        return suggestions;
    }

    Backorder recordBackorder(
            TenantId tenant, String reference, String lineRef, Sku sku, int units, BackorderKind kind) {
        List<Violation> out = new ArrayList<>();
        Checks.idProblem("reference", reference).ifPresent(p -> out.add(Violation.of("reference", "INVALID", p)));
        Checks.idProblem("line ref", lineRef).ifPresent(p -> out.add(Violation.of("lineRef", "INVALID", p)));
        inv.knownSku(Checks.notNull("tenant", tenant), "sku", sku, out);
        Checks.notNull("kind", kind);
        if (units < 0 || units > config.maxUnitsPerLine()) {
            out.add(Violation.of(
                    "units",
                    "OUT_OF_RANGE",
                    "backordered units must be 0 to " + config.maxUnitsPerLine() + "; was " + units));
        }
        Inventory.throwIfAny(out);
        String id = reference + "/" + lineRef;
        for (int attempt = 1; attempt <= config.maxCommitAttempts(); attempt++) {
            Instant now = clock.instant();
            Optional<Backorder> current = store.backorder(tenant, id);
            if (current.isPresent() && current.get().units() == units) {
                return current.get();
            }
            Backorder next = current.map(b -> b.withUnits(units, now))
                    .orElseGet(() -> new Backorder(tenant, reference, lineRef, sku, units, kind, now, now, 1));
            try {
                store.commit(StockCommit.ofBackorders(tenant, List.of(next)));
                return next;
            } catch (StaleRecordException e) {
                // changed meanwhile: decide again
            }
        }
        throw Inventory.gaveUp("backorder '" + id + "'");
    }

    List<Backorder> openBackorders(TenantId tenant, Sku sku, int limit) {
        if (limit <= 0) {
            throw InvalidArgumentException.of("limit", "NOT_POSITIVE", "limit must be positive; was " + limit);
        }
        return store.openBackorders(Checks.notNull("tenant", tenant), Checks.notNull("sku", sku), limit);
    }

    List<Backorder> backordersFor(TenantId tenant, String reference) {
        return store.backordersFor(Checks.notNull("tenant", tenant), Checks.id("reference", reference));
    }

    int preorderAllowance(TenantId tenant, Sku sku) {
        return preorderAllowance(tenant, sku, Optional.empty());
    }

    /** {@link #preorderAllowance(TenantId, Sku)} not counting the open preorders of {@code excluded}. */
    int preorderAllowance(TenantId tenant, Sku sku, Optional<String> excluded) {
        Product p = inv.product(tenant, sku);
        if (!p.has(ProductFlag.PREORDERABLE)) {
            return 0;
        }
        long incoming = incomingSupply(tenant, sku).stream()
                .mapToLong(IncomingSupply::units)
                .sum();
        long cap = p.preorderCap().isPresent() ? Math.min(p.preorderCap().getAsInt(), incoming) : incoming;
        long open = store.openBackorders(tenant, sku, Integer.MAX_VALUE).stream()
                .filter(b -> b.kind() == BackorderKind.PREORDER)
                .filter(b -> excluded.isEmpty() || !excluded.get().equals(b.reference()))
                .mapToLong(Backorder::units)
                .sum();
        return (int) Math.max(0, cap - open);
    }
}
