package dev.omskit.benchmarks;

import dev.omskit.core.Oms;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentOutcome;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.PaymentMethod;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.core.shipment.ChangeShipment;
import dev.omskit.core.shipment.CreateShipment;
import dev.omskit.core.shipment.LabelShipment;
import dev.omskit.core.shipment.Parcel;
import dev.omskit.core.shipment.RecordCodRemittance;
import dev.omskit.core.shipment.Shipment;
import dev.omskit.core.shipment.ShippingPayer;
import dev.omskit.core.shipment.TrackingResult;
import dev.omskit.core.shipment.TrackingStatus;
import dev.omskit.core.shipment.TrackingUpdate;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.ProductCatalog;
import dev.omskit.core.spi.SourcingStrategy;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingSourcing;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The lifecycles of scenario S5, shared by {@link LifecycleBenchmark} (in memory) and {@link
 * JdbcLifecycleBenchmark} (PostgreSQL): the schedule of kinds, the inputs of a ring of lifecycles, one
 * lifecycle through the facade, and the per-order checks. See {@link LifecycleBenchmark} for the steps and
 * the mix.
 */
final class LifecycleScript {
    /** Length of the schedule of lifecycle kinds. */
    static final int SCHEDULE = 20;

    /** What a lifecycle does. */
    enum Kind {
        /** Prepaid (paid) 1-line order, delivered: 10 commands. */
        PREPAID(10),
        /** Cash on delivery 1-line order, delivered, COD remitted: 11 commands. */
        COD(11),
        /** Cash on delivery 2-line order, one shipment per line, both delivered and remitted: 16 commands. */
        SPLIT(16),
        /** Prepaid 1-line order cancelled after the allocation: 3 commands. */
        CANCEL(3);

        /** Facade commands the lifecycle issues. */
        final int commands;

        Kind(int commands) {
            this.commands = commands;
        }
    }

    /** Where a lifecycle's time is recorded when timing phases (one per command kind, plus the completion read). */
    enum Phase {
        CAPTURE,
        ALLOCATE,
        CANCEL,
        RELEASE,
        ACCEPT,
        PICK,
        PACK,
        CREATE,
        LABEL,
        HAND_OVER,
        DELIVER,
        REMIT,
        COMPLETE
    }

    /** The kind of the lifecycle at position {@code k} of the ring: the exact 10% / 5% / 45% / 40% mix. */
    static Kind kind(int k) {
        int slot = k % SCHEDULE;
        if (slot == 9 || slot == 19) {
            return Kind.CANCEL;
        }
        if (slot == 4) {
            return Kind.SPLIT;
        }
        return slot % 2 == 0 ? Kind.COD : Kind.PREPAID;
    }

    /** {@code COMMANDS[slot]}: commands of the lifecycle at that position of the schedule. */
    static final int[] COMMANDS = new int[SCHEDULE];

    /** Commands per {@value #SCHEDULE} lifecycles (201: 10.05 per lifecycle). */
    static final int COMMANDS_PER_SCHEDULE = 201;

    static {
        int sum = 0;
        for (int s = 0; s < SCHEDULE; s++) {
            COMMANDS[s] = kind(s).commands;
            sum += COMMANDS[s];
        }
        if (sum != COMMANDS_PER_SCHEDULE) {
            throw new AssertionError("schedule has " + sum + " commands, documented " + COMMANDS_PER_SCHEDULE);
        }
    }

    private static final Actor WMS = Actor.system("wms");
    private static final Actor CARRIER = Actor.system("ghn-webhook");
    private static final Actor REMITTANCE = Actor.system("ghn-remittance");
    private static final String CARRIER_CODE = "GHN";
    private static final Parcel PARCEL = Parcel.of(1200, 30, 20, 10);
    private static final Money SHIPPING_FEE = OrderFixtures.vnd(30_000);

    private LifecycleScript() {}

