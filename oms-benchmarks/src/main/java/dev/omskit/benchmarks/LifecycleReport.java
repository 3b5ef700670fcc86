package dev.omskit.benchmarks;

import static dev.omskit.benchmarks.Results.name;
import static dev.omskit.benchmarks.Results.ratio;
import static dev.omskit.benchmarks.Results.score;
import static dev.omskit.benchmarks.Results.shortName;
import static dev.omskit.benchmarks.Results.x;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LifecycleBenchmark} (S5, in memory) with the GC profiler, prints lifecycles per second per
 * thread with the ratio to the baseline of the same run (the S1 loop once per command of the same
 * lifecycles) and the goal of {@code docs/PERFORMANCE.md} (at least 100,000 lifecycles/s per thread), and
 * writes the same as Markdown to {@code oms-benchmarks/results/<date>-lifecycle-s5.md} with the raw JMH
 * results beside it ({@code .json}), noting JDK, heap, GC, machine and load average.
 *
 * <p>Run from the repository root, after {@code mvn -B -o -DskipTests package -pl
 * oms-core,oms-routing,oms-testkit,oms-benchmarks}:
 *
 * <pre>
 * # full profile (the benchmark's annotations: 3 forks x (5 x 2 s + 5 x 2 s)), then the phase timing; about 5 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.LifecycleReport
 *
 * # reduced (2 forks x (5 x 2 s + 5 x 2 s)); about 4 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.LifecycleReport reduced
 *
 * # smoke (1 fork x (1 x 200 ms + 1 x 200 ms), ring of 1,000): checks the report works, figures meaningless
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.LifecycleReport smoke /tmp/results
 *
 * # where the time goes: no JMH, in this JVM; times every command of 200,000 lifecycles after 200,000 warm-up
 * # (a second argument sets the ring / store size, default 20,000)
 * java -Xms4g -Xmx4g -XX:+UseG1GC -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.LifecycleReport phases
 * </pre>
 *
 * <p>Arguments: the profile ({@code full}, {@code reduced}, {@code smoke} or {@code phases}; default {@code
 * full}) and the results directory (default {@code oms-benchmarks/results}, relative to the working
 * directory).
 */
public final class LifecycleReport {
    /** The S5 in-memory goal: lifecycles per second on one thread. */
    static final double GOAL_LIFECYCLES_PER_SECOND = 100_000;

    private static final String S5 = LifecycleBenchmark.class.getName() + ".";

    private LifecycleReport() {}

    /** Runs the profile named by {@code args[0]} and writes the report to the directory {@code args[1]}. */
    public static void main(String[] args) throws RunnerException, IOException {
        String profile = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "full";
        if (!List.of("full", "reduced", "smoke", "phases").contains(profile)) {
            throw new IllegalArgumentException("profile must be full, reduced, smoke or phases; was '" + args[0] + "'");
        }
        if ("phases".equals(profile)) {
            int store = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
            System.out.println(phases("default", store, 200_000, 200_000));
            System.out.println(phases("routing", store, 200_000, 200_000));
            return;
        }
        Path dir = Paths.get(args.length > 1 ? args[1] : "oms-benchmarks/results");
        Files.createDirectories(dir);
        String date = LocalDate.now().toString();
        Path markdown = dir.resolve(date + "-lifecycle-s5.md");
        Path json = dir.resolve(date + "-lifecycle-s5.json");

        String loadBefore = RatioReport.loadAverage();
        Collection<RunResult> results =
                new Runner(options(profile).result(json.toString()).build()).run();
        String conditions = "load average (1, 5, 15 min) before the run " + loadBefore + ", after "
                + RatioReport.loadAverage()
                + "; one benchmark thread, the JIT and the GC are the expected load (the load average lags: it still"
                + " counts work that ended shortly before)";
        int timed = "smoke".equals(profile) ? 2_000 : 100_000;
        String report = render(profile, date, results, conditions)
                + "## Where the time goes\n\n"
                + "Not JMH: after the run, in the report's own JVM (its default heap), a fresh set-up per sourcing"
                + " runs " + String.format(Locale.ROOT, "%,d", timed) + " lifecycles to warm up, then times every"
                + " command of " + String.format(Locale.ROOT, "%,d", timed) + " more with `System.nanoTime` (the"
                + " `phases` profile; the timing itself costs some tens of ns per command). Shares of the timed"
                + " total; `outside the commands` is the outbox drain (the relay stand-in) and the ring wraps.\n\n"
                + phases("default", 20_000, timed, timed) + "\n" + phases("routing", 20_000, timed, timed) + "\n";
        Files.writeString(markdown, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + markdown.toAbsolutePath() + " and " + json.toAbsolutePath());
    }

