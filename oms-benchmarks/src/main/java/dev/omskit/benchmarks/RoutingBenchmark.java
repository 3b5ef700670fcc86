package dev.omskit.benchmarks;

import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.profile.RoutingProfile;
import java.util.Arrays;
import java.util.List;
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
 * Scenario S3 of {@code docs/PERFORMANCE.md}: one routing decision, {@link Router#route(RoutingRequest,
 * RoutingInput)}, for {@link #lines} lines (1, 10, 50) over {@link #locations} locations (10, 100, 2,000),
 * one thread, in {@code Throughput} (decisions/s) and {@code SampleTime} (p50, p99) modes.
 *
 * <ul>
 *   <li>{@link #route}: {@link RoutingProfile#defaults()} (active, ships, capacity, SKU restrictions, has
 *       stock; priority then distance; fewest shipments, exact search under a budget of 20,000 nodes).
 *   <li>{@link #routeWeighted}: the same filters scored by weight, 0.6 distance and 0.4 shipping cost
 *       under a Vietnamese rate table ({@link RoutingData#weighted()}).
 *   <li>{@link #baseline}: the limit of the same run: one pass over the same lines x locations
 *       availability matrix ({@code int[sku][location]} built from the same data): for each line, for each
 *       location, read the units, add them up and count the locations that have the line in full.
 * </ul>
 *
 * <p><b>Inputs</b>, built once per trial from fixed seeds ({@link RoutingData}): {@link #locations}
 * locations at random points over Vietnam, mostly warehouses with a quarter stores, priorities 1..10,
 * every one shipping; a catalogue of {@value RoutingData#CATALOG} SKUs (weights 100 g..3 kg, one in {@value
 * RoutingData#HAZARDOUS_EVERY} hazardous), each stocked at about 30% of the locations with 0..20 units;
 * {@value #REQUESTS} requests of {@link #lines} distinct SKUs with 1..3 units each to random destinations,
 * taken in turn so the figure is not one cached case. The {@link RoutingInput} is built in the set-up; a
 * decision reads it and allocates only its own working arrays and result.
 *
 * <p><b>Invariants</b>, after every iteration (a broken one throws and fails the run): every decision the
 * iteration made last for each request passes {@link RoutingData#check} (units never exceed what the
 * location has, every assignment's location is a candidate, assigned plus unfulfilled is what each line
 * wants, shipments within the limit) and assigns exactly what the decision made in the set-up for the same
 * request assigned (decisions are deterministic).
 *
 * <p><b>Run</b> (from the repository root; build the jar first with {@code mvn -B -o -DskipTests package -pl
 * oms-core,oms-routing,oms-testkit,oms-benchmarks}):
 *
 * <pre>
 * # full profile: 3 forks x (5 x 1 s warm-up + 5 x 1 s measurement) per mode, fixed 2 GB heap, G1
 * java -jar oms-benchmarks/target/benchmarks.jar RoutingBenchmark -prof gc
 *
 * # one cell
 * java -jar oms-benchmarks/target/benchmarks.jar RoutingBenchmark -p lines=10 -p locations=100
 *
 * # smoke: seconds, numbers meaningless, invariants still checked
 * java -jar oms-benchmarks/target/benchmarks.jar RoutingBenchmark -f 1 -wi 1 -w 200ms -i 1 -r 200ms -foe true -p lines=1,10 -p locations=10,100
 *
 * # S3 with ratios, goals and the shipment-count check written to oms-benchmarks/results/
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RoutingReport reduced
 * </pre>
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
@Threads(1)
@State(Scope.Thread)
public class RoutingBenchmark {
    /** Requests per cell, taken in turn; a power of two. */
    static final int REQUESTS = 64;

    /** The seed of the locations and stock; the requests use {@code SEED + 1}. */
    static final long SEED = 20261201L;

    /** Lines per request. */
    @Param({"1", "10", "50"})
    public int lines;

    /** Locations in the snapshot, every one a potential candidate. */
    @Param({"10", "100", "2000"})
    public int locations;

    RoutingData.Instance instance;
    RoutingInput input;
    RoutingRequest[] requests;
    int[][] skuIndex;
    int[][] quantities;
    int[][] matrix;
    Router router;
    Router weightedRouter;
    RoutingProfile defaults;
    RoutingProfile weighted;
    RoutingDecision[] reference;
    RoutingDecision[] referenceWeighted;
    final RoutingDecision[] last = new RoutingDecision[REQUESTS];
    final RoutingDecision[] lastWeighted = new RoutingDecision[REQUESTS];
    int next;

    /** Builds the snapshot, the requests, the baseline's matrix and a reference decision per request. */
    @Setup(Level.Trial)
    public void build() {
        instance = RoutingData.benchmarkInstance(locations, SEED);
        input = instance.input();
        skuIndex = new int[REQUESTS][];
        List<RoutingRequest> list = RoutingData.requests(instance, REQUESTS, lines, 3, SEED + 1, skuIndex);
        requests = list.toArray(new RoutingRequest[0]);
        quantities = new int[REQUESTS][lines];
        for (int k = 0; k < REQUESTS; k++) {
            for (int j = 0; j < lines; j++) {
                quantities[k][j] = requests[k].lines().get(j).quantity();
            }
        }
        matrix = instance.units();
        defaults = RoutingProfile.defaults();
        weighted = RoutingData.weighted();
        router = RoutingData.router(defaults);
        weightedRouter = RoutingData.router(weighted);
        reference = new RoutingDecision[REQUESTS];
        referenceWeighted = new RoutingDecision[REQUESTS];
        for (int k = 0; k < REQUESTS; k++) {
            reference[k] = router.route(requests[k], input);
            referenceWeighted[k] = weightedRouter.route(requests[k], input);
            RoutingData.check(reference[k], requests[k], input, defaults);
            RoutingData.check(referenceWeighted[k], requests[k], input, weighted);
        }
    }

    /** Forgets the previous iteration's decisions; not measured. */
    @Setup(Level.Iteration)
    public void reset() {
        Arrays.fill(last, null);
        Arrays.fill(lastWeighted, null);
    }

    /** One decision with the default profile. */
    @Benchmark
    public RoutingDecision route() {
        int k = next++ & (REQUESTS - 1);
        RoutingDecision d = router.route(requests[k], input);
        last[k] = d;
        return d;
    }

    /** One decision with distance and shipping cost weighted. */
    @Benchmark
    public RoutingDecision routeWeighted() {
        int k = next++ & (REQUESTS - 1);
        RoutingDecision d = weightedRouter.route(requests[k], input);
        lastWeighted[k] = d;
        return d;
    }

    /** The limit: one pass over the lines x locations availability matrix of the same request. */
    @Benchmark
    public void baseline(Blackhole bh) {
        int k = next++ & (REQUESTS - 1);
        int[] skus = skuIndex[k];
        int[] qty = quantities[k];
        int m = locations;
        long sum = 0;
        int full = 0;
        for (int j = 0; j < skus.length; j++) {
            int[] row = matrix[skus[j]];
            int want = qty[j];
            for (int i = 0; i < m; i++) {
                int a = row[i];
                sum += a;
                if (a >= want) {
                    full++;
                }
            }
        }
        bh.consume(sum);
        bh.consume(full);
    }

    /** Checks every decision of the iteration; throws (failing the run) when one is broken. */
    @TearDown(Level.Iteration)
    public void verify() {
        verify(last, reference, defaults);
        verify(lastWeighted, referenceWeighted, weighted);
    }

    private void verify(RoutingDecision[] made, RoutingDecision[] expected, RoutingProfile profile) {
        for (int k = 0; k < REQUESTS; k++) {
            RoutingDecision d = made[k];
            if (d == null) {
                continue;
            }
            RoutingData.check(d, requests[k], input, profile);
            BenchmarkData.check(
                    d.assignments().equals(expected[k].assignments()),
                    requests[k].reference() + " by '" + profile.name() + "' assigned " + d.assignments()
                            + ", the set-up decision assigned " + expected[k].assignments());
        }
    }
}