    /**
     * The inputs of a ring of lifecycles: position {@code k} has the kind {@link #kind}{@code (k)}, a capture
     * with the channel order id {@code S5-<prefix><k>}, tracking numbers {@code T<prefix><k>A}/{@code B} and
     * remittance references {@code R-<prefix><k>-A}/{@code B}, over SKUs {@code 0 .. skus-1} of {@link
     * InventoryData}. The same seed gives the same orders.
     */
    static final class Inputs {
        final CaptureOrder[] captures;
        final Kind[] kinds;
        /** {@code tracking[k][i]}: tracking number of shipment i of the lifecycle at position k. */
        final String[][] tracking;

        final String[][] references;
        /** Units that position k delivers (0 for a cancelled order). */
        final int[] units;

        private Inputs(int size) {
            captures = new CaptureOrder[size];
            kinds = new Kind[size];
            tracking = new String[size][];
            references = new String[size][];
            units = new int[size];
        }

        int size() {
            return captures.length;
        }

        static Inputs build(int size, int skus, String prefix, long seed) {
            Inputs in = new Inputs(size);
            SplittableRandom random = new SplittableRandom(seed);
            VatRate vat = VatRate.percent(10);
            Address address = OrderFixtures.address();
            Buyer buyer = Buyer.builder()
                    .name("Nguyen Van An")
                    .email("an@example.com")
                    .build();
            Actor channel = Actor.channel(OrderFixtures.WEB.id());
            for (int k = 0; k < size; k++) {
                Kind kind = kind(k);
                int lines = kind == Kind.SPLIT ? 2 : 1;
                List<LineInput> lineInputs = new ArrayList<>(lines);
                int base = random.nextInt(skus);
                int total = 0;
                for (int j = 0; j < lines; j++) {
                    int s = (base + j * 397) % skus;
                    int q = 1 + random.nextInt(3);
                    total += q;
                    lineInputs.add(LineInput.builder()
                            .sku(InventoryData.sku(s).value())
                            .quantity(q)
                            .unitPrice(OrderFixtures.vnd(10_000L + 1_000L * random.nextInt(990)))
                            .vatRate(vat)
                            .build());
                }
                boolean cod = kind == Kind.COD || kind == Kind.SPLIT;
                CaptureOrder.Builder b = CaptureOrder.builder()
                        .tenant(OrderFixtures.TENANT)
                        .channel(OrderFixtures.WEB)
                        .channelOrderId("S5-" + prefix + k)
                        .actor(channel)
                        .buyer(buyer)
                        .shippingAddress(address)
                        .currency("VND")
                        .lines(lineInputs);
                if (cod) {
                    b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                            .paymentStatus(PaymentStates.COD_PENDING)
                            .shippingFee(SHIPPING_FEE);
                } else {
                    b.paymentStatus(PaymentStates.PAID);
                }
                in.captures[k] = b.build();
                in.kinds[k] = kind;
                in.units[k] = kind == Kind.CANCEL ? 0 : total;
                in.tracking[k] = new String[] {"T" + prefix + k + "A", "T" + prefix + k + "B"};
                in.references[k] = new String[] {"R-" + prefix + k + "-A", "R-" + prefix + k + "-B"};
            }
            return in;
        }
    }

    /**
     * Runs lifecycles through one facade and counts what they did. One per thread (not thread-safe); the
     * counters only grow.
     */
    static final class Runner {
        private final Instant now;
        long commands;
        long incomplete;
        long unitsDelivered;

        /** Nanoseconds per {@link Phase}; null when not timing. */
        long[] phaseNanos;

        /** {@code now}: when the carrier's update and the remittance say they happened. */
        Runner(Instant now) {
            this.now = now;
        }

        private long mark(int phase, long since) {
            if (phaseNanos == null) {
                return 0;
            }
            long t = System.nanoTime();
            phaseNanos[phase] += t - since;
            return t;
        }

        private long start() {
            return phaseNanos == null ? 0 : System.nanoTime();
        }

