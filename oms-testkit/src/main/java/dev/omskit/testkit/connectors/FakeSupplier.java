package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.ConnectorException;
import dev.omskit.connectors.supplier.AdvanceShippingNotice;
import dev.omskit.connectors.supplier.AsnPage;
import dev.omskit.connectors.supplier.AsnQuery;
import dev.omskit.connectors.supplier.PurchaseOrderAck;
import dev.omskit.connectors.supplier.SupplierConnector;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.PurchaseOrderLine;
import dev.omskit.core.model.Sku;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory supplier: it keeps the purchase orders sent to it (idempotent by purchase order id, each
 * acknowledged with a reference {@code SO-000001} ...), refuses orders for another supplier and cancelled
 * or closed ones, and serves the advance shipping notices a test adds with {@link #addAsn} (never more
 * units of a SKU than were ordered) to polls with a cursor.
 *
 * <p>Scripting beyond {@link #script()}: {@link #refuseNext(String)} refuses the next new order ({@code
 * NOT_RETRYABLE} with that reason); {@link #loseNextResponses(int)} places an order but loses the answer
 * ({@code RETRYABLE}: a repeat returns the same acknowledgement). Thread-safe.
 */
public final class FakeSupplier implements SupplierConnector {
    /** Every capability of the SPI. */
    public static final Set<Capability> ALL = Set.of(SEND_PURCHASE_ORDER, ASN_POLL);

    private final String id;
    private final String supplierCode;
    private final Set<Capability> capabilities;
    private final InstantSource clock;
    private final FakeScript script;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<PurchaseOrderId, PurchaseOrder> orders = new LinkedHashMap<>();
    private final Map<PurchaseOrderId, PurchaseOrderAck> acks = new HashMap<>();
    private final Map<PurchaseOrderId, Map<Sku, Integer>> advised = new HashMap<>();
    private final List<AdvanceShippingNotice> notices = new ArrayList<>();
    private final Deque<String> refusals = new ArrayDeque<>();
    private int lostResponses;

    /** A supplier with every capability, ordering from {@code supplierCode}. */
    public FakeSupplier(String id, String supplierCode, InstantSource clock) {
        this(id, supplierCode, clock, ALL);
    }

    /** A supplier declaring only {@code capabilities}. */
    public FakeSupplier(String id, String supplierCode, InstantSource clock, Set<Capability> capabilities) {
        this.id = Checks.id("connector id", id);
        this.supplierCode = Checks.id("supplier code", supplierCode);
        this.clock = Checks.notNull("clock", clock);
        this.capabilities = Set.copyOf(Checks.notNull("capabilities", capabilities));
        this.script = new FakeScript(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String supplierCode() {
        return supplierCode;
    }

    /** The scripted failures and delays, and the record of calls. */
    public FakeScript script() {
        return script;
    }

    @Override
    public PurchaseOrderAck sendPurchaseOrder(PurchaseOrder order) {
        script.enter("sendPurchaseOrder", order);
        require(SEND_PURCHASE_ORDER, "sendPurchaseOrder");
        Checks.notNull("order", order);
        lock.lock();
        try {
            PurchaseOrderAck existing = acks.get(order.id());
            if (existing != null) {
                return existing;
            }
            if (!order.supplier().equals(supplierCode)) {
                throw ConnectorException.notRetryable(
                        id,
                        "sendPurchaseOrder",
                        "purchase order '" + order.id() + "' is for supplier '" + order.supplier() + "', not '"
                                + supplierCode + "'");
            }
            if (order.status().equals(PurchaseOrderLifecycle.CANCELLED)
                    || order.status().equals(PurchaseOrderLifecycle.CLOSED)) {
                throw ConnectorException.notRetryable(
                        id, "sendPurchaseOrder", "purchase order '" + order.id() + "' is " + order.status());
            }
            String refusal = refusals.pollFirst();
            if (refusal != null) {
                throw ConnectorException.notRetryable(id, "sendPurchaseOrder", refusal);
            }
            PurchaseOrderAck ack = new PurchaseOrderAck(
                    order.id(), String.format("SO-%06d", orders.size() + 1), clock.instant(), order.expectedAt());
            orders.put(order.id(), order);
            acks.put(order.id(), ack);
            if (lostResponses > 0) {
                lostResponses--;
                throw ConnectorException.retryable(
                        id, "sendPurchaseOrder", "the answer for purchase order '" + order.id() + "' was lost");
            }
            return ack;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public AsnPage advanceShippingNotices(AsnQuery query) {
        script.enter("advanceShippingNotices", query);
        require(ASN_POLL, "advanceShippingNotices");
        Checks.notNull("query", query);
        lock.lock();
        try {
            int from = 0;
            if (query.cursor().isPresent()) {
                from = -1;
                try {
                    from = Integer.parseInt(query.cursor().get());
                } catch (NumberFormatException e) {
                    // refused below
                }
                if (from < 0 || from > notices.size()) {
                    throw ConnectorException.notRetryable(
                            id,
                            "advanceShippingNotices",
                            "cursor '" + query.cursor().get() + "' is not one of ours");
                }
            }
            int to = Math.min(notices.size(), from + query.limit());
            return new AsnPage(List.copyOf(notices.subList(from, to)), Integer.toString(to), to < notices.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The supplier ships {@code units} per SKU against purchase order {@code order}, which it must have
     * acknowledged; together with earlier notices never more than ordered per SKU.
     */
    public AdvanceShippingNotice addAsn(
            PurchaseOrderId order, Map<Sku, Integer> units, Optional<Instant> expectedArrival) {
        Checks.notNull("order", order);
        Checks.notNull("units", units);
        Checks.notNull("expectedArrival", expectedArrival);
        lock.lock();
        try {
            PurchaseOrder po = orders.get(order);
            if (po == null) {
                throw InvalidArgumentException.of(
                        "order", "UNKNOWN", "purchase order '" + order + "' was not sent to " + id);
            }
            Map<Sku, Integer> sofar = advised.computeIfAbsent(order, o -> new HashMap<>());
            List<AdvanceShippingNotice.Line> lines = new ArrayList<>();
            units.forEach((sku, n) -> {
                int ordered = po.line(sku).map(PurchaseOrderLine::ordered).orElse(0);
                if (sofar.getOrDefault(sku, 0) + n > ordered) {
                    throw InvalidArgumentException.of(
                            "units",
                            "EXCEEDS_ORDERED",
                            sku + ": " + (sofar.getOrDefault(sku, 0) + n) + " unit(s) advised on purchase order '"
                                    + order + "', " + ordered + " ordered");
                }
                lines.add(new AdvanceShippingNotice.Line(sku, n));
            });
            AdvanceShippingNotice asn = new AdvanceShippingNotice(
                    String.format("ASN-%06d", notices.size() + 1), order, lines, clock.instant(), expectedArrival);
            lines.forEach(l -> sofar.merge(l.sku(), l.units(), Integer::sum));
            notices.add(asn);
            return asn;
        } finally {
            lock.unlock();
        }
    }

    /** The next new purchase order is refused ({@code NOT_RETRYABLE}) with {@code reason}. */
    public FakeSupplier refuseNext(String reason) {
        lock.lock();
        try {
            refusals.addLast(Checks.id("reason", reason));
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** The next {@code times} new purchase orders are placed but their answer is lost ({@code RETRYABLE}). */
    public FakeSupplier loseNextResponses(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative; was " + times);
        }
        lock.lock();
        try {
            lostResponses += times;
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** The purchase orders placed, in order. */
    public List<PurchaseOrder> purchaseOrders() {
        lock.lock();
        try {
            return List.copyOf(orders.values());
        } finally {
            lock.unlock();
        }
    }

    /** The acknowledgement of purchase order {@code order}, if it was placed. */
    public Optional<PurchaseOrderAck> ack(PurchaseOrderId order) {
        lock.lock();
        try {
            return Optional.ofNullable(acks.get(order));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "FakeSupplier[" + id + " for " + supplierCode + "]";
    }
}
