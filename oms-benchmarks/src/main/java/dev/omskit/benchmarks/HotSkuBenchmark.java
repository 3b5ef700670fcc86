package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.Availability;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario S2 of {@code docs/PERFORMANCE.md}: one hot SKU at one location, every thread reserving 1 to 3
 * units of it as a confirmed allocation (no hold) through {@link Inventory#reserve}, and one operation in
 * ten releasing the oldest reservation the same thread made ({@link Inventory#release}, every open unit).
 * One operation is one reserve or one release.
 *
 * <ul>
 *   <li>{@link #omskit2} / {@link #omskit16}: the facade over {@code InMemoryInventoryStore} with 2 threads
 *       (threads = cores: the limit ratio) and 16 threads (the oversubscribed series).
 *   <li>{@link #baseline2} / {@link #baseline16}: the limit of the same run: a bare {@link AtomicLong} CAS
 *       loop that decrements only while the result stays {@code >= 0}, with the same unit mix, the same
 *       release ratio and the same per-thread queue of open reservations.
 * </ul>
 *
 * <p><b>Inputs.</b> The stock line lists (1, 2, 3 units) and the unit sequence come from the thread's
 * {@code @State}; each reserve builds its {@link ReserveStock} with a new holder reference ({@code
 * order:t<thread>-<n>}, as a new order would), because the store indexes reservations by reference and a
 * reference reused a million times would measure that index, not the hot cell. Ids come from {@code
 * SequentialIds}, the clock is a fixed manual clock.
 *
 * <p><b>Refill between iterations.</b> A fresh store with {@value #ON_HAND} units on hand (received in
 * 1,000,000-unit receipts) is built before every iteration (not measured), so the hot SKU never runs dry
 * and the reservations the store keeps for audit (released ones included) are bounded by one iteration.
 *
 * <p><b>Invariants</b>, checked after every iteration (a broken one throws and fails the run): reserved
 * equals the sum of the units of the reservations the threads made and did not release; on hand is what was
 * received; {@code onHand - reserved == available} and the channel's available-to-sell agrees; nothing is
 * negative; the same for the baseline counter. {@link #sellOut} is the sell-out run (finite stock reserved
 * from many threads until refused: exactly sold out, zero oversell); {@code InventoryBenchmarkSmoke} and
 * {@link InventoryReport} run it.
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -B -o -DskipTests install}):
 *
 * <pre>
 * # full profile: 3 forks x (5 x 1 s warm-up + 5 x 1 s measurement), fixed 4 GB heap, G1
 * java -jar oms-benchmarks/target/benchmarks.jar HotSkuBenchmark -prof gc
 *
 * # smoke: seconds, numbers meaningless, invariants still checked
 * java -jar oms-benchmarks/target/benchmarks.jar HotSkuBenchmark -f 1 -wi 1 -w 200ms -i 1 -r 200ms -foe true
 *
 * # S2, S6 and S7 with ratios and goals written to oms-benchmarks/results/
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.InventoryReport
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseG1GC"})
@State(Scope.Benchmark)
public class HotSkuBenchmark {
    /** Units on hand of the hot SKU at the start of every iteration. */
    static final int ON_HAND = 200_000_000;

    /**
     * The size hint of each iteration's store (about what one iteration reserves), so the figure measures
     * reservations, not the growing of the store's maps.
     */
    static final int EXPECTED_RESERVATIONS = 1 << 22;

    /** One operation in this many releases. */
    static final int RELEASE_EVERY = 10;

    static final Sku SKU = InventoryData.sku(0);
    static final LocationId LOCATION = InventoryData.location(0);

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    /** Every worker of this trial, for the end-of-iteration check. */
    final Queue<Worker> workers = new ConcurrentLinkedQueue<>();

    Inventory inventory;
    final AtomicLong baselineStock = new AtomicLong();

    /** A fresh store holding {@value #ON_HAND} units of the hot SKU, and the baseline refilled; not measured. */
    @Setup(Level.Iteration)
    public void refill() {
        InventoryData.Setup setup = InventoryData.create(1, 1, EXPECTED_RESERVATIONS);
        InventoryData.stockEverywhere(setup.inventory(), 1, 1, ON_HAND);
        inventory = setup.inventory();
        baselineStock.set(ON_HAND);
    }

    /** The per-thread side: the thread's own queue of open reservations and its counters. */
    @State(Scope.Thread)
    public static class Worker {
        List<List<StockLine>> lines;
        int[] units;
        String prefix;
        long sequence;
        int op;

        final ArrayDeque<ReservationId> ids = new ArrayDeque<>();
        final ArrayDeque<Integer> openUnits = new ArrayDeque<>();
        long open;
        long reserves;
        long releases;
        long refused;
        boolean usedOmskit;
        boolean usedBaseline;

        /** Registers with the benchmark and builds the inputs; not measured. */
        @Setup(Level.Trial)
        public void register(HotSkuBenchmark benchmark) {
            int n = THREAD_NUMBERS.incrementAndGet();
            prefix = "order:t" + n + "-";
            lines = new ArrayList<>();
            for (int u = 1; u <= 3; u++) {
                lines.add(List.of(StockLine.of("l1", SKU, LOCATION, u)));
            }
            units = new int[1024];
            SplittableRandom random = new SplittableRandom(n);
            for (int i = 0; i < units.length; i++) {
                units[i] = 1 + random.nextInt(3);
            }
            benchmark.workers.add(this);
        }

        /** Forgets the reservations of the previous iteration's store; not measured. */
        @Setup(Level.Iteration)
        public void reset() {
            ids.clear();
            openUnits.clear();
            open = 0;
            reserves = 0;
            releases = 0;
            refused = 0;
            usedOmskit = false;
            usedBaseline = false;
        }
    }

    /** omskit, 2 threads (threads = cores). */
    @Benchmark
    @Threads(2)
    public void omskit2(Worker w, Blackhole bh) {
        omskit(w, bh);
    }

    /** omskit, 16 threads on 2 cores (oversubscribed). */
    @Benchmark
    @Threads(16)
    public void omskit16(Worker w, Blackhole bh) {
        omskit(w, bh);
    }

    /** The bare CAS loop, 2 threads. */
    @Benchmark
    @Threads(2)
    public void baseline2(Worker w, Blackhole bh) {
        baseline(w, bh);
    }

    /** The bare CAS loop, 16 threads. */
    @Benchmark
    @Threads(16)
    public void baseline16(Worker w, Blackhole bh) {
        baseline(w, bh);
    }

    private void omskit(Worker w, Blackhole bh) {
        w.usedOmskit = true;
        int k = w.op++;
        if (k % RELEASE_EVERY == RELEASE_EVERY - 1 && !w.ids.isEmpty()) {
            Reservation r = inventory.release(InventoryData.TENANT, w.ids.poll(), Map.of());
            w.open -= w.openUnits.poll();
            w.releases++;
            bh.consume(r);
            return;
        }
        int u = w.units[k & 1023];
        ReserveResult result = inventory.reserve(ReserveStock.builder()
                .tenant(InventoryData.TENANT)
                .reference(w.prefix + w.sequence++)
                .lines(w.lines.get(u - 1))
                .actor(InventoryData.ACTOR)
                .build());
        if (result.isReserved()) {
            w.ids.add(result.reservation().get().id());
            w.openUnits.add(u);
            w.open += u;
            w.reserves++;
        } else {
            w.refused++;
        }
        bh.consume(result);
    }

    private void baseline(Worker w, Blackhole bh) {
        w.usedBaseline = true;
        AtomicLong stock = baselineStock;
        int k = w.op++;
        if (k % RELEASE_EVERY == RELEASE_EVERY - 1 && !w.openUnits.isEmpty()) {
            int u = w.openUnits.poll();
            bh.consume(stock.addAndGet(u));
            w.open -= u;
            w.releases++;
            return;
        }
        int u = w.units[k & 1023];
        while (true) {
            long s = stock.get();
            if (s - u < 0) {
                w.refused++;
                bh.consume(s);
                return;
            }
            if (stock.compareAndSet(s, s - u)) {
                w.openUnits.add(u);
                w.open += u;
                w.reserves++;
                bh.consume(s);
                return;
            }
        }
    }

    /** Checks the invariants of the iteration just measured; throws (failing the run) when one is broken. */
    @TearDown(Level.Iteration)
    public void verify() {
        long open = 0;
        long reserves = 0;
        boolean omskit = false;
        boolean baseline = false;
        for (Worker w : workers) {
            long queued = 0;
            for (int u : w.openUnits) {
                queued += u;
            }
            BenchmarkData.check(queued == w.open, "a worker's queue holds " + queued + " units, counted " + w.open);
            open += w.open;
            reserves += w.reserves;
            omskit |= w.usedOmskit;
            baseline |= w.usedBaseline;
        }
        BenchmarkData.check(reserves > 0, "no reservation was made");
        if (omskit) {
            StockLevel level = inventory.level(InventoryData.TENANT, SKU, LOCATION);
            InventoryData.checkLevel(level);
            BenchmarkData.check(level.onHand() == ON_HAND, "on hand changed: " + level);
            BenchmarkData.check(
                    level.reserved() == open,
                    "reserved " + level.reserved() + " but the open reservations made hold " + open + ": " + level);
            Availability atp = inventory.availability(InventoryData.TENANT, SKU, InventoryData.CHANNEL);
            BenchmarkData.check(
                    atp.atp() == level.available(), "available-to-sell " + atp.atp() + " but the cell says " + level);
        }
        if (baseline) {
            long left = baselineStock.get();
            BenchmarkData.check(left >= 0, "baseline stock went negative: " + left);
            BenchmarkData.check(
                    left == ON_HAND - open, "baseline stock " + left + ", expected " + (ON_HAND - open) + " left");
        }
    }

    /**
     * The outcome of a sell-out run.
     *
     * @param stock units on hand at the start
     * @param threads threads that reserved
     * @param reservedUnits units of the successful reservations
     * @param reservations successful reservations
     * @param refusals refused reservations
     * @param onHand on hand at the end
     * @param reserved reserved at the end
     * @param available available at the end
     * @param atp the channel's available-to-sell at the end
     * @param millis how long it took
     */
    public record SellOut(
            int stock,
            int threads,
            long reservedUnits,
            long reservations,
            long refusals,
            int onHand,
            int reserved,
            int available,
            int atp,
            long millis) {
        /** Exactly sold out: every unit reserved once, none twice, nothing left, nothing negative. */
        public boolean exact() {
            return reservedUnits == stock && reserved == stock && onHand == stock && available == 0 && atp == 0;
        }

        /** Units reserved beyond the stock (0 unless the store oversold). */
        public long oversold() {
            return Math.max(0, reservedUnits - stock);
        }
    }

    /**
     * The sell-out run: {@code threads} threads reserve 1 to 3 units of one SKU with {@code stock} units on
     * hand through the facade until refused, then single units until refused; returns what they got and
     * what the store says. Not a JMH benchmark: a correctness run under contention.
     */
    public static SellOut sellOut(int stock, int threads) throws InterruptedException {
        InventoryData.Setup setup = InventoryData.create(1, 1);
        Inventory inventory = setup.inventory();
        InventoryData.stockEverywhere(inventory, 1, 1, stock);
        AtomicLong units = new AtomicLong();
        AtomicLong reservations = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    SplittableRandom random = new SplittableRandom(n);
                    long mine = 0;
                    long ok = 0;
                    long no = 0;
                    boolean singles = false;
                    for (long seq = 0; ; seq++) {
                        int u = singles ? 1 : 1 + random.nextInt(3);
                        ReserveResult r = inventory.reserve(ReserveStock.builder()
                                .tenant(InventoryData.TENANT)
                                .reference("order:sellout-" + n + "-" + seq)
                                .addLines(StockLine.of("l1", SKU, LOCATION, u))
                                .actor(InventoryData.ACTOR)
                                .build());
                        if (r.isReserved()) {
                            mine += u;
                            ok++;
                        } else {
                            no++;
                            if (singles) {
                                break;
                            }
                            singles = true;
                        }
                    }
                    units.addAndGet(mine);
                    reservations.addAndGet(ok);
                    refusals.addAndGet(no);
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            all.add(thread);
            thread.start();
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : all) {
            thread.join();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("sell-out run failed", errors.peek());
        }
        StockLevel level = inventory.level(InventoryData.TENANT, SKU, LOCATION);
        InventoryData.checkLevel(level);
        int atp = inventory
                .availability(InventoryData.TENANT, SKU, InventoryData.CHANNEL)
                .atp();
        return new SellOut(
                stock,
                threads,
                units.get(),
                reservations.get(),
                refusals.get(),
                level.onHand(),
                level.reserved(),
                level.available(),
                atp,
                millis);
    }
}
