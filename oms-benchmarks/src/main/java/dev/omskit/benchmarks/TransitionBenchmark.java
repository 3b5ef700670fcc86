package dev.omskit.benchmarks;

import dev.omskit.core.Oms;
import dev.omskit.core.OmsConfig;
import dev.omskit.core.command.CaptureOrder;
import dev.omskit.core.command.TransitionOrder;
import dev.omskit.core.internal.Decision;
import dev.omskit.core.internal.OrderDecider;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderLifecycle;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Instant;
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
 * The cost of one lifecycle transition on an existing order: {@code ALLOCATE} and {@code DEALLOCATE} in
 * turn on a pool of captured orders, visited round robin. One operation is one transition.
 *
 * <ul>
 *   <li>{@link #facade}: {@code Oms.transition} over {@code InMemoryStorage}: load, decide, evolve, commit
 *       with version check, trail and outbox.
 *   <li>{@link #decider}: the baseline, the pure {@link OrderDecider#transition} on the same orders kept in
 *       an array (no storage, no pipeline). The gap between the two is the storage and pipeline overhead.
 * </ul>
 *
 * <p>The pool is captured in a setup at {@code Level.Iteration} into a fresh store (not measured), so trails
 * grow only during one iteration; the outbox is drained every {@value CaptureBenchmark#DRAIN_EVERY}
 * transitions in the measured method, as in {@link CaptureBenchmark}. After every iteration each order must
 * be at version 1 + the transitions applied to it, {@code ALLOCATED} after an odd number and {@code
 * CREATED} after an even one, with a trail as long as its version (the facade), or the same version and
 * status (the decider); a broken invariant throws and fails the run.
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -B -o -DskipTests install}):
 *
 * <pre>
 * # full profile: 3 forks x (6 x 2 s warm-up + 5 x 2 s measurement), fixed 2 GB heap, G1; about 6 min
 * java -jar oms-benchmarks/target/benchmarks.jar TransitionBenchmark -prof gc
 *
 * # smoke
 * java -jar oms-benchmarks/target/benchmarks.jar TransitionBenchmark -f 1 -wi 1 -w 200ms -i 1 -r 200ms -foe true
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
public class TransitionBenchmark {
    private static final OrderStatus ALLOCATED = OrderStatus.of(OrderStages.ALLOCATED);
    private static final OrderStatus CREATED = OrderStatus.of(OrderStages.CREATED);

    /** Lines per order. */
    @Param({"1", "5"})
    public int lines;

    /** Orders in the pool. */
    @Param({"16384"})
    public int pool;

    private CaptureOrder[] captures;
    private TransitionOrder[] allocate;
    private TransitionOrder[] deallocate;
    private OrderDecider orderDecider;
    private Instant now;

    private InMemoryStorage storage;
    private Oms oms;
    /** The decider's orders: its "store". */
    private Order[] orders;
    /** Transitions applied to each order in this iteration. */
    private int[] applied;

    private int cursor;
    /** Transitions made in this iteration through the facade and through the decider. */
    private long viaFacade;

    private long viaDecider;
    private long drained;

    /** Builds the commands and the decider; not measured. */
    @Setup(Level.Trial)
    public void setUpTrial() {
        captures = BenchmarkData.captures(pool, lines, 7L + lines);
        allocate = BenchmarkData.transitions(pool, OrderTriggers.ALLOCATE);
        deallocate = BenchmarkData.transitions(pool, OrderTriggers.DEALLOCATE);
        orderDecider = new OrderDecider(
                OrderLifecycle.defaults(),
                OmsConfig.builder().deliverEventsAfterCommit(false).build());
        now = Instant.parse(BenchmarkData.EPOCH);
    }

    /** Captures the pool into a fresh store; not measured. */
    @Setup(Level.Iteration)
    public void setUpIteration() {
        storage = InMemoryStorage.create();
        oms = BenchmarkData.oms(storage);
        orders = new Order[pool];
        for (int k = 0; k < pool; k++) {
            orders[k] = oms.capture(captures[k]).order();
            BenchmarkData.check(
                    orders[k].id().equals(allocate[k].orderId()),
                    "capture " + k + " got id " + orders[k].id() + ", expected " + allocate[k].orderId());
        }
        drained = BenchmarkData.drainOutbox(storage.events());
        applied = new int[pool];
        cursor = 0;
        viaFacade = 0;
        viaDecider = 0;
    }

    /** One transition through the facade and the in-memory store. */
    @Benchmark
    public void facade(Blackhole bh) {
        int k = next();
        TransitionOrder command = (applied[k] & 1) == 0 ? allocate[k] : deallocate[k];
        bh.consume(oms.transition(command));
        applied[k]++;
        if ((++viaFacade & (CaptureBenchmark.DRAIN_EVERY - 1)) == 0) {
            drained += BenchmarkData.drainOutbox(storage.events());
        }
    }

    /** The baseline: the same transition decided by the pure decider, the result kept in an array. */
    @Benchmark
    public void decider(Blackhole bh) {
        int k = next();
        TransitionOrder command = (applied[k] & 1) == 0 ? allocate[k] : deallocate[k];
        Decision decision = orderDecider.transition(orders[k], command, now);
        orders[k] = decision.next().orElseThrow();
        applied[k]++;
        viaDecider++;
        bh.consume(decision);
    }

    /** Checks every order of the pool; throws (failing the run) when an invariant is broken. */
    @TearDown(Level.Iteration)
    public void verify() {
        BenchmarkData.check(viaFacade == 0 || viaDecider == 0, "facade and decider ran in the same iteration");
        long transitions = viaFacade + viaDecider;
        long total = 0;
        for (int k = 0; k < pool; k++) {
            total += applied[k];
            Order order = orders[k];
            if (viaFacade > 0) {
                Optional<Order> found = oms.find(OrderFixtures.TENANT, allocate[k].orderId());
                BenchmarkData.check(found.isPresent(), "order " + allocate[k].orderId() + " is missing");
                order = found.get();
                int trail =
                        storage.events().trail(OrderFixtures.TENANT, order.id()).size();
                BenchmarkData.check(
                        trail == order.version(),
                        "order " + order.id() + " has " + trail + " events at version " + order.version());
            }
            OrderStatus status = (applied[k] & 1) == 1 ? ALLOCATED : CREATED;
            BenchmarkData.check(
                    order.version() == 1 + applied[k] && order.status().equals(status),
                    "order " + order.id() + " is " + order.status() + " at version " + order.version() + " after "
                            + applied[k] + " transitions; expected " + status + " at version " + (1 + applied[k]));
        }
        BenchmarkData.check(total == transitions, total + " transitions counted per order, " + transitions + " made");
        if (viaFacade > 0) {
            long events = pool + transitions;
            BenchmarkData.check(
                    storage.pendingOutboxSize() + drained == events,
                    "outbox: " + storage.pendingOutboxSize() + " pending + " + drained + " drained, but " + events
                            + " events recorded");
        }
    }

    private int next() {
        int k = cursor;
        cursor = k + 1 == pool ? 0 : k + 1;
        return k;
    }
}