    /** The options of one profile: {@link LifecycleBenchmark}, GC profiler, fail on error, JSON. */
    static ChainedOptionsBuilder options(String profile) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(S5))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON);
        switch (profile) {
            case "reduced" -> options.forks(2)
                    .warmupIterations(5)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2));
            case "smoke" -> options.forks(1)
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .param("ordersPerStore", "1000");
            default -> {}
        }
        return options;
    }

    /** The Markdown report of a run. */
    static String render(String profile, String date, Collection<RunResult> results, String conditions) {
        List<RunResult> all = new ArrayList<>(results);
        if (all.isEmpty()) {
            throw new IllegalStateException("JMH returned no results");
        }
        all.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparing(r -> String.valueOf(r.getParams().getParam("sourcing"))));
        StringBuilder md = new StringBuilder();
        md.append("# S5 whole lifecycle (in memory): ").append(date).append("\n\n");
        md.append("Scenario S5 of `docs/PERFORMANCE.md`, in memory: one thread takes orders through capture,")
                .append(" allocate (route + reserve), release, accept, pick, pack, create shipment, label, hand over,")
                .append(" delivery by carrier tracking and, for cash on delivery, the remittance, until")
                .append(" `shipping().isComplete`, on an `Oms` over `InMemoryStorage` allocating from an `Inventory`")
                .append(" over `InMemoryInventoryStore` (oms-testkit); 10% of lifecycles are cancelled after the")
                .append(" allocation, 5% ship two lines in two shipments (exact mix by position modulo ")
                .append(LifecycleScript.SCHEDULE)
                .append("; 50% cash on delivery). One operation is one lifecycle. Bytes are `gc.alloc.rate.norm`")
                .append(" per lifecycle.\n\n");
        RatioReport.environment(md, profile, all, conditions, LifecycleReport.class, "benchmark and param");

        md.append("## Lifecycles per second, one thread\n\n");
        md.append(
                        "Commands per lifecycle: prepaid 10, cash on delivery 11, split (two shipments, COD) 16, cancelled 3;")
                .append(" ")
                .append(LifecycleScript.COMMANDS_PER_SCHEDULE)
                .append(" per ")
                .append(LifecycleScript.SCHEDULE)
                .append(" lifecycles = ")
                .append(String.format(
                        Locale.ROOT, "%.2f", (double) LifecycleScript.COMMANDS_PER_SCHEDULE / LifecycleScript.SCHEDULE))
                .append(" on average. Baseline (the limit, same run): the S1 raw loop (one hash lookup + one")
                .append(" bounded decrement per line + one allocation per order, 1-line orders) run once per command")
                .append(" of the lifecycle at the same schedule position, so one baseline operation is the same")
                .append(" number of commands. Invariants (every delivered order complete, units all DELIVERED or")
                .append(" CANCELLED, one shipment per request or per line, the scheduled commands issued, nothing")
                .append(" reserved or open in the inventory, on hand = received - delivered, cells consistent,")
                .append(" baseline stock conserved) held after every iteration, or the run would have failed.\n\n");
        md.append("| benchmark | sourcing | lifecycles/s | +/- (99.9%) | baseline lifecycles/s | x baseline |")
                .append(" commands/s | bytes/lifecycle (gc) | bytes/lifecycle (measured method) |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Optional<RunResult> base = find(all, S5 + "baseline", null);
        double perLifecycle = (double) LifecycleScript.COMMANDS_PER_SCHEDULE / LifecycleScript.SCHEDULE;
        for (RunResult r : all) {
            boolean isBase = name(r).equals(S5 + "baseline");
            md.append("| ")
                    .append(shortName(r))
                    .append(" | ")
                    .append(isBase ? "-" : r.getParams().getParam("sourcing"))
                    .append(" | ")
                    .append(fmt(score(r)))
                    .append(" | ")
                    .append(fmt(r.getPrimaryResult().getScoreError()))
                    .append(" | ")
                    .append(fmt(base.map(Results::score).orElse(Double.NaN)))
                    .append(" | ")
                    .append(x(ratio(r, base)))
                    .append(" | ")
                    .append(fmt(score(r) * perLifecycle))
                    .append(" | ")
                    .append(fmt(RatioReport.bytesPerOp(r)))
                    .append(" | ")
                    .append(fmt(ownBytes(r)))
                    .append(" |\n");
        }
        md.append("\n`bytes/lifecycle (gc)` is JMH's `gc.alloc.rate.norm`, which also counts what the iteration's")
                .append(" invariant checks allocate (they read every order of the current store and every cell);")
                .append(" `bytes/lifecycle (measured method)` is what the benchmark thread allocated between the")
                .append(" iteration set-up and the checks (`LifecycleBenchmark.Allocation`, mean over iterations).\n");
        md.append("\n### Goals\n\n");
        md.append("| goal | target | measured | met | measured / target |\n|---|---|---:|---|---:|\n");
        for (RunResult r : all) {
            if (!name(r).equals(S5 + "lifecycle")) {
                continue;
            }
            double rate = score(r);
            md.append("| lifecycles/s, one thread, ")
                    .append(r.getParams().getParam("sourcing"))
                    .append(" sourcing | >= 100,000 | ")
                    .append(fmt(rate))
                    .append(" | ")
                    .append(rate >= GOAL_LIFECYCLES_PER_SECOND ? "yes" : "**no**")
                    .append(" | ")
                    .append(x(rate / GOAL_LIFECYCLES_PER_SECOND))
                    .append(" |\n");
        }
        md.append('\n');
        return md.toString();
    }

    /**
     * Where the time goes, without JMH: a fresh {@link LifecycleBenchmark.Lifecycles} with {@code sourcing}
     * and a ring of {@code ordersPerStore} runs {@code warmUp} lifecycles, then times every command of {@code measured} more with {@code
     * System.nanoTime} (some 30 ns of overhead per command), and returns the share of each command.
     */
    static String phases(String sourcing, int ordersPerStore, int warmUp, int measured) {
        LifecycleBenchmark.Lifecycles s = new LifecycleBenchmark.Lifecycles();
        s.sourcing = sourcing;
        s.ordersPerStore = ordersPerStore;
        s.setUpTrial();
        s.setUpIteration();
        for (int i = 0; i < warmUp; i++) {
            s.next();
        }
        long[] nanos = new long[LifecycleScript.Phase.values().length];
        long drainedBefore = s.drained();
        long lifecyclesBefore = s.lifecycles();
        s.timePhases(nanos);
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            s.next();
        }
        long wall = System.nanoTime() - start;
        s.timePhases(null);
        double events = (double) (s.drained() - drainedBefore) / (s.lifecycles() - lifecyclesBefore);
        s.verify();
        long timed = 0;
        for (long n : nanos) {
            timed += n;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("S5 phases, sourcing ")
                .append(sourcing)
                .append(": ")
                .append(String.format(Locale.ROOT, "%,d", measured))
                .append(" lifecycles in ")
                .append(String.format(Locale.ROOT, "%,.0f", wall / 1e6))
                .append(" ms (")
                .append(String.format(Locale.ROOT, "%,.0f", measured / (wall / 1e9)))
                .append(" lifecycles/s with timing), ")
                .append(String.format(Locale.ROOT, "%.1f", events))
                .append(" outbox entries drained per lifecycle; per lifecycle:\n\n");
        sb.append("| command | us per lifecycle | share |\n|---|---:|---:|\n");
        for (LifecycleScript.Phase p : LifecycleScript.Phase.values()) {
            sb.append("| ")
                    .append(p.name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", nanos[p.ordinal()] / 1e3 / measured))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * nanos[p.ordinal()] / timed))
                    .append(" |\n");
        }
        sb.append("| (outside the commands: drains, ring wraps) | ")
                .append(String.format(Locale.ROOT, "%.2f", (wall - timed) / 1e3 / measured))
                .append(" | |\n");
        return sb.toString();
    }

    /** The mean over iterations of {@code LifecycleBenchmark.Allocation.bytesPerOp}; NaN without it. */
    private static double ownBytes(RunResult r) {
        Result<?> s = r.getSecondaryResults().get("bytesPerOp");
        return s == null ? Double.NaN : s.getStatistics().getMean();
    }

    private static Optional<RunResult> find(List<RunResult> all, String benchmark, String sourcing) {
        return all.stream()
                .filter(r -> name(r).equals(benchmark)
                        && (sourcing == null || sourcing.equals(r.getParams().getParam("sourcing"))))
                .findFirst();
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
