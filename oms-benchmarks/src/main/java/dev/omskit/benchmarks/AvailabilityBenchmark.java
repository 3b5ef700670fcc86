package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.Availability;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.Sku;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * Scenario S6 of {@code docs/PERFORMANCE.md}: availability reads ({@link Inventory#availability(
 * dev.omskit.core.model.TenantId, java.util.Collection, dev.omskit.core.model.ChannelId)}, {@link #skus} SKUs
 * per read, every one of {@value #LOCATIONS} locations) on a quiet store, and the same reads while a writer
 * reserves and releases. Stock: {@value #CATALOG} SKUs x {@value #LOCATIONS} locations, {@value #ON_HAND}
 * units per cell.
 *
 * <ul>
 *   <li>{@link #quietRead}: one reader, nothing else running: the baseline of the reads.
 *   <li>{@link #quietWrite}: one writer, nothing else running: the baseline of the writes. The writer
 *       reserves 1 to 3 units of a random SKU at a random location (confirmed, through {@link
 *       Inventory#reserve}) and one operation in ten releases its oldest open reservation.
 *   <li>{@code mixed} ({@link #mixedRead} + {@link #mixedWrite}): one reader and one writer at once on the
 *       two cores, over the same SKUs. The report divides the reader's rate by {@code quietRead} (goal
 *       {@code >= 0.8x}) and the writer's by {@code quietWrite} (goal: loses at most 10%).
 * </ul>
 *
 * <p>A fresh, fully stocked store is built before every iteration (not measured), so the reservation
 * records the store keeps stay bounded by one iteration. Inputs (SKU sets, cells, units) are rings in the
 * threads' {@code @State}; each reserve builds its command with a new holder reference, as a new order
 * would.
 *
 * <p><b>Invariants</b>, after every iteration (a broken one fails the run): for every cell reserved equals
 * the open units the writers hold there, on hand is what was received, {@code onHand - reserved ==
 * available}, nothing is negative; for every SKU the channel's available-to-sell equals the sum of
 * available over the locations.
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -B -o -DskipTests install}):
 *
 * <pre>
 * # full profile: 3 forks x (5 x 1 s warm-up + 5 x 1 s measurement), fixed 4 GB heap, G1
 * java -jar oms-benchmarks/target/benchmarks.jar AvailabilityBenchmark -prof gc
 *
 * # smoke
 * java -jar oms-benchmarks/target/benchmarks.jar AvailabilityBenchmark -f 1 -wi 1 -w 200ms -i 1 -r 200ms -foe true
 *
 * # S2, S6 and S7 with ratios and goals
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
public class AvailabilityBenchmark {
    /** SKUs in the catalogue, all stocked everywhere. */
    static final int CATALOG = 200;

    /** Active locations; a read covers all of them. */
    static final int LOCATIONS = 100;

    /** Units on hand per cell at the start of every iteration. */
    static final int ON_HAND = 1_000_000;

    private static final int RING = 1024;
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    /** SKUs per availability read. */
    @Param({"1", "20"})
    public int skus;

    Inventory inventory;
    final Queue<Writer> writers = new ConcurrentLinkedQueue<>();

    /** A fresh store, every cell stocked; not measured. */
    @Setup(Level.Iteration)
    public void refill() {
        InventoryData.Setup setup = InventoryData.create(CATALOG, LOCATIONS);
        InventoryData.stockEverywhere(setup.inventory(), CATALOG, LOCATIONS, ON_HAND);
        inventory = setup.inventory();
    }

    /** A reader's ring of SKU sets. */
    @State(Scope.Thread)
    public static class Reader {
        List<List<Sku>> sets;
        int next;

        /** Builds {@value #RING} sets of distinct SKUs; not measured. */
        @Setup(Level.Trial)
        public void build(AvailabilityBenchmark b) {
            SplittableRandom random = new SplittableRandom(THREAD_NUMBERS.incrementAndGet());
            sets = new ArrayList<>(RING);
            for (int i = 0; i < RING; i++) {
                int base = random.nextInt(CATALOG);
                List<Sku> set = new ArrayList<>(b.skus);
                for (int j = 0; j < b.skus; j++) {
                    // 7 is prime to 200: the SKUs of one read are distinct
                    set.add(InventoryData.sku((base + 7 * j) % CATALOG));
                }
                sets.add(List.copyOf(set));
            }
        }
    }

    /** A writer's inputs, its own queue of open reservations, and the open units it holds per cell. */
    @State(Scope.Thread)
    public static class Writer {
        int[] cells;
        int[] units;
        List<List<List<StockLine>>> lines;
        String prefix;
        long sequence;
        int op;
        final ArrayDeque<ReservationId> ids = new ArrayDeque<>();
        final ArrayDeque<int[]> open = new ArrayDeque<>();
        long[] openByCell;
        long reserves;

        /** Registers with the benchmark and builds the rings; not measured. */
        @Setup(Level.Trial)
        public void register(AvailabilityBenchmark b) {
            int n = THREAD_NUMBERS.incrementAndGet();
            prefix = "order:w" + n + "-";
            SplittableRandom random = new SplittableRandom(n);
            cells = new int[RING];
            units = new int[RING];
            for (int i = 0; i < RING; i++) {
                cells[i] = random.nextInt(CATALOG * LOCATIONS);
                units[i] = 1 + random.nextInt(3);
            }
            lines = new ArrayList<>();
            for (int c = 0; c < CATALOG * LOCATIONS; c++) {
                List<List<StockLine>> byUnits = new ArrayList<>(3);
                for (int u = 1; u <= 3; u++) {
                    byUnits.add(List.of(StockLine.of(
                            "l1", InventoryData.sku(c / LOCATIONS), InventoryData.location(c % LOCATIONS), u)));
                }
                lines.add(byUnits);
            }
            openByCell = new long[CATALOG * LOCATIONS];
            b.writers.add(this);
        }

        /** Forgets the previous iteration's store; not measured. */
        @Setup(Level.Iteration)
        public void reset() {
            ids.clear();
            open.clear();
            openByCell = new long[CATALOG * LOCATIONS];
            reserves = 0;
        }
    }

    /** Reads alone: the baseline of the reads. */
    @Benchmark
    @Threads(1)
    public void quietRead(Reader r, Blackhole bh) {
        read(r, bh);
    }

    /** Writes alone: the baseline of the writes. */
    @Benchmark
    @Threads(1)
    public void quietWrite(Writer w, Blackhole bh) {
        write(w, bh);
    }

    /** The reader of the mixed group. */
    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public void mixedRead(Reader r, Blackhole bh) {
        read(r, bh);
    }

    /** The writer of the mixed group. */
    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public void mixedWrite(Writer w, Blackhole bh) {
        write(w, bh);
    }

    private void read(Reader r, Blackhole bh) {
        List<Sku> set = r.sets.get(r.next++ & (RING - 1));
        bh.consume(inventory.availability(InventoryData.TENANT, set, InventoryData.CHANNEL));
    }

    private void write(Writer w, Blackhole bh) {
        int k = w.op++;
        if (k % HotSkuBenchmark.RELEASE_EVERY == HotSkuBenchmark.RELEASE_EVERY - 1 && !w.ids.isEmpty()) {
            Reservation r = inventory.release(InventoryData.TENANT, w.ids.poll(), Map.of());
            int[] cellAndUnits = w.open.poll();
            w.openByCell[cellAndUnits[0]] -= cellAndUnits[1];
            bh.consume(r);
            return;
        }
        int cell = w.cells[k & (RING - 1)];
        int u = w.units[k & (RING - 1)];
        ReserveResult result = inventory.reserve(ReserveStock.builder()
                .tenant(InventoryData.TENANT)
                .reference(w.prefix + w.sequence++)
                .lines(w.lines.get(cell).get(u - 1))
                .actor(InventoryData.ACTOR)
                .build());
        if (result.isReserved()) {
            w.ids.add(result.reservation().get().id());
            w.open.add(new int[] {cell, u});
            w.openByCell[cell] += u;
            w.reserves++;
        }
        bh.consume(result);
    }

    /** Checks every cell and every SKU's availability; throws (failing the run) when one is broken. */
    @TearDown(Level.Iteration)
    public void verify() {
        long[] open = new long[CATALOG * LOCATIONS];
        for (Writer w : writers) {
            for (int c = 0; c < open.length; c++) {
                open[c] += w.openByCell[c];
            }
        }
        List<Sku> all = new ArrayList<>(CATALOG);
        for (int s = 0; s < CATALOG; s++) {
            all.add(InventoryData.sku(s));
        }
        Map<Sku, Availability> atp = inventory.availability(InventoryData.TENANT, all, InventoryData.CHANNEL);
        for (int s = 0; s < CATALOG; s++) {
            Sku sku = all.get(s);
            long available = 0;
            List<StockLevel> levels = inventory.levels(InventoryData.TENANT, sku);
            BenchmarkData.check(levels.size() == LOCATIONS, sku + " is at " + levels.size() + " locations");
            for (StockLevel level : levels) {
                InventoryData.checkLevel(level);
                int l = Integer.parseInt(level.location().value().substring("WH-".length()));
                int c = s * LOCATIONS + l;
                BenchmarkData.check(level.onHand() == ON_HAND, "on hand changed: " + level);
                BenchmarkData.check(
                        level.reserved() == open[c],
                        "reserved " + level.reserved() + " but the writers hold " + open[c] + ": " + level);
                available += level.available();
            }
            BenchmarkData.check(
                    atp.get(sku).atp() == available,
                    "available-to-sell of " + sku + " is " + atp.get(sku).atp() + ", the cells say " + available);
        }
    }
}
