package dev.omskit.benchmarks;

import dev.omskit.core.CaptureResult;
import dev.omskit.core.Oms;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * Scenario S1 of {@code docs/PERFORMANCE.md}, first version: one thread captures orders of 1 or 5 lines
 * over 10,000 SKUs (no hot spot), each with its own channel order id, through the {@link Oms} facade over
 * {@code InMemoryStorage} (no listeners, no metrics, {@code deliverEventsAfterCommit(false)}). Inventory
 * reservation arrives with a later issue; until then {@code ALLOCATE} stands in for "reserve". One
 * operation is one order.
 *
 * <ul>
 *   <li>{@link #captureAndAllocate}: {@code capture} then {@code transition(ALLOCATE)}: the S1 figure.
 *   <li>{@link #captureOnly}: {@code capture} alone.
 *   <li>{@link #baseline}: the limit of the same run on the same input: one hash lookup and one bounded
 *       decrement per line, one allocation per order.
 * </ul>
 *
 * <p><b>Inputs</b> are a ring of {@link #ordersPerStore} {@link CaptureOrder}s and the matching {@code
 * ALLOCATE} commands, built once per trial and never measured.
 *
 * <p><b>Bounded memory.</b> The storage and the facade are created anew before every iteration (JMH setup at {@code
 * Level.Iteration}), and again, inside the measurement, whenever the ring wraps (every {@link
 * #ordersPerStore} orders), so channel order ids stay unique in a store and the live set is bounded whatever
 * the machine's speed. A store keeps its orders and trails for its whole life, as an in-memory OMS does, so
 * the GC cost of keeping a working set of {@link #ordersPerStore} orders live is part of the figure (about
 * 1.5 KB per 1-line order and 4.7 KB per 5-line order once allocated: 25 to 77 MB at the default 16,384).
 * That cost grows with the working set ({@code -p ordersPerStore=131072} shows it; {@link RatioReport} runs
 * it as a separate series); a durable store would not pay it. The outbox is drained every {@value
 * #DRAIN_EVERY} orders through {@code storage.events().pending/acknowledge}, in the measured method, as a
 * relay with a no-op listener would: in S1 one thread records the events and someone must take them out,
 * otherwise the outbox grows without bound (the facade acknowledges nothing when it has no listeners).
 *
 * <p><b>Invariants</b>, checked after every iteration (a broken one throws and fails the run): the store
 * holds exactly the orders captured, with the channel order ids and order ids expected; every order is
 * {@code ALLOCATED} at version 2 after {@code captureAndAllocate} ({@code CREATED} at version 1 after
 * {@code captureOnly}) with a trail as long as its version; outbox pending plus drained equals the events
 * recorded; the baseline's stock never went negative and is conserved (initial + refills - reserved).
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -B -o -DskipTests install}):
 *
 * <pre>
 * # full profile: 3 forks x (6 x 2 s warm-up + 5 x 2 s measurement), fixed 2 GB heap, G1; about 1.5 min
 * # per benchmark and param, 9 min for the class (C2 needs about 8 s of warm-up on 2 cores);
 * # -prof gc adds gc.alloc.rate.norm (bytes per order)
 * java -jar oms-benchmarks/target/benchmarks.jar CaptureBenchmark -prof gc
 *
 * # smoke: seconds, numbers meaningless, invariants still checked
 * java -jar oms-benchmarks/target/benchmarks.jar CaptureBenchmark -f 1 -wi 1 -w 200ms -i 1 -r 200ms -foe true
 *
 * # figures with ratios and goals written to oms-benchmarks/results/
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RatioReport
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Threads(1)
@State(Scope.Thread)
public class CaptureBenchmark {
    /** Orders between two outbox drains. A power of two. */
    static final int DRAIN_EVERY = 1024;

    private static final OrderStatus ALLOCATED = OrderStatus.of(OrderStages.ALLOCATED);
    private static final OrderStatus CREATED = OrderStatus.of(OrderStages.CREATED);

    /** Lines per order. */
    @Param({"1", "5"})
    public int lines;

    /**
     * Size of the input ring, and the most orders one store holds before it is replaced: the working set
     * kept live.
     */
    @Param({"16384"})
    public int ordersPerStore;

    private CaptureOrder[] captures;
    /** The limit baseline on the same input. */
    private S1Baseline s1Baseline;

    private TransitionOrder[] allocations;

    private InMemoryStorage storage;
    private Oms oms;
    /** Orders captured into the current store; also the position in the ring. */
    private int captured;
    /** Orders of the current store allocated. */
    private int allocated;
    /** Outbox entries of the current store acknowledged so far. */
    private long drained;

    /** Builds the input ring and the baseline's stock; not measured. */
    @Setup(Level.Trial)
    public void setUpTrial() {
        captures = BenchmarkData.captures(ordersPerStore, lines, 42L + lines);
        allocations = BenchmarkData.transitions(ordersPerStore, OrderTriggers.ALLOCATE);
        s1Baseline = new S1Baseline(captures);
    }

    /** A fresh storage and facade for every iteration; not measured. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        newStore();
    }

    /** The S1 figure: capture an order, then allocate all of it. */
    @Benchmark
    public void captureAndAllocate(Blackhole bh) {
        int k = next();
        CaptureResult result = oms.capture(captures[k]);
        Order order = oms.transition(allocations[k]);
        allocated++;
        bh.consume(result);
        bh.consume(order);
        drainPeriodically();
    }

    /** Capture alone: validation, the order and its event, the commit. */
    @Benchmark
    public void captureOnly(Blackhole bh) {
        int k = next();
        bh.consume(oms.capture(captures[k]));
        drainPeriodically();
    }

    /**
     * The limit baseline of S1 on the same input: per line one hash lookup by SKU and one bounded decrement
     * (refilled when low, so it never runs dry), per order one small allocation.
     */
    @Benchmark
    public void baseline(Blackhole bh) {
        bh.consume(s1Baseline.next());
    }

    /** Checks the invariants of what this iteration did; throws (failing the run) when one is broken. */
    @TearDown(Level.Iteration)
    public void verify() {
        verifyStore(true);
        s1Baseline.verify(lines);
    }

    private int next() {
        if (captured == captures.length) {
            verifyStore(false);
            newStore();
        }
        return captured++;
    }

    private void drainPeriodically() {
        if ((captured & (DRAIN_EVERY - 1)) == 0) {
            drained += BenchmarkData.drainOutbox(storage.events());
        }
    }

    private void newStore() {
        storage = InMemoryStorage.create();
        oms = BenchmarkData.oms(storage);
        captured = 0;
        allocated = 0;
        drained = 0;
    }

    /**
     * The store holds exactly the orders captured, each with the status and version the benchmark leads to;
     * {@code deep} also reads every order and trail (at iteration end, outside the measurement). The cheap
     * check runs when the ring wraps, inside the measurement.
     */
    private void verifyStore(boolean deep) {
        if (captured == 0) {
            return;
        }
        int stored = storage.orderCount(OrderFixtures.TENANT);
        BenchmarkData.check(stored == captured, "store holds " + stored + " orders, " + captured + " were captured");
        BenchmarkData.check(
                allocated == 0 || allocated == captured,
                allocated + " of " + captured + " orders allocated; expected none or all");
        long events = (long) captured + allocated;
        long pending = storage.pendingOutboxSize();
        BenchmarkData.check(
                pending + drained == events,
                "outbox: " + pending + " pending + " + drained + " drained, but " + events + " events recorded");
        if (!deep) {
            return;
        }
        boolean allocating = allocated > 0;
        OrderStatus status = allocating ? ALLOCATED : CREATED;
        long version = allocating ? 2 : 1;
        for (int k = 0; k < captured; k++) {
            Optional<Order> found = oms.find(OrderFixtures.TENANT, allocations[k].orderId());
            BenchmarkData.check(found.isPresent(), "order " + allocations[k].orderId() + " is missing");
            Order order = found.get();
            BenchmarkData.check(
                    order.channelOrderId().equals(captures[k].channelOrderId()),
                    "order " + order.id() + " has channel order id " + order.channelOrderId() + ", expected "
                            + captures[k].channelOrderId());
            BenchmarkData.check(
                    order.status().equals(status) && order.version() == version,
                    "order " + order.id() + " is " + order.status() + " at version " + order.version() + ", expected "
                            + status + " at version " + version);
            BenchmarkData.check(
                    order.lines().size() == lines,
                    "order " + order.id() + " has " + order.lines().size() + " lines");
            int trail = storage.events().trail(OrderFixtures.TENANT, order.id()).size();
            BenchmarkData.check(trail == version, "order " + order.id() + " has " + trail + " events");
        }
    }
}
