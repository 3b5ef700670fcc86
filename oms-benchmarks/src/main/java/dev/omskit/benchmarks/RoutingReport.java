package dev.omskit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omskit.routing.RoutingDecision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs S3 ({@link RoutingBenchmark}: every cell of lines x locations, throughput and sample time, with the
 * GC profiler), then the shipment-count check ({@link RoutingQuality}: the small series against the exact
 * profile and the brute-force optimum, and the budget series against an unlimited search), and writes every
 * figure with its same-run baseline, its ratio and the goals of {@code docs/PERFORMANCE.md} (met or missed,
 * and by how much) to {@code oms-benchmarks/results/<date>-routing-s3.md}, with the JMH results beside it as
 * {@code <date>-routing-s3.json} (sample histograms stripped, so the file stays small), noting JDK, heap, GC
 * and machine.
 *
 * <p>Run from the repository root, after {@code mvn -B -o -DskipTests package -pl
 * oms-core,oms-routing,oms-testkit,oms-benchmarks}:
 *
 * <pre>
 * # full profile (the benchmark's annotations: 3 forks x (5 x 1 s + 5 x 1 s) per mode); about 35 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RoutingReport
 *
 * # reduced (1 fork x (4 x 1 s warm-up + 4 x 1 s measurement) per mode); about 9 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RoutingReport reduced
 *
 * # smoke (1 fork x (1 x 200 ms + 1 x 200 ms), lines 1 and 10 x locations 10 and 100, 50 + 10 quality
 * # cases): checks the report, figures meaningless
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RoutingReport smoke /tmp/results
 * </pre>
 *
 * <p>Arguments: the profile ({@code full}, {@code reduced} or {@code smoke}; default {@code full}) and the
 * results directory (default {@code oms-benchmarks/results}, relative to the working directory).
 */
public final class RoutingReport {
    /** The most a decision may take, as a multiple of the baseline of the same cell. */
    static final double GOAL_RATIO = 5;

    /** Decisions per second at 10 lines x 100 locations on one core. */
    static final double GOAL_RATE = 83_000;

    /** The p99 goals of S3, by cell. */
    static final List<P99Goal> GOAL_P99 =
            List.of(new P99Goal("1", "10", 10), new P99Goal("10", "100", 100), new P99Goal("50", "2000", 2_000));

    /**
     * A p99 goal.
     *
     * @param lines the cell's lines param
     * @param locations the cell's locations param
     * @param micros the most the p99 may be, in microseconds
     */
    record P99Goal(String lines, String locations, double micros) {}

    private static final String S3 = RoutingBenchmark.class.getName() + ".";
    private static final String[] LINES = {"1", "10", "50"};
    private static final String[] LOCATIONS = {"10", "100", "2000"};

    private RoutingReport() {}

    /** Runs the profile named by {@code args[0]} and writes the report to the directory {@code args[1]}. */
    public static void main(String[] args) throws RunnerException, IOException {
        String profile = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "full";
        if (!List.of("full", "reduced", "smoke").contains(profile)) {
            throw new IllegalArgumentException("profile must be full, reduced or smoke; was '" + args[0] + "'");
        }
        Path dir = Paths.get(args.length > 1 ? args[1] : "oms-benchmarks/results");
        Files.createDirectories(dir);
        String date = LocalDate.now().toString();
        Path markdown = dir.resolve(date + "-routing-s3.md");
        Path json = dir.resolve(date + "-routing-s3.json");

        String loadBefore = RatioReport.loadAverage();
        Collection<RunResult> results =
                new Runner(options(profile).result(json.toString()).build()).run();
        stripHistograms(json);
        boolean smoke = "smoke".equals(profile);
        RoutingQuality.Summary quality = RoutingQuality.run(smoke ? 50 : RoutingQuality.INSTANCES, RoutingQuality.SEED);
        RoutingQuality.BudgetSummary budget =
                RoutingQuality.runBudget(smoke ? 10 : RoutingQuality.BUDGET_INSTANCES, RoutingQuality.SEED);
        String conditions =
                "load average (1, 5, 15 min) before the run " + loadBefore + ", after " + RatioReport.loadAverage()
                        + "; one benchmark thread, the JIT and the GC are the expected load: a load average well above 1"
                        + " means other work shared the 2 cores and the figures are noisy";
        String report = render(profile, date, results, quality, budget, conditions);
        Files.writeString(markdown, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + markdown.toAbsolutePath() + " and " + json.toAbsolutePath());
    }