        /** The lifecycle at position {@code k} of {@code in}, every command of its kind, on {@code oms}. */
        Object run(Oms oms, Inputs in, int k) {
            Kind kind = in.kinds[k];
            long t = start();
            OrderId id = oms.capture(in.captures[k]).order().id();
            t = mark(Phase.CAPTURE.ordinal(), t);
            oms.allocate(OrderFixtures.TENANT, id, WMS);
            t = mark(Phase.ALLOCATE.ordinal(), t);
            commands += 2;
            if (kind == Kind.CANCEL) {
                Order cancelled = oms.cancel(CancelOrder.builder()
                        .tenant(OrderFixtures.TENANT)
                        .orderId(id)
                        .actor(WMS)
                        .reason("customer changed their mind")
                        .build());
                mark(Phase.CANCEL.ordinal(), t);
                commands++;
                return cancelled;
            }
            FulfilmentOutcome released = oms.fulfilment()
                    .release(ReleaseFulfilment.builder()
                            .tenant(OrderFixtures.TENANT)
                            .orderId(id)
                            .actor(WMS)
                            .build());
            t = mark(Phase.RELEASE.ordinal(), t);
            commands++;
            int shipmentIndex = 0;
            for (FulfilmentRequest request : released.requests()) {
                oms.fulfilment().accept(change(id, request));
                t = mark(Phase.ACCEPT.ordinal(), t);
                FulfilmentRequest picked = oms.fulfilment()
                        .confirmPick(ConfirmPick.builder()
                                .tenant(OrderFixtures.TENANT)
                                .orderId(id)
                                .actor(WMS)
                                .requestId(request.id())
                                .picked(request.requested())
                                .build())
                        .request();
                t = mark(Phase.PICK.ordinal(), t);
                oms.fulfilment().confirmPack(change(id, request));
                t = mark(Phase.PACK.ordinal(), t);
                commands += 3;
                if (kind == Kind.SPLIT) {
                    for (Map.Entry<LineId, Integer> line : picked.picked().entrySet()) {
                        ship(oms, in, k, id, picked, Map.of(line.getKey(), line.getValue()), shipmentIndex++, t);
                        t = start();
                    }
                } else {
                    ship(oms, in, k, id, picked, picked.picked(), shipmentIndex++, t);
                    t = start();
                }
            }
            boolean complete = oms.shipping().isComplete(OrderFixtures.TENANT, id);
            mark(Phase.COMPLETE.ordinal(), t);
            if (!complete) {
                incomplete++;
            }
            unitsDelivered += in.units[k];
            return complete;
        }

        private void ship(
                Oms oms,
                Inputs in,
                int k,
                OrderId id,
                FulfilmentRequest request,
                Map<LineId, Integer> lines,
                int i,
                long t) {
            Shipment created = oms.shipping()
                    .create(CreateShipment.builder()
                            .tenant(OrderFixtures.TENANT)
                            .orderId(id)
                            .actor(WMS)
                            .origin(request.location())
                            .fulfilmentRequest(request.id())
                            .lines(lines)
                            .addParcels(PARCEL)
                            .carrier(CARRIER_CODE)
                            .payer(ShippingPayer.BUYER)
                            .build());
            t = mark(Phase.CREATE.ordinal(), t);
            String number = in.tracking[k][i];
            oms.shipping()
                    .label(LabelShipment.builder()
                            .tenant(OrderFixtures.TENANT)
                            .orderId(id)
                            .actor(WMS)
                            .shipmentId(created.id())
                            .trackingNumber(number)
                            .build());
            t = mark(Phase.LABEL.ordinal(), t);
            oms.shipping()
                    .handOver(ChangeShipment.builder()
                            .tenant(OrderFixtures.TENANT)
                            .orderId(id)
                            .actor(WMS)
                            .shipmentId(created.id())
                            .build());
            t = mark(Phase.HAND_OVER.ordinal(), t);
            TrackingResult delivered = oms.shipping()
                    .applyTracking(TrackingUpdate.builder()
                            .tenant(OrderFixtures.TENANT)
                            .carrier(CARRIER_CODE)
                            .trackingNumber(number)
                            .status(TrackingStatus.DELIVERED)
                            .occurredAt(now)
                            .description("Delivered")
                            .actor(CARRIER)
                            .build());
            t = mark(Phase.DELIVER.ordinal(), t);
            commands += 4;
            if (in.kinds[k] != Kind.PREPAID) {
                oms.shipping()
                        .recordRemittance(RecordCodRemittance.builder()
                                .tenant(OrderFixtures.TENANT)
                                .orderId(id)
                                .actor(REMITTANCE)
                                .shipmentId(created.id())
                                .amount(created.codAmount())
                                .reference(in.references[k][i])
                                .remittedAt(now)
                                .build());
                mark(Phase.REMIT.ordinal(), t);
                commands++;
            }
            if (delivered == null) {
                BenchmarkData.check(false, "no tracking result for " + number);
            }
        }

