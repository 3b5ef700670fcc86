package dev.omskit.benchmarks;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Scenario S7 of {@code docs/PERFORMANCE.md}: the latency of a reservation and of an availability read
 * with {@link #outstanding} open reservations in the store (0, 10,000, 1,000,000), made in {@code
 * Setup(Level.Trial)} (one unit each, round robin over {@value #SKUS} SKUs x {@value #LOCATIONS}
 * locations, {@value #ON_HAND} units per cell). The 0 case is the baseline; the goal is p99 at 1M at most
 * 1.2x p99 at 0. {@code Mode.SampleTime}, one thread.
 *
 * <ul>
 *   <li>{@link #reserveRelease}: reserve 1 to 3 units of a random cell through {@link Inventory#reserve}
 *       (confirmed), then release them: one operation, so the outstanding count stays what the param
 *       says.
 *   <li>{@link #availability}: one SKU's availability over every location.
 * </ul>
 *
 * <p>The store keeps every reservation record (released ones too), so records made by the measurement
 * accumulate over the trial in every case; the outstanding ones are what the param sets. Each reserve
 * builds its command with a new holder reference, as a new order would.
 *
 * <p><b>Invariants</b>, after every iteration (a broken one fails the run): the reserved units of all cells
 * add up to the units still held by the set-up reservations, every cell has its on hand, {@code onHand -
 * reserved == available} and nothing is negative.
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -B -o -DskipTests install}):
 *
 * <pre>
 * # full profile: 3 forks x (5 x 1 s warm-up + 5 x 1 s measurement), fixed 4 GB heap, G1
 * java -jar oms-benchmarks/target/benchmarks.jar ReservationScaleBenchmark
 *
 * # smoke (small params only)
 * java -jar oms-benchmarks/target/benchmarks.jar ReservationScaleBenchmark -p outstanding=0,10000 -f 1 -wi 1 -w 200ms -i 1 -r 200ms -foe true
 *
 * # S2, S6 and S7 with ratios and goals
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.InventoryReport
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseG1GC"})
@Threads(1)
@State(Scope.Thread)
public class ReservationScaleBenchmark {
    /** SKUs stocked. */
    static final int SKUS = 10_000;

    /** Locations stocked; an availability read covers all of them. */
    static final int LOCATIONS = 10;

    /** Units on hand per cell. */
    static final int ON_HAND = 1_000;

    private static final int RING = 4096;

    /** Open reservations made before the measurement. */
    @Param({"0", "10000", "1000000"})
    public int outstanding;

    private Inventory inventory;
    private List<List<List<StockLine>>> lines;
    private List<Sku> reads;
    private int[] cells;
    private int[] units;
    private long sequence;
    private int op;

    /** Stocks the cells and makes the outstanding reservations; not measured. */
    @Setup(Level.Trial)
    public void populate() {
        InventoryData.Setup setup = InventoryData.create(SKUS, LOCATIONS);
        inventory = setup.inventory();
        InventoryData.stockEverywhere(inventory, SKUS, LOCATIONS, ON_HAND);
        int cellCount = SKUS * LOCATIONS;
        lines = new ArrayList<>(cellCount);
        for (int c = 0; c < cellCount; c++) {
            List<List<StockLine>> byUnits = new ArrayList<>(3);
            for (int u = 1; u <= 3; u++) {
                byUnits.add(List.of(StockLine.of(
                        "l1", InventoryData.sku(c / LOCATIONS), InventoryData.location(c % LOCATIONS), u)));
            }
            lines.add(byUnits);
        }
        for (int i = 0; i < outstanding; i++) {
            ReserveResult r = inventory.reserve(ReserveStock.builder()
                    .tenant(InventoryData.TENANT)
                    .reference("order:pre-" + i)
                    .lines(lines.get(i % cellCount).get(0))
                    .actor(InventoryData.ACTOR)
                    .build());
            BenchmarkData.check(r.isReserved(), "set-up reservation " + i + " refused: " + r);
        }
        SplittableRandom random = new SplittableRandom(7);
        cells = new int[RING];
        units = new int[RING];
        reads = new ArrayList<>(RING);
        for (int i = 0; i < RING; i++) {
            cells[i] = random.nextInt(cellCount);
            units[i] = 1 + random.nextInt(3);
            reads.add(InventoryData.sku(random.nextInt(SKUS)));
        }
    }

    /** Reserve 1 to 3 units of one cell, then release them. */
    @Benchmark
    public void reserveRelease(Blackhole bh) {
        int k = op++ & (RING - 1);
        ReserveResult result = inventory.reserve(ReserveStock.builder()
                .tenant(InventoryData.TENANT)
                .reference("order:s7-" + sequence++)
                .lines(lines.get(cells[k]).get(units[k] - 1))
                .actor(InventoryData.ACTOR)
                .build());
        Reservation r = result.reservation().orElseThrow();
        bh.consume(inventory.release(InventoryData.TENANT, r.id(), Map.of()));
    }

    /** One SKU's availability over every location. */
    @Benchmark
    public void availability(Blackhole bh) {
        Sku sku = reads.get(op++ & (RING - 1));
        bh.consume(inventory.availability(InventoryData.TENANT, sku, InventoryData.CHANNEL));
    }

    /** Checks the counters of every cell; throws (failing the run) when one is broken. */
    @TearDown(Level.Iteration)
    public void verify() {
        List<StockLevel> all = allLevels();
        long reserved = 0;
        for (StockLevel level : all) {
            InventoryData.checkLevel(level);
            BenchmarkData.check(level.onHand() == ON_HAND, "on hand changed: " + level);
            reserved += level.reserved();
        }
        BenchmarkData.check(all.size() == SKUS * LOCATIONS, all.size() + " cells, expected " + SKUS * LOCATIONS);
        BenchmarkData.check(
                reserved == outstanding, reserved + " units reserved, the set-up reservations hold " + outstanding);
    }

    private List<StockLevel> allLevels() {
        List<StockLevel> out = new ArrayList<>(SKUS * LOCATIONS);
        for (int s = 0; s < SKUS; s++) {
            out.addAll(inventory.levels(InventoryData.TENANT, InventoryData.sku(s)));
        }
        return out;
    }
}
