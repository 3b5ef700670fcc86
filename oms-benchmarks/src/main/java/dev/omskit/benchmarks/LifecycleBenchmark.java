package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentOutcome;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
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
import dev.omskit.core.spi.SourcingStrategy;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingSourcing;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario S5 of {@code docs/PERFORMANCE.md}, in memory: one thread takes orders through their whole
 * lifecycle on an {@link Oms} over {@link InMemoryStorage} allocating from an {@link Inventory} over {@link
 * InMemoryInventoryStore} (oms-testkit), against the S1 baseline run once per command of the same lifecycles
 * in the same run. One operation is one lifecycle.
 *
 * <p><b>One lifecycle</b>, every step a facade call (a command), in the order of {@code docs/guides/shipping.md}:
 *
 * <ol>
 *   <li>{@code oms.capture} (web store, 1 line, or 2 lines for a split order);
 *   <li>{@code oms.allocate}: the sourcing ({@link #sourcing}: {@code default} = core's default {@code
 *       SourcingStrategy}, {@code routing} = oms-routing's {@code RoutingSourcing} with {@code
 *       RoutingProfile.defaults()}) and the reservation before the commit;
 *   <li>{@code fulfilment().release} (the default release: one request per location reserved at), {@code
 *       accept}, {@code confirmPick} (everything), {@code confirmPack};
 *   <li>{@code shipping().create} with one parcel, {@code label} (a tracking number unique within the
 *       store), {@code handOver} (units {@code RELEASED -> SHIPPED}, the reservation consumed), {@code
 *       applyTracking} {@code DELIVERED} (one carrier update; the shipment walks {@code DEPART}, {@code
 *       DISPATCH}, {@code DELIVER});
 *   <li>for a cash-on-delivery order, {@code recordRemittance} of the shipment's COD due ({@code MATCHED});
 *   <li>then {@code shipping().isComplete} (a read, not counted as a command) must say the order is complete.
 * </ol>
 *
 * <p><b>Mix</b>, exact, by the lifecycle's position in the input ring modulo {@value #SCHEDULE} (see {@link
 * #kind}): positions 9 and 19 (10%) are prepaid orders cancelled ({@code oms.cancel}) right after the
 * allocation (3 commands); position 4 (5%) is a COD order of two lines shipped in two shipments, one per line,
 * from the one request (capture, allocate, release, accept, pick, pack, then create, label, hand over,
 * deliver and remit twice: 16 commands); the other even positions (45%) are COD orders of one line (11
 * commands); the other odd positions (40%) prepaid, paid orders of one line (10 commands). That is {@value
 * #COMMANDS_PER_SCHEDULE} commands per {@value #SCHEDULE} lifecycles, {@code 10.05} per lifecycle.
 *
 * <ul>
 *   <li>{@link #lifecycle}: the S5 figure, lifecycles per second.
 *   <li>{@link #baseline}: S1's limit loop ({@link S1Baseline}: one hash lookup and one bounded decrement per
 *       line, one allocation per order, over 1-line orders of 10,000 SKUs) run once per command of the
 *       lifecycle at the same position of the same schedule, so one baseline operation is {@link
 *       #COMMANDS} of the matching lifecycle (10.05 on average).
 * </ul>
 *
 * <p><b>Stock.</b> {@value #SKUS} SKUs x {@value #LOCATIONS} shipping locations (priorities 1 to {@value
 * #LOCATIONS}), {@value #UNITS_PER_CELL} units per cell received in the trial set-up (a few hundred
 * milliseconds). A trial ships at most a few million units, a few thousand per SKU, so stock never runs out
 * and the inventory lives for the whole trial; every order is served whole by the priority-1 location.
 *
 * <p><b>Bounded order storage.</b> Inputs are a ring of {@link #ordersPerStore} captures (a multiple of
 * {@value #SCHEDULE}) with their tracking numbers and remittance references, built in the trial set-up;
 * when the ring wraps, inside the measurement, the order storage and facade are replaced (the old facade is
 * {@code close}d, detaching it from the inventory) and order ids get a new prefix ({@code g<n>-}), so order
 * and reservation ids never repeat within the inventory. Commands that name ids the facade assigns
 * (requests, shipments) are built in the measured method, as a caller would. Events stay in the outbox
 * ({@code deliverEventsAfterCommit(false)}) and are drained every {@value #DRAIN_EVERY} lifecycles.
 *
 * <p><b>Invariants</b>, checked after every iteration (a broken one throws and fails the run), and
 * per lifecycle where cheap: every non-cancelled order is complete ({@code isComplete}) with one shipment
 * per request (two for a split order), every cancelled one {@code CANCELLED}; exactly the scheduled
 * commands were issued; every order of the current store has all its units {@code DELIVERED} or {@code
 * CANCELLED}; over the inventory nothing is reserved, no reservation is open, every cell has {@code onHand
 * - reserved == available} and nothing negative, and on hand = received - units delivered; the baseline's
 * stock never went negative and is conserved.
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -B -o -DskipTests package -pl
 * oms-core,oms-routing,oms-testkit,oms-benchmarks}):
 *
 * <pre>
 * java -jar oms-benchmarks/target/benchmarks.jar LifecycleBenchmark -prof gc
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.LifecycleReport reduced
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.LifecycleReport phases
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseG1GC"})
@Threads(1)
public class LifecycleBenchmark {
    /** Length of the schedule of lifecycle kinds. */
    static final int SCHEDULE = 20;

    /** SKUs stocked. */
    static final int SKUS = 1_000;

    /** Shipping locations, priorities 1 to {@value}. */
    static final int LOCATIONS = 4;

    /** Units received of every SKU at every location in the trial set-up. */
    static final int UNITS_PER_CELL = 1_000_000;

    /** Lifecycles between two outbox drains. A power of two. */
    static final int DRAIN_EVERY = 256;

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

    static {
        for (int s = 0; s < SCHEDULE; s++) {
            COMMANDS[s] = kind(s).commands;
        }
    }

    /** Commands per {@value #SCHEDULE} lifecycles (201: 10.05 per lifecycle). */
    static final int COMMANDS_PER_SCHEDULE = 201;

    static {
        int sum = 0;
        for (int c : COMMANDS) {
            sum += c;
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

    /**
     * Bytes the benchmark thread allocated per operation between the end of the iteration set-up and the
     * start of the iteration's invariant checks ({@code bytesPerOp}), as in {@link OrderReservationBenchmark}:
     * {@code gc.alloc.rate.norm} without what the checks allocate. JMH's summary adds iterations up; {@link
     * LifecycleReport} prints the mean.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Allocation {
        /** Bytes per operation of the iteration. */
        public double bytesPerOp;
    }

    /** The lifecycles: inventory, order store and facade, input ring, counters. */
    @State(Scope.Thread)
    public static class Lifecycles {
        /** The sourcing: {@code default} (core's default strategy) or {@code routing} (oms-routing). */
        @Param({"default", "routing"})
        public String sourcing;

        /** Size of the input ring (a multiple of {@value #SCHEDULE}), and the most orders one store holds. */
        @Param({"20000"})
        public int ordersPerStore;

        private final ManualClock clock = ManualClock.at(BenchmarkData.EPOCH);
        private Instant now;
        private CaptureOrder[] captures;
        private Kind[] kinds;
        /** {@code tracking[k][i]}: tracking number of shipment i of the lifecycle at position k. */
        private String[][] tracking;

        private String[][] references;
        private int[] units;

        private InMemoryProductCatalog catalog;
        private InMemoryInventoryStore inventoryStore;
        private Inventory inventory;
        private InMemoryStorage storage;
        private Oms oms;
        private int generation = -1;
        private int captured;

        private long lifecycles;
        private long commands;
        private long expectedCommands;
        private long incomplete;
        private long unitsDelivered;
        private long shipments;
        /** Outbox entries acknowledged by the drains so far (all stores). */
        private long drained;

        private long lifecyclesAtIterationStart;
        private long allocatedAtIterationStart;
        private Allocation allocation;

        /** Nanoseconds per command position (see {@link LifecycleReport#phases}); null when not timing. */
        long[] phaseNanos;

        @Setup(Level.Trial)
        public void setUpTrial() {
            if (ordersPerStore % SCHEDULE != 0) {
                throw new IllegalArgumentException("ordersPerStore must be a multiple of " + SCHEDULE);
            }
            now = clock.instant();
            buildInputs();
            buildInventory();
            newStore();
        }

        @Setup(Level.Iteration)
        public void setUpIteration() {
            lifecyclesAtIterationStart = lifecycles;
            allocatedAtIterationStart = allocatedBytes();
        }

        private void buildInputs() {
            SplittableRandom random = new SplittableRandom(5L);
            VatRate vat = VatRate.percent(10);
            Address address = OrderFixtures.address();
            Buyer buyer = Buyer.builder()
                    .name("Nguyen Van An")
                    .email("an@example.com")
                    .build();
            Actor channel = Actor.channel(OrderFixtures.WEB.id());
            captures = new CaptureOrder[ordersPerStore];
            kinds = new Kind[ordersPerStore];
            tracking = new String[ordersPerStore][];
            references = new String[ordersPerStore][];
            units = new int[ordersPerStore];
            for (int k = 0; k < ordersPerStore; k++) {
                Kind kind = kind(k);
                int lines = kind == Kind.SPLIT ? 2 : 1;
                List<LineInput> in = new ArrayList<>(lines);
                int base = random.nextInt(SKUS);
                int total = 0;
                for (int j = 0; j < lines; j++) {
                    int s = (base + j * 397) % SKUS;
                    int q = 1 + random.nextInt(3);
                    total += q;
                    in.add(LineInput.builder()
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
                        .channelOrderId("S5-" + k)
                        .actor(channel)
                        .buyer(buyer)
                        .shippingAddress(address)
                        .currency("VND")
                        .lines(in);
                if (cod) {
                    b.paymentMethod(PaymentMethod.CASH_ON_DELIVERY)
                            .paymentStatus(PaymentStates.COD_PENDING)
                            .shippingFee(SHIPPING_FEE);
                } else {
                    b.paymentStatus(PaymentStates.PAID);
                }
                captures[k] = b.build();
                kinds[k] = kind;
                units[k] = kind == Kind.CANCEL ? 0 : total;
                tracking[k] = new String[] {"T" + k + "A", "T" + k + "B"};
                references[k] = new String[] {"R-" + k + "-A", "R-" + k + "-B"};
            }
        }

        private void buildInventory() {
            catalog = InMemoryProductCatalog.create();
            for (int i = 0; i < SKUS; i++) {
                catalog.put(Product.builder()
                        .tenant(InventoryData.TENANT)
                        .sku(InventoryData.sku(i))
                        .name("Product " + i)
                        .build());
            }
            inventoryStore = InMemoryInventoryStore.create();
            inventory = Inventory.builder()
                    .store(inventoryStore)
                    .catalog(catalog)
                    .clock(clock)
                    .idGenerator(SequentialIds.create())
                    .build();
            for (int l = 0; l < LOCATIONS; l++) {
                inventory.saveLocation(Location.builder()
                        .tenant(InventoryData.TENANT)
                        .id(InventoryData.location(l))
                        .name("Warehouse " + l)
                        .kind(LocationKind.WAREHOUSE_MAIN)
                        .address(OrderFixtures.address())
                        .capabilities(Set.of(LocationCapability.SHIPS))
                        .priority(l + 1)
                        .build());
            }
            InventoryData.stockEverywhere(inventory, SKUS, LOCATIONS, UNITS_PER_CELL);
        }

        private void newStore() {
            if (oms != null) {
                oms.close();
            }
            generation++;
            storage = InMemoryStorage.create();
            Oms.Builder b = Oms.builder()
                    .storage(storage)
                    .inventory(inventory)
                    .clock(clock)
                    .idGenerator(SequentialIds.withPrefix("g" + generation + "-"))
                    .config(OmsConfig.builder().deliverEventsAfterCommit(false).build());
            if ("routing".equals(sourcing)) {
                SourcingStrategy routed = RoutingSourcing.builder(Router.builder()
                                .profile(RoutingProfile.defaults())
                                .clock(clock)
                                .build())
                        .catalog(catalog)
                        .build();
                b.sourcing(routed);
            } else if (!"default".equals(sourcing)) {
                throw new IllegalArgumentException("sourcing must be default or routing; was " + sourcing);
            }
            oms = b.build();
            captured = 0;
        }

        /** One lifecycle: the next of the ring, through every command of its kind. */
        Object next() {
            if (captured == ordersPerStore) {
                verifyStore(false);
                newStore();
            }
            int k = captured++;
            Object last = run(k);
            lifecycles++;
            expectedCommands += kinds[k].commands;
            if ((lifecycles & (DRAIN_EVERY - 1)) == 0) {
                drained += BenchmarkData.drainOutbox(storage.events());
            }
            return last;
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

        private Object run(int k) {
            Kind kind = kinds[k];
            long t = start();
            OrderId id = oms.capture(captures[k]).order().id();
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
                        ship(k, id, picked, Map.of(line.getKey(), line.getValue()), shipmentIndex++, kind, t);
                        t = start();
                    }
                } else {
                    ship(k, id, picked, picked.picked(), shipmentIndex++, kind, t);
                    t = start();
                }
            }
            boolean complete = oms.shipping().isComplete(OrderFixtures.TENANT, id);
            mark(Phase.COMPLETE.ordinal(), t);
            if (!complete) {
                incomplete++;
            }
            unitsDelivered += units[k];
            return complete;
        }

        private void ship(
                int k, OrderId id, FulfilmentRequest request, Map<LineId, Integer> lines, int i, Kind kind, long t) {
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
            String number = tracking[k][i];
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
            shipments++;
            if (kind != Kind.PREPAID) {
                oms.shipping()
                        .recordRemittance(RecordCodRemittance.builder()
                                .tenant(OrderFixtures.TENANT)
                                .orderId(id)
                                .actor(REMITTANCE)
                                .shipmentId(created.id())
                                .amount(created.codAmount())
                                .reference(references[k][i])
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

        @TearDown(Level.Iteration)
        public void verify() {
            long allocated = allocatedBytes() - allocatedAtIterationStart;
            long ops = lifecycles - lifecyclesAtIterationStart;
            if (allocation != null && ops > 0) {
                allocation.bytesPerOp = (double) allocated / ops;
            }
            BenchmarkData.check(incomplete == 0, incomplete + " delivered lifecycles not complete");
            BenchmarkData.check(
                    commands == expectedCommands,
                    commands + " commands issued, the schedule has " + expectedCommands
                            + " (a release made more than one request?)");
            verifyStore(true);
            verifyInventory();
        }

        /** The store holds the orders captured; {@code deep} also reads every order's units and shipments. */
        private void verifyStore(boolean deep) {
            int stored = storage.orderCount(OrderFixtures.TENANT);
            BenchmarkData.check(stored == captured, "store holds " + stored + " orders, " + captured + " captured");
            if (!deep) {
                return;
            }
            for (int k = 0; k < captured; k++) {
                OrderId id = OrderId.of("g" + generation + "-" + (k + 1));
                Order order = oms.get(OrderFixtures.TENANT, id);
                BenchmarkData.check(
                        order.channelOrderId().equals(captures[k].channelOrderId()),
                        "order " + id + " is " + order.channelOrderId());
                int total = 0;
                for (LineInput line : captures[k].lines()) {
                    total += (int) line.quantity();
                }
                if (kinds[k] == Kind.CANCEL) {
                    BenchmarkData.check(
                            order.quantity(OrderStages.CANCELLED) == total, "order " + id + " not cancelled");
                    continue;
                }
                BenchmarkData.check(
                        order.quantity(OrderStages.DELIVERED) == total, "order " + id + " not all delivered");
                int expected = kinds[k] == Kind.SPLIT ? 2 : 1;
                int found = oms.shipping().shipments(OrderFixtures.TENANT, id).size();
                BenchmarkData.check(found == expected, "order " + id + " has " + found + " shipments");
            }
        }

        /** Nothing reserved or open; every cell consistent; on hand = received - delivered. */
        private void verifyInventory() {
            long reserved = 0;
            long onHand = 0;
            for (StockLevel level : inventoryStore.allLevels(InventoryData.TENANT)) {
                if (level.onHand() < 0
                        || level.reserved() < 0
                        || level.available() < 0
                        || level.onHand() - level.reserved() != level.available()) {
                    InventoryData.checkLevel(level);
                    BenchmarkData.check(false, "inconsistent cell: " + level);
                }
                reserved += level.reserved();
                onHand += level.onHand();
            }
            BenchmarkData.check(reserved == 0, reserved + " units still reserved after every lifecycle ended");
            long expected = (long) SKUS * LOCATIONS * UNITS_PER_CELL - unitsDelivered;
            BenchmarkData.check(
                    onHand == expected, "on hand " + onHand + ", expected " + expected + " (received - delivered)");
            int open = inventoryStore.openReservations(InventoryData.TENANT).size();
            BenchmarkData.check(open == 0, open + " reservations still open");
        }

        long lifecycles() {
            return lifecycles;
        }

        long commands() {
            return commands;
        }

        long drained() {
            return drained;
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

    /** The baseline: S1's raw loop, once per command of the lifecycle at the same schedule position. */
    @State(Scope.Thread)
    public static class Baseline {
        private S1Baseline s1;
        private int position;
        private long ops;
        private long opsAtIterationStart;
        private long allocatedAtIterationStart;
        private Allocation allocation;

        @Setup(Level.Trial)
        public void setUpTrial() {
            s1 = new S1Baseline(BenchmarkData.captures(4096, 1, 43L));
        }

        @Setup(Level.Iteration)
        public void setUpIteration() {
            opsAtIterationStart = ops;
            allocatedAtIterationStart = allocatedBytes();
        }

        @TearDown(Level.Iteration)
        public void verify() {
            long allocated = allocatedBytes() - allocatedAtIterationStart;
            long n = ops - opsAtIterationStart;
            if (allocation != null && n > 0) {
                allocation.bytesPerOp = (double) allocated / n;
            }
            s1.verify(1);
        }
    }

    /** The S5 figure: one whole lifecycle. */
    @Benchmark
    public void lifecycle(Lifecycles s, Allocation counters, Blackhole bh) {
        s.allocation = counters;
        bh.consume(s.next());
    }

    /** The limit baseline: the S1 loop once per command of the lifecycle at the same schedule position. */
    @Benchmark
    public void baseline(Baseline b, Allocation counters, Blackhole bh) {
        b.allocation = counters;
        int p = b.position;
        b.position = p + 1 == SCHEDULE ? 0 : p + 1;
        for (int i = 0, n = COMMANDS[p]; i < n; i++) {
            bh.consume(b.s1.next());
        }
        b.ops++;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
