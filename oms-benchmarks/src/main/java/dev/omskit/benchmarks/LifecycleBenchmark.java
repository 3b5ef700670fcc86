package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.lang.management.ManagementFactory;
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
 * <p><b>Mix</b>, exact, by the lifecycle's position in the input ring modulo {@value LifecycleScript#SCHEDULE} (see {@link
 * LifecycleScript#kind}): positions 9 and 19 (10%) are prepaid orders cancelled ({@code oms.cancel}) right after the
 * allocation (3 commands); position 4 (5%) is a COD order of two lines shipped in two shipments, one per line,
 * from the one request (capture, allocate, release, accept, pick, pack, then create, label, hand over,
 * deliver and remit twice: 16 commands); the other even positions (45%) are COD orders of one line (11
 * commands); the other odd positions (40%) prepaid, paid orders of one line (10 commands). That is {@value
 * LifecycleScript#COMMANDS_PER_SCHEDULE} commands per {@value LifecycleScript#SCHEDULE} lifecycles, {@code 10.05} per lifecycle.
 *
 * <ul>
 *   <li>{@link #lifecycle}: the S5 figure, lifecycles per second.
 *   <li>{@link #baseline}: S1's limit loop ({@link S1Baseline}: one hash lookup and one bounded decrement per
 *       line, one allocation per order, over 1-line orders of 10,000 SKUs) run once per command of the
 *       lifecycle at the same position of the same schedule, so one baseline operation is {@link
 *       LifecycleScript#COMMANDS} of the matching lifecycle (10.05 on average).
 * </ul>
 *
 * <p><b>Stock.</b> {@value #SKUS} SKUs x {@value #LOCATIONS} shipping locations (priorities 1 to {@value
 * #LOCATIONS}), {@value #UNITS_PER_CELL} units per cell received in the trial set-up (a few hundred
 * milliseconds). A trial ships at most a few million units, a few thousand per SKU, so stock never runs out
 * and the inventory lives for the whole trial; every order is served whole by the priority-1 location.
 *
 * <p><b>Bounded order storage.</b> Inputs are a ring of {@link #ordersPerStore} captures (a multiple of
 * {@value LifecycleScript#SCHEDULE}) with their tracking numbers and remittance references, built in the trial set-up;
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
    /** SKUs stocked. */
    static final int SKUS = 1_000;

    /** Shipping locations, priorities 1 to {@value}. */
    static final int LOCATIONS = 4;

    /** Units received of every SKU at every location in the trial set-up. */
    static final int UNITS_PER_CELL = 1_000_000;

    /** Lifecycles between two outbox drains. A power of two. */
    static final int DRAIN_EVERY = 256;

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

        /** Size of the input ring (a multiple of {@value LifecycleScript#SCHEDULE}), and the most orders one store holds. */
        @Param({"20000"})
        public int ordersPerStore;

        private final ManualClock clock = ManualClock.at(BenchmarkData.EPOCH);
        private LifecycleScript.Inputs inputs;
        private InMemoryProductCatalog catalog;
        private InMemoryInventoryStore inventoryStore;
        private Inventory inventory;
        private InMemoryStorage storage;
        private Oms oms;
        private int generation = -1;
        private int captured;

        private long lifecycles;
        private long expectedCommands;
        private LifecycleScript.Runner runner;
        /** Outbox entries acknowledged by the drains so far (all stores). */
        private long drained;

        private long lifecyclesAtIterationStart;
        private long allocatedAtIterationStart;
        private Allocation allocation;

        @Setup(Level.Trial)
        public void setUpTrial() {
            if (ordersPerStore % LifecycleScript.SCHEDULE != 0) {
                throw new IllegalArgumentException("ordersPerStore must be a multiple of " + LifecycleScript.SCHEDULE);
            }
            inputs = LifecycleScript.Inputs.build(ordersPerStore, SKUS, "", 5L);
            runner = new LifecycleScript.Runner(clock.instant());
            buildInventory();
            newStore();
        }

        @Setup(Level.Iteration)
        public void setUpIteration() {
            lifecyclesAtIterationStart = lifecycles;
            allocatedAtIterationStart = allocatedBytes();
        }

        private void buildInventory() {
            catalog = LifecycleScript.catalog(SKUS);
            inventoryStore = InMemoryInventoryStore.create();
            inventory = Inventory.builder()
                    .store(inventoryStore)
                    .catalog(catalog)
                    .clock(clock)
                    .idGenerator(SequentialIds.create())
                    .build();
            InventoryData.shippingWarehouses(inventory, SKUS, LOCATIONS, UNITS_PER_CELL);
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
            LifecycleScript.sourcing(b, sourcing, catalog, clock);
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
            Object last = runner.run(oms, inputs, k);
            lifecycles++;
            expectedCommands += inputs.kinds[k].commands;
            if ((lifecycles & (DRAIN_EVERY - 1)) == 0) {
                drained += BenchmarkData.drainOutbox(storage.events());
            }
            return last;
        }

        @TearDown(Level.Iteration)
        public void verify() {
            long allocated = allocatedBytes() - allocatedAtIterationStart;
            long ops = lifecycles - lifecyclesAtIterationStart;
            if (allocation != null && ops > 0) {
                allocation.bytesPerOp = (double) allocated / ops;
            }
            BenchmarkData.check(runner.incomplete == 0, runner.incomplete + " delivered lifecycles not complete");
            BenchmarkData.check(
                    runner.commands == expectedCommands,
                    runner.commands + " commands issued, the schedule has " + expectedCommands
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
            LifecycleScript.verifyOrders(oms, inputs, 0, captured, "g" + generation + "-");
        }

        private void verifyInventory() {
            LifecycleScript.verifyInventory(
                    inventoryStore, (long) SKUS * LOCATIONS * UNITS_PER_CELL - runner.unitsDelivered);
        }

        long lifecycles() {
            return lifecycles;
        }

        long commands() {
            return runner.commands;
        }

        /** Starts (an array of {@link LifecycleScript.Phase} length) or stops (null) timing every command. */
        void timePhases(long[] nanos) {
            runner.phaseNanos = nanos;
        }

        long drained() {
            return drained;
        }
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
        b.position = p + 1 == LifecycleScript.SCHEDULE ? 0 : p + 1;
        for (int i = 0, n = LifecycleScript.COMMANDS[p]; i < n; i++) {
            bh.consume(b.s1.next());
        }
        b.ops++;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
