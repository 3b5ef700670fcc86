package dev.omskit.benchmarks;

import dev.omskit.core.CaptureResult;
import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.LineInput;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Scenario S1 of {@code docs/PERFORMANCE.md} as stated: one thread captures orders of 1 or 5 lines over
 * 10,000 SKUs (no hot spot, the same input ring as {@link CaptureBenchmark}) and allocates each through an
 * {@link Oms} built with an {@link Inventory}: {@code ALLOCATE} sources the units (the default {@code
 * SourcingStrategy.preferSingleLocation()}) over {@link #locations} locations, all active with {@code
 * SHIPS}, priorities 1 to {@code locations}, and reserves them before the order commits; after the commit
 * the hold is merged into the order's one reservation {@code order-<orderId>} and confirmed (the orders are
 * paid). Events are recorded in the outbox. One operation is one order.
 *
 * <ul>
 *   <li>{@link #captureAndReserve}: {@code capture} then {@code transition(ALLOCATE)}: the S1 figure.
 *   <li>{@link #baseline}: the limit of the same run on the same input, as in {@link CaptureBenchmark}: one
 *       hash lookup and one bounded decrement per line, one allocation per order.
 * </ul>
 *
 * <p><b>Stock.</b> A fresh {@code InMemoryInventoryStore} receives {@value #UNITS_PER_CELL} units of every
 * SKU at every location, in receipts of 500 lines (10,000 SKUs x 100 locations: 1,000,000 cells, 2,000
 * receipts, a few seconds). No run comes near running out (an inventory serves at most {@value #GENERATIONS}
 * x {@link #ordersPerStore} orders of at most 15 units spread over 10,000 SKUs), so every order is served
 * whole by the priority-1 location, as the strategy prefers; the sourcing still reads the 100 levels of
 * each SKU and the 100 locations. The inventory is built in the trial set-up and lives across iterations;
 * it is rebuilt in an iteration set-up only when the next iteration could take it past {@value
 * #GENERATIONS} store generations (in a 10-iteration profile, from about 10,000 orders/s). Why not before every iteration: JMH's
 * GC profiler counts what an iteration set-up allocates in the iteration's {@code gc.alloc.rate.norm}, and
 * receiving 1,000,000 cells allocates about 2 GB, which added about 90 KB to every order of a first
 * version of this benchmark (and its garbage was collected during the measurement). For the same reason
 * the checks never build a message unless an invariant is broken (building them eagerly over 1,000,000
 * cells allocated some 900 MB an iteration), and {@link Allocation} reports the measured method's own
 * bytes per order beside {@code gc.alloc.rate.norm}. A rebuild is printed
 * ({@code S1: inventory rebuilt}) so such an iteration can be spotted.
 *
 * <p><b>Inputs</b> are the ring of {@link #ordersPerStore} captures and, for each of {@value #GENERATIONS}
 * store generations, the matching {@code ALLOCATE} commands, all built in the trial set-up.
 *
 * <p><b>Bounded order storage.</b> As in {@link CaptureBenchmark}, the order storage and facade are created
 * anew whenever the ring wraps, inside the measurement; each generation's facade has its own order id prefix
 * ({@code g<n>-}), so order ids, and so the reservation ids {@code order-<orderId>}, never repeat within one
 * inventory. Caveat (a problem of the code under test): {@code Oms.Builder.build()} registers the facade as
 * a listener of the inventory and there is no way to remove it, so every replaced facade (and its storage)
 * stays reachable from the inventory as long as the inventory lives; with the inventory's own reservation
 * records, the live set grows to at most {@value #GENERATIONS} stores' worth of orders (about 1.2 GB for
 * 5-line orders), and the fixed 4 GB heap is there for that.
 *
 * <p><b>Invariants</b>, checked after every iteration (a broken one throws and fails the run): the sum of
 * {@code reserved} over every cell equals the units of the orders captured and allocated since the
 * inventory was built, and there is one open reservation per order; no counter is negative and {@code onHand - reserved ==
 * available} in every cell; the current store holds exactly the orders captured (also checked, cheaply,
 * whenever the ring wraps), each {@code ALLOCATED} with its reservation {@code order-<id>} holding all its
 * units; the baseline's stock never went negative and is conserved.
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -B -o -DskipTests install}):
 *
 * <pre>
 * java -jar oms-benchmarks/target/benchmarks.jar OrderReservationBenchmark -prof gc
 * java -jar oms-benchmarks/target/benchmarks.jar OrderReservationBenchmark -f 1 -wi 3 -w 2s -i 3 -r 2s -prof gc
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.InventoryReport s1-reduced
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
@State(Scope.Thread)
public class OrderReservationBenchmark {
    /** Units received of every SKU at every location before each iteration. */
    static final int UNITS_PER_CELL = 1_000_000;

    /** Store generations one inventory serves before it is rebuilt. */
    static final int GENERATIONS = 16;

    /** Orders between two outbox drains. A power of two. */
    static final int DRAIN_EVERY = 1024;

    private static final OrderStatus ALLOCATED = OrderStatus.of(OrderStages.ALLOCATED);
    private static final Actor SYSTEM = Actor.system("benchmark");

    /** Lines per order. */
    @Param({"1", "5"})
    public int lines;

    /** Locations, all shipping, priorities 1 to {@code locations}; the smoke test passes a small number. */
    @Param({"100"})
    public int locations;

    /** Size of the input ring, and the most orders one order store holds before it is replaced. */
    @Param({"16384"})
    public int ordersPerStore;

    private CaptureOrder[] captures;
    /** The limit baseline on the same input. */
    private S1Baseline s1Baseline;
    /** {@code unitsBefore[k]}: units of captures 0 to k - 1 of the ring. */
    private long[] unitsBefore;
    /** The ALLOCATE commands of each store generation, built in the trial set-up. */
    private final List<TransitionOrder[]> generations = new ArrayList<>();

    private InMemoryInventoryStore inventoryStore;
    private Inventory inventory;
    private InMemoryStorage storage;
    private Oms oms;
    private TransitionOrder[] allocations;
    /** Store generation within the inventory, from 0. */
    private int generation;
    /** Orders captured into the current store; also the position in the ring. */
    private int captured;
    /** Outbox entries of the current store acknowledged so far. */
    private long drained;
    /** Orders in the inventory when the iteration started, and the most one iteration added so far. */
    private long ordersAtIterationStart;

    private long mostOrdersPerIteration;

    /**
     * Bytes the benchmark thread allocated per operation between the end of the iteration set-up and the
     * start of the iteration's invariant checks, as a JMH secondary result ({@code bytesPerOp}): {@code
     * gc.alloc.rate.norm} without what the set-up and the checks allocate (JMH counts both in the
     * iteration; the checks read all 1,000,000 cells, some 50 MB an iteration, 1 to 3 KB per order at the
     * present rate). JMH's summary line adds the iterations up ({@code EVENTS} counters are summed); the
     * figure is the mean over iterations, which {@link InventoryReport} prints.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Allocation {
        /** Bytes per operation of the iteration, written by {@link OrderReservationBenchmark#verify}. */
        public double bytesPerOp;
    }

    private Allocation allocation;
    private long allocatedAtIterationStart;
    private long opsThisIteration;

    /** Builds the input ring and the baseline's stock; not measured. */
    @Setup(Level.Trial)
    public void setUpTrial() {
        captures = BenchmarkData.captures(ordersPerStore, lines, 42L + lines);
        unitsBefore = new long[captures.length + 1];
        for (int k = 0; k < captures.length; k++) {
            long units = 0;
            for (LineInput line : captures[k].lines()) {
                units += line.quantity();
            }
            unitsBefore[k + 1] = unitsBefore[k] + units;
        }
        s1Baseline = new S1Baseline(captures);
        for (int g = 0; g < GENERATIONS; g++) {
            generations.add(allocationsOf(g));
        }
        newInventory();
    }

    /**
     * Rebuilds the inventory only when the next iteration could take it past {@value #GENERATIONS}
     * generations (the busiest iteration so far, twice, plus one store); not measured.
     */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        long capacity = (long) GENERATIONS * captures.length;
        if (ordersThisInventory() + 2 * mostOrdersPerIteration + captures.length > capacity) {
            System.out.println("S1: inventory rebuilt after " + ordersThisInventory() + " orders");
            newInventory();
        }
        ordersAtIterationStart = ordersThisInventory();
        opsThisIteration = 0;
        allocatedAtIterationStart = allocatedBytes();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** A fresh inventory with every cell stocked, a fresh order store and facade. */
    private void newInventory() {
        inventoryStore = null;
        inventory = null;
        storage = null;
        oms = null;
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        for (int i = 0; i < BenchmarkData.SKUS; i++) {
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
                .clock(ManualClock.at(BenchmarkData.EPOCH))
                .idGenerator(SequentialIds.create())
                .build();
        InventoryData.shippingWarehouses(inventory, BenchmarkData.SKUS, locations, UNITS_PER_CELL);
        generation = -1;
        newStore();
    }

    /** The S1 figure: capture an order, then allocate (source and reserve) all of it. */
    @Benchmark
    public void captureAndReserve(Blackhole bh, Allocation counters) {
        allocation = counters;
        int k = next();
        CaptureResult result = oms.capture(captures[k]);
        Order order = oms.transition(allocations[k]);
        bh.consume(result);
        bh.consume(order);
        if ((captured & (DRAIN_EVERY - 1)) == 0) {
            drained += BenchmarkData.drainOutbox(storage.events());
        }
    }

    /**
     * The limit baseline of S1 on the same input, as in {@link CaptureBenchmark#baseline}: per line one hash
     * lookup by SKU and one bounded decrement (refilled when low), per order one small allocation.
     */
    @Benchmark
    public void baseline(Blackhole bh, Allocation counters) {
        allocation = counters;
        opsThisIteration++;
        bh.consume(s1Baseline.next());
    }

    /** Checks the invariants of what this iteration did; throws (failing the run) when one is broken. */
    @TearDown(Level.Iteration)
    public void verify() {
        long allocated = allocatedBytes() - allocatedAtIterationStart;
        long ops = opsThisIteration + ordersThisInventory() - ordersAtIterationStart;
        if (allocation != null && ops > 0) {
            allocation.bytesPerOp = (double) allocated / ops;
        }
        mostOrdersPerIteration = Math.max(mostOrdersPerIteration, ordersThisInventory() - ordersAtIterationStart);
        verifyStore(true);
        verifyInventory();
        s1Baseline.verify(lines);
    }

    private int next() {
        if (captured == captures.length) {
            verifyStore(false);
            newStore();
        }
        return captured++;
    }

    private void newStore() {
        generation++;
        if (generation == generations.size()) {
            // only when one iteration outran the rebuild rule: measured, and said so
            System.out.println("S1: ALLOCATE commands of generation " + generation + " built in the measurement");
            generations.add(allocationsOf(generation));
        }
        allocations = generations.get(generation);
        storage = InMemoryStorage.create();
        oms = Oms.builder()
                .storage(storage)
                .inventory(inventory)
                .clock(ManualClock.at(BenchmarkData.EPOCH))
                .idGenerator(SequentialIds.withPrefix(prefix(generation)))
                .config(OmsConfig.builder().deliverEventsAfterCommit(false).build())
                .build();
        captured = 0;
        drained = 0;
    }

    private static String prefix(int generation) {
        return "g" + generation + "-";
    }

    private TransitionOrder[] allocationsOf(int generation) {
        TransitionOrder[] ring = new TransitionOrder[ordersPerStore];
        for (int k = 0; k < ordersPerStore; k++) {
            ring[k] = TransitionOrder.builder()
                    .tenant(OrderFixtures.TENANT)
                    .orderId(OrderId.of(prefix(generation) + (k + 1)))
                    .actor(SYSTEM)
                    .trigger(OrderTriggers.ALLOCATE)
                    .build();
        }
        return ring;
    }

    /** Orders captured (and allocated) by {@link #captureAndReserve} into this inventory, and their units. */
    private long ordersThisInventory() {
        return (long) generation * captures.length + captured;
    }

    private long unitsThisInventory() {
        return generation * unitsBefore[captures.length] + unitsBefore[captured];
    }

    /**
     * The current store holds exactly the orders captured; {@code deep} (at iteration end, outside the
     * measurement) also reads every order, its trail and its reservation.
     */
    private void verifyStore(boolean deep) {
        if (captured == 0) {
            return;
        }
        int stored = storage.orderCount(OrderFixtures.TENANT);
        BenchmarkData.check(stored == captured, "store holds " + stored + " orders, " + captured + " were captured");
        long pending = storage.pendingOutboxSize();
        BenchmarkData.check(
                pending + drained == 2L * captured,
                "outbox: " + pending + " pending + " + drained + " drained, but " + 2L * captured + " events recorded");
        if (!deep) {
            return;
        }
        for (int k = 0; k < captured; k++) {
            OrderId id = allocations[k].orderId();
            Optional<Order> found = oms.find(OrderFixtures.TENANT, id);
            BenchmarkData.check(found.isPresent(), "order " + id + " is missing");
            Order order = found.get();
            BenchmarkData.check(
                    order.channelOrderId().equals(captures[k].channelOrderId()),
                    "order " + id + " has channel order id " + order.channelOrderId());
            BenchmarkData.check(
                    order.status().equals(ALLOCATED), "order " + id + " is " + order.status() + ", not ALLOCATED");
            int trail = storage.events().trail(OrderFixtures.TENANT, id).size();
            BenchmarkData.check(trail == order.version(), "order " + id + " has " + trail + " events");
            Optional<Reservation> r = inventory.reservation(OrderFixtures.TENANT, ReservationId.of("order-" + id));
            BenchmarkData.check(r.isPresent(), "order " + id + " has no reservation order-" + id);
            long units = unitsBefore[k + 1] - unitsBefore[k];
            BenchmarkData.check(
                    r.get().openUnits() == units,
                    "reservation of order " + id + " holds " + r.get().openUnits() + " units, the order has " + units);
        }
    }

    /** Every cell consistent, and the units reserved are exactly those of the orders allocated. */
    private void verifyInventory() {
        long reserved = 0;
        for (StockLevel level : inventoryStore.allLevels(InventoryData.TENANT)) {
            InventoryData.checkCell(level);
            reserved += level.reserved();
        }
        long expected = unitsThisInventory();
        BenchmarkData.check(
                reserved == expected,
                "cells hold " + reserved + " units reserved, the " + ordersThisInventory()
                        + " orders allocated into this inventory have " + expected);
        int open = inventoryStore.openReservations(InventoryData.TENANT).size();
        BenchmarkData.check(
                open == ordersThisInventory(),
                open + " open reservations, " + ordersThisInventory() + " orders allocated");
    }
}