        private static ChangeFulfilment change(OrderId id, FulfilmentRequest request) {
            return ChangeFulfilment.builder()
                    .tenant(OrderFixtures.TENANT)
                    .orderId(id)
                    .actor(WMS)
                    .requestId(request.id())
                    .build();
        }
    }

    /**
     * Checks the orders of positions {@code from .. to-1} of {@code in}, whose ids are {@code idPrefix + (k +
     * 1)}: the channel order id matches, a cancelled one has every unit {@code CANCELLED}, any other every
     * unit {@code DELIVERED} and one shipment (two for a split order).
     */
    static void verifyOrders(Oms oms, Inputs in, int from, int to, String idPrefix) {
        for (int k = from; k < to; k++) {
            OrderId id = OrderId.of(idPrefix + (k + 1));
            Order order = oms.get(OrderFixtures.TENANT, id);
            BenchmarkData.check(
                    order.channelOrderId().equals(in.captures[k].channelOrderId()),
                    "order " + id + " is " + order.channelOrderId());
            int total = 0;
            for (LineInput line : in.captures[k].lines()) {
                total += (int) line.quantity();
            }
            if (in.kinds[k] == Kind.CANCEL) {
                BenchmarkData.check(order.quantity(OrderStages.CANCELLED) == total, "order " + id + " not cancelled");
                continue;
            }
            BenchmarkData.check(order.quantity(OrderStages.DELIVERED) == total, "order " + id + " not all delivered");
            int expected = in.kinds[k] == Kind.SPLIT ? 2 : 1;
            int found = oms.shipping().shipments(OrderFixtures.TENANT, id).size();
            BenchmarkData.check(found == expected, "order " + id + " has " + found + " shipments");
        }
    }

    /** A catalogue of SKUs {@code 0 .. skus-1} of {@link InventoryData}. */
    static InMemoryProductCatalog catalog(int skus) {
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        for (int i = 0; i < skus; i++) {
            catalog.put(Product.builder()
                    .tenant(InventoryData.TENANT)
                    .sku(InventoryData.sku(i))
                    .name("Product " + i)
                    .build());
        }
        return catalog;
    }

    /**
     * Sets {@code b}'s sourcing: {@code default} (core's default strategy) or {@code routing} (oms-routing's
     * {@code RoutingSourcing} with {@code RoutingProfile.defaults()} over {@code catalog}).
     */
    static Oms.Builder sourcing(Oms.Builder b, String sourcing, ProductCatalog catalog, Clock clock) {
        if ("routing".equals(sourcing)) {
            SourcingStrategy routed = RoutingSourcing.builder(Router.builder()
                            .profile(RoutingProfile.defaults())
                            .clock(clock)
                            .build())
                    .catalog(catalog)
                    .build();
            return b.sourcing(routed);
        }
        if (!"default".equals(sourcing)) {
            throw new IllegalArgumentException("sourcing must be default or routing; was " + sourcing);
        }
        return b;
    }

    /**
     * After every lifecycle has ended: nothing reserved, no reservation open, every cell consistent and
     * nothing negative, and {@code expectedOnHand} units on hand over all cells (received - delivered).
     */
    static void verifyInventory(InventoryStore store, long expectedOnHand) {
        long reserved = 0;
        long onHand = 0;
        for (StockLevel level : store.allLevels(InventoryData.TENANT)) {
            InventoryData.checkCell(level);
            reserved += level.reserved();
            onHand += level.onHand();
        }
        BenchmarkData.check(reserved == 0, reserved + " units still reserved after every lifecycle ended");
        BenchmarkData.check(
                onHand == expectedOnHand,
                "on hand " + onHand + ", expected " + expectedOnHand + " (received - delivered)");
        int open = store.openReservations(InventoryData.TENANT).size();
        BenchmarkData.check(open == 0, open + " reservations still open");
    }
}