    /** The options of one profile: S3, GC profiler, fail on error, JSON results. */
    static ChainedOptionsBuilder options(String profile) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(S3))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON);
        switch (profile) {
            case "reduced" -> options.forks(1)
                    .warmupIterations(4)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(4)
                    .measurementTime(TimeValue.seconds(1));
            case "smoke" -> options.forks(1)
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .param("lines", "1", "10")
                    .param("locations", "10", "100");
            default -> {}
        }
        return options;
    }

    /**
     * Rewrites JMH's JSON results without the {@code rawDataHistogram} of every metric (the sample-time
     * histograms, megabytes for a grid) and without the percentiles of the secondary (GC profiler) metrics;
     * scores, errors, the primary metric's percentiles and the per-iteration scores stay.
     */
    static void stripHistograms(Path json) throws IOException {
        if (!Files.exists(json)) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode root = mapper.readTree(json.toFile());
        for (JsonNode run : root) {
            strip(run.get("primaryMetric"));
            JsonNode secondary = run.get("secondaryMetrics");
            if (secondary != null) {
                for (Iterator<JsonNode> it = secondary.elements(); it.hasNext(); ) {
                    JsonNode metric = it.next();
                    strip(metric);
                    if (metric instanceof ObjectNode o) {
                        o.remove("scorePercentiles");
                    }
                }
            }
        }
        mapper.writeValue(json.toFile(), root);
    }

    private static void strip(JsonNode metric) {
        if (metric instanceof ObjectNode o) {
            o.remove("rawDataHistogram");
        }
    }

    /** How the decisions of one cell were reached, from its 64 requests routed once with the default profile. */
    record Mix(
            int requests, int oneShipment, int exact, int greedy, int budgetReached, int incomplete, double shipments) {
        /** Routes the cell's requests as {@link RoutingBenchmark} builds them. */
        static Mix of(int lines, int locations) {
            RoutingBenchmark b = new RoutingBenchmark();
            b.lines = lines;
            b.locations = locations;
            b.build();
            int one = 0;
            int exact = 0;
            int greedy = 0;
            int budget = 0;
            int incomplete = 0;
            int shipments = 0;
            for (RoutingDecision d : b.reference) {
                List<String> notes = d.explanation().notes();
                one += notes.stream().anyMatch(s -> s.startsWith("one shipment")) ? 1 : 0;
                exact += notes.stream().anyMatch(s -> s.startsWith("exact search")) ? 1 : 0;
                greedy += RoutingQuality.greedy(d) ? 1 : 0;
                budget += RoutingQuality.budgetReached(d) ? 1 : 0;
                incomplete += d.isComplete() ? 0 : 1;
                shipments += d.shipmentCount();
            }
            return new Mix(
                    b.reference.length,
                    one,
                    exact,
                    greedy,
                    budget,
                    incomplete,
                    (double) shipments / b.reference.length);
        }
    }

    /** The Markdown report of a run and its shipment-count check. */
    static String render(
            String profile,
            String date,
            Collection<RunResult> results,
            RoutingQuality.Summary quality,
            RoutingQuality.BudgetSummary budget,
            String conditions) {
        List<RunResult> all = new ArrayList<>(results);
        if (all.isEmpty()) {
            throw new IllegalStateException("JMH returned no results");
        }
        StringBuilder md = new StringBuilder();
        md.append("# S3 routing decision: ").append(date).append("\n\n");
        md.append("Scenario S3 of `docs/PERFORMANCE.md`: `Router.route(request, input)` (oms-routing) for 1, 10 and")
                .append(" 50 lines over 10, 100 and 2,000 locations, one thread, against the baseline of the same run")
                .append(" on the same data: one pass over the lines x locations availability matrix (for each line,")
                .append(" for each location, read the units, add them up, count the locations with the line in full).")
                .append(" Locations at random points over Vietnam (a quarter stores, the rest warehouses and 3PL),")
                .append(" every one shipping; ")
                .append(RoutingData.CATALOG)
                .append(" SKUs, each stocked at ~30% of the locations with 0..20 units; ")
                .append(RoutingBenchmark.REQUESTS)
                .append(" requests per cell of distinct SKUs with 1..3 units each to random destinations, taken in")
                .append(" turn. Invariants (units never above what a location has, every assignment from a")
                .append(" candidate, assigned + unfulfilled = wanted, shipments within the limit, the same decision")
                .append(" as the set-up's) held after every iteration, or the run would have failed.\n\n");
        RatioReport.environment(md, profile, all, conditions, RoutingReport.class, "benchmark, mode and cell");

        for (String bench : List.of("route", "routeWeighted")) {
            cells(md, all, bench);
        }
        mix(md, all);
        goals(md, all, quality, budget);
        quality(md, quality, budget);
        return md.toString();
    }

    private static void cells(StringBuilder md, List<RunResult> all, String bench) {
        if (all.stream().noneMatch(r -> name(r).equals(S3 + bench))) {
            return;
        }
        md.append("## `")
                .append(bench)
                .append("`: ")
                .append(
                        "route".equals(bench)
                                ? "`RoutingProfile.defaults()` (priority then distance, fewest shipments)"
                                : "weighted: 0.6 distance + 0.4 shipping cost (Vietnamese rate table)")
                .append("\n\n");
        md.append("ns/op from the throughput run; p50 / p99 from the sample-time run (microseconds). x baseline is")
                .append(" decision ns/op / baseline ns/op (goal <= 5x). Bytes are `gc.alloc.rate.norm` of the")
                .append(" throughput run.\n\n");
        md.append("| lines x locations | decision ns/op | baseline ns/op | x baseline | <= 5x | p50 us | p99 us |")
                .append(" p99 goal | p99 met | decisions/s | bytes/decision |\n");
        md.append("|---|---:|---:|---:|---|---:|---:|---:|---|---:|---:|\n");
        for (String l : LINES) {
            for (String m : LOCATIONS) {
                Optional<RunResult> thr = find(all, bench, Mode.Throughput, l, m);
                Optional<RunResult> sample = find(all, bench, Mode.SampleTime, l, m);
                if (thr.isEmpty() && sample.isEmpty()) {
                    continue;
                }
                double ns = nsPerOp(thr);
                double base = nsPerOp(find(all, "baseline", Mode.Throughput, l, m));
                double ratio = ns / base;
                double p50 = percentile(sample, 50);
                double p99 = percentile(sample, 99);
                double goal = p99Goal(l, m);
                md.append("| ")
                        .append(l)
                        .append(" x ")
                        .append(m)
                        .append(" | ")
                        .append(num(ns, 0))
                        .append(" | ")
                        .append(num(base, 1))
                        .append(" | ")
                        .append(x(ratio))
                        .append(" | ")
                        .append(met(ratio <= GOAL_RATIO, ratio))
                        .append(" | ")
                        .append(num(p50, 2))
                        .append(" | ")
                        .append(num(p99, 2))
                        .append(" | ")
                        .append(Double.isNaN(goal) ? "-" : "<= " + num(goal, 0))
                        .append(" | ")
                        .append(Double.isNaN(goal) ? "-" : met(p99 <= goal, p99))
                        .append(" | ")
                        .append(num(1e9 / ns, 0))
                        .append(" | ")
                        .append(num(thr.map(RatioReport::bytesPerOp).orElse(Double.NaN), 0))
                        .append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void mix(StringBuilder md, List<RunResult> all) {
        md.append("## How the default profile decided each cell\n\n");
        md.append("The cell's ")
                .append(RoutingBenchmark.REQUESTS)
                .append(" requests routed once with `RoutingProfile.defaults()` (at most 3 shipments, search budget")
                .append(" 20,000 nodes), from the notes of each explanation: one location has every line; the exact")
                .append(" search found the fewest shipments; greedy chose (no cover within 3 shipments, or the search")
                .append(" reached its budget). A 50-line request over this stock needs more than 3 locations, so it")
                .append(" ships what 3 can and reports the rest unfulfilled.\n\n");
        md.append("| lines x locations | one location | exact search | greedy | of which budget reached |")
                .append(" not met in full | mean shipments |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String l : LINES) {
            for (String m : LOCATIONS) {
                if (find(all, "route", null, l, m).isEmpty()) {
                    continue;
                }
                Mix x = Mix.of(Integer.parseInt(l), Integer.parseInt(m));
                md.append("| ")
                        .append(l)
                        .append(" x ")
                        .append(m)
                        .append(" | ")
                        .append(x.oneShipment())
                        .append(" | ")
                        .append(x.exact())
                        .append(" | ")
                        .append(x.greedy())
                        .append(" | ")
                        .append(x.budgetReached())
                        .append(" | ")
                        .append(x.incomplete())
                        .append(" | ")
                        .append(num(x.shipments(), 2))
                        .append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void goals(
            StringBuilder md,
            List<RunResult> all,
            RoutingQuality.Summary quality,
            RoutingQuality.BudgetSummary budget) {
        md.append("## Goals (default profile, `route`)\n\n");
        md.append("| goal | target | measured | met | measured / target |\n|---|---|---:|---|---:|\n");
        for (String l : LINES) {
            for (String m : LOCATIONS) {
                Optional<RunResult> thr = find(all, "route", Mode.Throughput, l, m);
                if (thr.isEmpty()) {
                    continue;
                }
                double ratio = nsPerOp(thr) / nsPerOp(find(all, "baseline", Mode.Throughput, l, m));
                goal(md, l + " x " + m + ": decision vs baseline", "<= 5x", x(ratio), ratio <= GOAL_RATIO, ratio / 5);
            }
        }
        for (P99Goal g : GOAL_P99) {
            Optional<RunResult> s = find(all, "route", Mode.SampleTime, g.lines(), g.locations());
            String cell = g.lines() + " x " + g.locations() + ": p99";
            if (s.isEmpty()) {
                md.append("| ")
                        .append(cell)
                        .append(" | <= ")
                        .append(num(g.micros(), 0))
                        .append(" us | not run in this profile | - | - |\n");
                continue;
            }
            double p99 = percentile(s, 99);
            goal(
                    md,
                    cell,
                    "<= " + num(g.micros(), 0) + " us",
                    num(p99, 2) + " us",
                    p99 <= g.micros(),
                    p99 / g.micros());
        }
        Optional<RunResult> rate = find(all, "route", Mode.Throughput, "10", "100");
        if (rate.isPresent()) {
            double perSecond = 1e9 / nsPerOp(rate);
            goal(
                    md,
                    "10 x 100: decisions/s, one core",
                    ">= 83,000",
                    num(perSecond, 0),
                    perSecond >= GOAL_RATE,
                    perSecond / GOAL_RATE);
        } else {
            md.append("| 10 x 100: decisions/s, one core | >= 83,000 | not run in this profile | - | - |\n");
        }
        goal(
                md,
                "shipments, default / exact profile (small series, max)",
                "<= 1.1x",
                x(quality.maxRatio()),
                quality.maxRatio() <= RoutingQuality.GOAL_RATIO,
                quality.maxRatio() / RoutingQuality.GOAL_RATIO);
        goal(
                md,
                "shipments, default / brute-force optimum (small series, max)",
                "<= 1.1x",
                x(quality.maxRatioToOptimum()),
                quality.maxRatioToOptimum() <= RoutingQuality.GOAL_RATIO,
                quality.maxRatioToOptimum() / RoutingQuality.GOAL_RATIO);
        goal(
                md,
                "shipments, default / unlimited budget (budget series, max)",
                "<= 1.1x",
                x(budget.maxRatio()),
                budget.maxRatio() <= RoutingQuality.GOAL_RATIO,
                budget.maxRatio() / RoutingQuality.GOAL_RATIO);
        md.append("\nThe last column is measured / target: at most 1.00x is met for every row here.\n\n");
    }

    private static void quality(StringBuilder md, RoutingQuality.Summary q, RoutingQuality.BudgetSummary b) {
        md.append("## Shipment count against the exact optimum\n\n");
        md.append("**Small series**: ")
                .append(q.instances())
                .append(" random instances (3-8 lines of 1-4 units x 5-12 locations, 10 SKUs each at 45% of the")
                .append(" locations with 1-4 units: scarce, so requests split), seed ")
                .append(RoutingQuality.SEED)
                .append(". Each is routed with `RoutingProfile.defaults()` (budget 20,000, at most 3 shipments)")
                .append(" and with the exact profile (the default with `searchBudget(Integer.MAX_VALUE)` and")
                .append(" `maxShipments(lines)`), and solved by brute force over every subset of locations (the")
                .append(" optimum: the fewest locations whose stock meets every line, lines split freely). Ratios")
                .append(" are over the instances both profiles met in full.\n\n");
        md.append("| figure | value |\n|---|---:|\n");
        row(md, "instances", q.instances());
        row(md, "compared (both profiles met the request in full)", q.compared());
        row(md, "of which the optimum takes 2 or more shipments", q.split());
        row(md, "default / exact profile: max", x(q.maxRatio()));
        row(md, "default / exact profile: mean", x3(q.meanRatio()));
        row(md, "default above the exact profile", q.aboveExact());
        row(md, "default / optimum: max", x(q.maxRatioToOptimum()));
        row(md, "default / optimum: mean", x3(q.meanRatioToOptimum()));
        row(md, "default above the optimum", q.aboveOptimum());
        row(md, "exact profile above the optimum", q.exactAboveOptimum());
        row(
                md,
                "exact profile above its own model's optimum (every line in full somewhere; fewest locations with every line in full)",
                q.exactAboveCover());
        row(md, "default fell back to greedy (all instances)", q.defaultGreedy());
        row(md, "default search reached its budget (all instances)", q.defaultBudgetReached());
        row(md, "exact profile fell back to greedy (all instances)", q.exactGreedy());
        row(md, "optimum within 3 shipments, default not met in full", q.defaultIncomplete());
        row(md, "optimum within as many shipments as lines, exact profile not met in full", q.exactIncomplete());
        row(md, "optimum needs more than the default's 3 shipments", q.beyondDefaultLimit());
        row(md, "no set of locations meets the request", q.infeasible());
        md.append("\nWorst case against the optimum: ").append(q.worst()).append(".\n\n");

        md.append("**Budget series**: ")
                .append(b.instances())
                .append(" instances shaped like the benchmark's stock (10-30 lines of 1-3 units x 100-500 locations,")
                .append(" 60 SKUs at 30% of the locations with 0-20 units), where the default search often reaches")
                .append(" its budget: `RoutingProfile.defaults()` against the same profile with an unlimited budget")
                .append(" (same 3-shipment limit). Too large for brute force.\n\n");
        md.append("| figure | value |\n|---|---:|\n");
        row(md, "instances", b.instances());
        row(md, "default search reached its budget (greedy chose)", b.budgetReached());
        row(md, "compared (both met the request in full)", b.compared());
        row(md, "compared with the budget reached", b.comparedBudgetReached());
        row(md, "default / unlimited: max", x(b.maxRatio()));
        row(md, "default / unlimited: mean", x3(b.meanRatio()));
        row(md, "default above unlimited", b.above());
        row(md, "time of the unlimited searches, total ms", b.unlimitedMillis());
        md.append('\n');
    }

    private static void row(StringBuilder md, String what, Object value) {
        md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static void goal(StringBuilder md, String what, String target, String measured, boolean met, double by) {
        md.append("| ")
                .append(what)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" | ")
                .append(x(by))
                .append(" |\n");
    }

    private static String met(boolean met, double value) {
        return Double.isNaN(value) ? "n/a" : met ? "yes" : "**no**";
    }

    private static double p99Goal(String lines, String locations) {
        for (P99Goal g : GOAL_P99) {
            if (g.lines().equals(lines) && g.locations().equals(locations)) {
                return g.micros();
            }
        }
        return Double.NaN;
    }

    /** Nanoseconds per operation from a throughput result in operations per microsecond. */
    private static double nsPerOp(Optional<RunResult> r) {
        return r.map(x -> 1_000 / x.getPrimaryResult().getScore()).orElse(Double.NaN);
    }

    private static double percentile(Optional<RunResult> r, double p) {
        return r.map(x -> x.getPrimaryResult().getStatistics().getPercentile(p)).orElse(Double.NaN);
    }

    private static Optional<RunResult> find(
            List<RunResult> all, String bench, Mode mode, String lines, String locations) {
        return all.stream()
                .filter(r -> name(r).equals(S3 + bench)
                        && (mode == null || r.getParams().getMode() == mode)
                        && lines.equals(r.getParams().getParam("lines"))
                        && locations.equals(r.getParams().getParam("locations")))
                .findFirst();
    }

    private static String name(RunResult r) {
        return r.getParams().getBenchmark();
    }

    private static String x(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String x3(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.3fx", ratio);
    }

    private static String num(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
