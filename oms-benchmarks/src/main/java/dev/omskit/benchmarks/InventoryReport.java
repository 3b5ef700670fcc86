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
 * Runs the inventory scenarios S1 with reservation ({@link OrderReservationBenchmark}), S2 ({@link
 * HotSkuBenchmark}), S6 ({@link AvailabilityBenchmark}) and S7 ({@link ReservationScaleBenchmark}) in one JMH
 * run with the GC profiler, then the S2 sell-out runs
 * ({@link HotSkuBenchmark#sellOut}: {@value #SELL_OUT_STOCK} units, 2 and 16 threads), and writes every
 * figure with its same-run baseline, its ratio and the goals of {@code docs/PERFORMANCE.md} (met or
 * missed, and by how much) to {@code oms-benchmarks/results/<date>-inventory.md}, the raw JMH results
 * beside it as {@code <date>-inventory.json}, noting JDK, heap, GC and machine.
 *
 * <p>Run from the repository root, after {@code mvn -B -o -DskipTests install}:
 *
 * <pre>
 * # full profile (the benchmarks' annotations: 3 forks x (5 x 1 s + 5 x 1 s)); about 25 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.InventoryReport
 *
 * # reduced (2 forks x (5 x 1 s warm-up + 5 x 1 s measurement)); about 11 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.InventoryReport reduced
 *
 * # smoke (1 fork x (1 x 200 ms + 1 x 200 ms), S1 at 10 locations, S7 at 0 and 10,000 only): checks the
 * # report, figures meaningless
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.InventoryReport smoke /tmp/results
 *
 * # S1 alone, reduced (1 fork x (3 x 2 s warm-up + 3 x 2 s measurement)), no sell-out runs, written to
 * # results/<date>-s1-reserve.md and .json; about 2 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.InventoryReport s1-reduced
 * </pre>
 *
 * <p>Arguments: the profile ({@code full}, {@code reduced}, {@code smoke} or {@code s1-reduced}; default
 * {@code full}) and the
 * results directory (default {@code oms-benchmarks/results}, relative to the working directory).
 */
public final class InventoryReport {
    /** Units of the sell-out runs. */
    static final int SELL_OUT_STOCK = 100_000;

    /** S2: the least ratio of the 2-thread figure to the 2-thread CAS baseline. */
    static final double GOAL_S2_RATIO = 0.5;

    /** S2: 100x AliSQL's hot-row figure. */
    static final double GOAL_S2_RATE = 3_100_000;

    /** S2: the least ratio of the 16-thread figure to the 2-thread figure. */
    static final double GOAL_S2_OVERSUBSCRIBED = 0.7;

    /** S6: the least ratio of the reader's rate under writes to the quiet rate. */
    static final double GOAL_S6_READ = 0.8;

    /** S6: the least ratio of the writer's rate beside a reader to its rate alone (loses at most 10%). */
    static final double GOAL_S6_WRITE = 0.9;

    /** S7: the most p99 at 1,000,000 outstanding may be, as a multiple of p99 at 0. */
    static final double GOAL_S7 = 1.2;

    private static final String PKG = "dev.omskit.benchmarks.";
    private static final String S1 = OrderReservationBenchmark.class.getName() + ".";
    private static final String S2 = HotSkuBenchmark.class.getName() + ".";
    private static final String S6 = AvailabilityBenchmark.class.getName() + ".";
    private static final String S7 = ReservationScaleBenchmark.class.getName() + ".";

    private InventoryReport() {}

    /** Runs the profile named by {@code args[0]} and writes the report to the directory {@code args[1]}. */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        String profile = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "full";
        if (!List.of("full", "reduced", "smoke", "s1-reduced").contains(profile)) {
            throw new IllegalArgumentException(
                    "profile must be full, reduced, smoke or s1-reduced; was '" + args[0] + "'");
        }
        boolean s1Only = "s1-reduced".equals(profile);
        Path dir = Paths.get(args.length > 1 ? args[1] : "oms-benchmarks/results");
        Files.createDirectories(dir);
        String date = LocalDate.now().toString();
        String stem = date + (s1Only ? "-s1-reserve" : "-inventory");
        Path markdown = dir.resolve(stem + ".md");
        Path json = dir.resolve(stem + ".json");

        String loadBefore = RatioReport.loadAverage();
        ChainedOptionsBuilder options = options(profile).result(json.toString());
        Collection<RunResult> results = new Runner(options.build()).run();

        List<HotSkuBenchmark.SellOut> sellOuts = new ArrayList<>();
        for (int threads : s1Only ? new int[0] : new int[] {2, 16}) {
            HotSkuBenchmark.SellOut s = HotSkuBenchmark.sellOut(SELL_OUT_STOCK, threads);
            System.out.println("sell-out: " + s);
            sellOuts.add(s);
        }
        String conditions =
                "load average (1, 5, 15 min) before the run " + loadBefore + ", after " + RatioReport.loadAverage()
                        + (s1Only
                                ? "; one benchmark thread, the JIT and the GC are the expected load (the load average lags:"
                                        + " it still counts work that ended shortly before)"
                                : "; no other job started during the run (the load average lags: it still counts work that"
                                        + " ended shortly before, and 16 benchmark threads raise it)");
        String report = render(profile, date, results, sellOuts, conditions);
        Files.writeString(markdown, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + markdown.toAbsolutePath() + " and " + json.toAbsolutePath());
        for (HotSkuBenchmark.SellOut s : sellOuts) {
            if (!s.exact()) {
                throw new IllegalStateException("sell-out not exact: " + s);
            }
        }
    }

    /** The options of one profile: S1 (and S2, S6, S7 but in {@code s1-reduced}), GC profiler, fail on error, JSON. */
    static ChainedOptionsBuilder options(String profile) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(S1))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON);
        if (!"s1-reduced".equals(profile)) {
            options.include("^" + Pattern.quote(S2))
                    .include("^" + Pattern.quote(S6))
                    .include("^" + Pattern.quote(S7));
        }
        switch (profile) {
            case "reduced" -> options.forks(2)
                    .warmupIterations(5)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
            case "smoke" -> options.forks(1)
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200))
                    .param("outstanding", "0", "10000")
                    .param("locations", "10")
                    .param("ordersPerStore", "1024");
            case "s1-reduced" -> options.forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(2));
            default -> {}
        }
        return options;
    }

    /** The Markdown report of a run and its sell-out runs. */
    static String render(
            String profile,
            String date,
            Collection<RunResult> results,
            List<HotSkuBenchmark.SellOut> sellOuts,
            String conditions) {
        List<RunResult> all = new ArrayList<>(results);
        if (all.isEmpty()) {
            throw new IllegalStateException("JMH returned no results");
        }
        all.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark()));
        StringBuilder md = new StringBuilder();
        boolean others = all.stream().anyMatch(r -> !name(r).startsWith(S1));
        if (!others) {
            md.append("# S1 capture + reserve: ").append(date).append("\n\n");
            md.append("Scenario S1 of `docs/PERFORMANCE.md` as stated, through the `Oms` facade allocating from an")
                    .append(" `Inventory` (`InMemoryStorage` and `InMemoryInventoryStore`, oms-testkit), against")
                    .append(" its baseline of the same run. Bytes are `gc.alloc.rate.norm` per operation.\n\n");
            RatioReport.environment(md, profile, all, conditions, InventoryReport.class, "benchmark and param");
            s1(md, all);
            return md.toString();
        }
        md.append("# Inventory S2, S6, S7: ").append(date).append("\n\n");
        md.append("Scenarios S2 (hot SKU), S6 (availability under writes) and S7 (reservation ledger size) of")
                .append(" `docs/PERFORMANCE.md`, through the `Inventory` facade over `InMemoryInventoryStore`")
                .append(" (oms-testkit), each against its baseline of the same run. Bytes are")
                .append(" `gc.alloc.rate.norm` per operation.\n\n");
        RatioReport.environment(md, profile, all, conditions, InventoryReport.class, "benchmark and param");
        s1(md, all);
        s2(md, all, sellOuts);
        s6(md, all);
        s7(md, all);
        return md.toString();
    }

    private static void s1(StringBuilder md, List<RunResult> all) {
        List<RunResult> rows = all.stream()
                .filter(r -> name(r).startsWith(S1))
                .sorted(Comparator.comparing((RunResult r) -> r.getParams().getParam("lines"))
                        .thenComparing(Results::name))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## S1: capture + validate + reserve + record events, one thread\n\n");
        md.append("One operation is one order: `capture`, then `transition(ALLOCATE)` on an `Oms` built with an")
                .append(" `Inventory` (default `preferSingleLocation` sourcing, then `Inventory.reserve`, the commit,")
                .append(" the merge into `order-<id>` and its confirmation; events left in the outbox, drained every ")
                .append(OrderReservationBenchmark.DRAIN_EVERY)
                .append(" orders). 10,000 SKUs (no hot spot) x `locations` shipping locations (priorities 1..n), ")
                .append(fmt(OrderReservationBenchmark.UNITS_PER_CELL))
                .append(" units per cell received in the trial set-up (the inventory is rebuilt in an iteration")
                .append(" set-up only when it would outgrow ")
                .append(OrderReservationBenchmark.GENERATIONS)
                .append(
                        " order stores; the output says `S1: inventory rebuilt` when it is). Baseline: one hash lookup + one bounded")
                .append(" decrement per line + one allocation per order, same input. Invariants (reserved over every")
                .append(" cell = units of the orders allocated, one open reservation per order, onHand - reserved =")
                .append(" available, nothing negative, every order ALLOCATED, baseline stock conserved) held after")
                .append(" every iteration, or the run would have failed.\n\n");
        md.append("| benchmark | lines | locations | orders/s | +/- (99.9%) | baseline orders/s | x baseline |")
                .append(" bytes/order (gc) | bytes/order (measured method) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : rows) {
            Optional<RunResult> base =
                    find(all, S1 + "baseline", "lines", r.getParams().getParam("lines"));
            md.append("| ")
                    .append(shortName(r))
                    .append(" | ")
                    .append(r.getParams().getParam("lines"))
                    .append(" | ")
                    .append(r.getParams().getParam("locations"))
                    .append(" | ")
                    .append(fmt(score(r)))
                    .append(" | ")
                    .append(fmt(r.getPrimaryResult().getScoreError()))
                    .append(" | ")
                    .append(fmt(base.map(Results::score).orElse(Double.NaN)))
                    .append(" | ")
                    .append(x(ratio(r, base)))
                    .append(" | ")
                    .append(fmt(RatioReport.bytesPerOp(r)))
                    .append(" | ")
                    .append(fmt(ownBytes(r)))
                    .append(" |\n");
        }
        md.append("\n`bytes/order (gc)` is JMH's `gc.alloc.rate.norm`, which also counts what the iteration set-up")
                .append(" and the invariant checks allocate (the checks read every cell, some 50 MB an iteration);")
                .append(" `bytes/order (measured method)` is what the benchmark thread allocated between the two")
                .append(" (`OrderReservationBenchmark.Allocation`, mean over iterations). The goal is checked on the")
                .append(" larger, `gc`.\n");
        goalsHeader(md);
        for (String lines : List.of("1", "5")) {
            Optional<RunResult> o = find(all, S1 + "captureAndReserve", "lines", lines);
            if (o.isEmpty()) {
                continue;
            }
            Optional<RunResult> base = find(all, S1 + "baseline", "lines", lines);
            if ("1".equals(lines)) {
                double rate = score(o.get());
                goal(
                        md,
                        "1-line orders/s, one thread",
                        ">= 583,000",
                        fmt(rate),
                        rate >= RatioReport.GOAL_ORDERS_PER_SECOND,
                        by(rate, RatioReport.GOAL_ORDERS_PER_SECOND));
            }
            double ratio = ratio(o.get(), base);
            goal(
                    md,
                    lines + "-line vs baseline",
                    ">= 0.3x",
                    x(ratio),
                    ratio >= RatioReport.GOAL_RATIO,
                    by(ratio, RatioReport.GOAL_RATIO));
            if ("1".equals(lines)) {
                double bytes = RatioReport.bytesPerOp(o.get());
                goal(
                        md,
                        "bytes allocated per 1-line order",
                        "< 1,024",
                        fmt(bytes),
                        bytes < RatioReport.GOAL_BYTES_PER_ORDER,
                        by(RatioReport.GOAL_BYTES_PER_ORDER, bytes));
            }
        }
        md.append('\n');
    }

    /** The mean over iterations of {@code OrderReservationBenchmark.Allocation.bytesPerOp}; NaN without it. */
    private static double ownBytes(RunResult r) {
        Result<?> s = r.getSecondaryResults().get("bytesPerOp");
        return s == null ? Double.NaN : s.getStatistics().getMean();
    }

    private static void s2(StringBuilder md, List<RunResult> all, List<HotSkuBenchmark.SellOut> sellOuts) {
        Optional<RunResult> o2 = find(all, S2 + "omskit2", null, null);
        Optional<RunResult> o16 = find(all, S2 + "omskit16", null, null);
        Optional<RunResult> b2 = find(all, S2 + "baseline2", null, null);
        Optional<RunResult> b16 = find(all, S2 + "baseline16", null, null);
        if (o2.isEmpty() && o16.isEmpty()) {
            return;
        }
        md.append("## S2: one hot SKU, reserve 1-3 units, 10% releases\n\n");
        md.append("One operation is one reserve or one release. Baseline: a bare `AtomicLong` CAS loop that")
                .append(" decrements only while >= 0, same unit mix, same release ratio, same thread count.")
                .append(" Invariants (reserved = open units made, onHand - reserved = available, nothing")
                .append(" negative) held after every iteration, or the run would have failed.\n\n");
        md.append("| benchmark | threads | ops/s | +/- (99.9%) | baseline ops/s | x baseline | bytes/op |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        throughputRow(md, o2, b2, "2");
        throughputRow(md, b2, b2, "2");
        throughputRow(md, o16, b16, "16");
        throughputRow(md, b16, b16, "16");
        md.append("\n### Sell-out runs\n\n");
        md.append("Finite stock reserved through the facade from many threads (1-3 units, then single units once")
                .append(" refused) until a single unit is refused.\n\n");
        md.append("| stock | threads | units reserved | reservations | refusals | on hand | reserved | available |")
                .append(" channel ATP | oversold | exact | ms |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (HotSkuBenchmark.SellOut s : sellOuts) {
            md.append("| ")
                    .append(fmt(s.stock()))
                    .append(" | ")
                    .append(s.threads())
                    .append(" | ")
                    .append(fmt(s.reservedUnits()))
                    .append(" | ")
                    .append(fmt(s.reservations()))
                    .append(" | ")
                    .append(fmt(s.refusals()))
                    .append(" | ")
                    .append(fmt(s.onHand()))
                    .append(" | ")
                    .append(fmt(s.reserved()))
                    .append(" | ")
                    .append(fmt(s.available()))
                    .append(" | ")
                    .append(fmt(s.atp()))
                    .append(" | ")
                    .append(s.oversold())
                    .append(" | ")
                    .append(s.exact() ? "yes" : "**no**")
                    .append(" | ")
                    .append(s.millis())
                    .append(" |\n");
        }
        goalsHeader(md);
        boolean exact = !sellOuts.isEmpty() && sellOuts.stream().allMatch(HotSkuBenchmark.SellOut::exact);
        long oversold =
                sellOuts.stream().mapToLong(HotSkuBenchmark.SellOut::oversold).sum();
        goal(md, "zero oversell, exact sell-out", "0 oversold, exact", oversold + " oversold", exact, "-");
        o2.ifPresent(o -> {
            double ratio = ratio(o, b2);
            goal(md, "2 threads vs baseline", ">= 0.5x", x(ratio), ratio >= GOAL_S2_RATIO, by(ratio, GOAL_S2_RATIO));
            double rate = score(o);
            goal(md, "2 threads, ops/s", ">= 3,100,000", fmt(rate), rate >= GOAL_S2_RATE, by(rate, GOAL_S2_RATE));
        });
        if (o2.isPresent() && o16.isPresent()) {
            double ratio = score(o16.get()) / score(o2.get());
            goal(
                    md,
                    "16 threads vs 2 threads",
                    ">= 0.7x",
                    x(ratio),
                    ratio >= GOAL_S2_OVERSUBSCRIBED,
                    by(ratio, GOAL_S2_OVERSUBSCRIBED));
        }
        md.append('\n');
    }

    private static void s6(StringBuilder md, List<RunResult> all) {
        List<String> params = all.stream()
                .filter(r -> name(r).startsWith(S6))
                .map(r -> r.getParams().getParam("skus"))
                .distinct()
                .sorted(Comparator.comparingInt(Integer::parseInt))
                .toList();
        if (params.isEmpty()) {
            return;
        }
        md.append("## S6: availability reads while a writer reserves and releases\n\n");
        md.append("A read is `Inventory.availability(tenant, skus, channel)` over ")
                .append(AvailabilityBenchmark.LOCATIONS)
                .append(" locations; the writer reserves 1-3 units of a random cell of ")
                .append(AvailabilityBenchmark.CATALOG)
                .append(" SKUs x ")
                .append(AvailabilityBenchmark.LOCATIONS)
                .append(" locations, 10% releases. Quiet: one thread alone (the other core idle); mixed: one")
                .append(" reader and one writer at once (JMH group).\n\n");
        md.append(
                "| SKUs per read | side | quiet ops/s | mixed ops/s | mixed / quiet | quiet bytes/op | reads : writes |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|\n");
        List<String[]> goals = new ArrayList<>();
        for (String p : params) {
            Optional<RunResult> qr = find(all, S6 + "quietRead", "skus", p);
            Optional<RunResult> qw = find(all, S6 + "quietWrite", "skus", p);
            Optional<RunResult> mixed = find(all, S6 + "mixed", "skus", p);
            double mr = mixed.map(m -> secondary(m, "mixedRead")).orElse(Double.NaN);
            double mw = mixed.map(m -> secondary(m, "mixedWrite")).orElse(Double.NaN);
            double rr = mr / qr.map(Results::score).orElse(Double.NaN);
            double wr = mw / qw.map(Results::score).orElse(Double.NaN);
            String mix = String.format(Locale.ROOT, "%.2f : 1", mr / mw);
            md.append("| ")
                    .append(p)
                    .append(" | reader | ")
                    .append(fmt(qr.map(Results::score).orElse(Double.NaN)))
                    .append(" | ")
                    .append(fmt(mr))
                    .append(" | ")
                    .append(x(rr))
                    .append(" | ")
                    .append(fmt(qr.map(RatioReport::bytesPerOp).orElse(Double.NaN)))
                    .append(" | ")
                    .append(mix)
                    .append(" |\n");
            md.append("| ")
                    .append(p)
                    .append(" | writer | ")
                    .append(fmt(qw.map(Results::score).orElse(Double.NaN)))
                    .append(" | ")
                    .append(fmt(mw))
                    .append(" | ")
                    .append(x(wr))
                    .append(" | ")
                    .append(fmt(qw.map(RatioReport::bytesPerOp).orElse(Double.NaN)))
                    .append(" | ")
                    .append(mix)
                    .append(" |\n");
            goals.add(new String[] {p, String.valueOf(rr), String.valueOf(wr)});
        }
        goalsHeader(md);
        for (String[] g : goals) {
            double rr = Double.parseDouble(g[1]);
            double wr = Double.parseDouble(g[2]);
            goal(
                    md,
                    g[0] + "-SKU reads under writes vs quiet",
                    ">= 0.8x",
                    x(rr),
                    rr >= GOAL_S6_READ,
                    by(rr, GOAL_S6_READ));
            goal(
                    md,
                    "writer beside " + g[0] + "-SKU reads vs alone",
                    ">= 0.9x (loses <= 10%)",
                    x(wr),
                    wr >= GOAL_S6_WRITE,
                    by(wr, GOAL_S6_WRITE));
        }
        md.append('\n');
    }

    private static void s7(StringBuilder md, List<RunResult> all) {
        List<RunResult> rows = all.stream()
                .filter(r -> name(r).startsWith(S7))
                .sorted(Comparator.comparing(Results::name)
                        .thenComparingInt(r -> Integer.parseInt(r.getParams().getParam("outstanding"))))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## S7: latency with 0, 10,000 and 1,000,000 outstanding reservations\n\n");
        md.append("`Mode.SampleTime`, one thread, microseconds. `reserveRelease` is one reserve (1-3 units,")
                .append(" confirmed) plus its release; `availability` is one SKU over ")
                .append(ReservationScaleBenchmark.LOCATIONS)
                .append(" locations. Stock: ")
                .append(fmt(ReservationScaleBenchmark.SKUS))
                .append(" SKUs x ")
                .append(ReservationScaleBenchmark.LOCATIONS)
                .append(" locations. Baseline: the 0 case of the same run.\n\n");
        md.append(
                "| benchmark | outstanding | samples | mean | p50 | p90 | p99 | p99.9 | p99 x p99 at 0 | bytes/op |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult r : rows) {
            Result<?> p = r.getPrimaryResult();
            double base = p99(find(all, name(r), "outstanding", "0"));
            md.append("| ")
                    .append(shortName(r))
                    .append(" | ")
                    .append(fmt(Long.parseLong(r.getParams().getParam("outstanding"))))
                    .append(" | ")
                    .append(fmt(p.getStatistics().getN()))
                    .append(" | ")
                    .append(us(p.getScore()))
                    .append(" | ")
                    .append(us(p.getStatistics().getPercentile(50)))
                    .append(" | ")
                    .append(us(p.getStatistics().getPercentile(90)))
                    .append(" | ")
                    .append(us(p.getStatistics().getPercentile(99)))
                    .append(" | ")
                    .append(us(p.getStatistics().getPercentile(99.9)))
                    .append(" | ")
                    .append(x(p.getStatistics().getPercentile(99) / base))
                    .append(" | ")
                    .append(fmt(RatioReport.bytesPerOp(r)))
                    .append(" |\n");
        }
        goalsHeader(md);
        for (String bench : List.of("reserveRelease", "availability")) {
            double base = p99(find(all, S7 + bench, "outstanding", "0"));
            Optional<RunResult> big = find(all, S7 + bench, "outstanding", "1000000");
            if (big.isEmpty()) {
                md.append("| ")
                        .append(bench)
                        .append(": p99 at 1M vs p99 at 0 | <= 1.2x | not run in this profile | - | - |\n");
                continue;
            }
            double ratio = p99(big) / base;
            goal(md, bench + ": p99 at 1M vs p99 at 0", "<= 1.2x", x(ratio), ratio <= GOAL_S7, by(GOAL_S7, ratio));
        }
        md.append('\n');
    }

    private static void throughputRow(StringBuilder md, Optional<RunResult> r, Optional<RunResult> base, String t) {
        r.ifPresent(x -> md.append("| ")
                .append(shortName(x))
                .append(" | ")
                .append(t)
                .append(" | ")
                .append(fmt(score(x)))
                .append(" | ")
                .append(fmt(x.getPrimaryResult().getScoreError()))
                .append(" | ")
                .append(fmt(base.map(Results::score).orElse(Double.NaN)))
                .append(" | ")
                .append(x(ratio(x, base)))
                .append(" | ")
                .append(fmt(RatioReport.bytesPerOp(x)))
                .append(" |\n"));
    }

    private static void goalsHeader(StringBuilder md) {
        md.append("\n### Goals\n\n");
        md.append("| goal | target | measured | met | measured / target |\n|---|---|---:|---|---:|\n");
    }

    private static void goal(StringBuilder md, String what, String target, String measured, boolean met, String by) {
        md.append("| ")
                .append(what)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" | ")
                .append(by)
                .append(" |\n");
    }

    /** How far a figure is from its target: {@code measured / target}, 1.00x or more when met. */
    private static String by(double measured, double target) {
        return x(measured / target);
    }

    private static double p99(Optional<RunResult> r) {
        return r.map(x -> x.getPrimaryResult().getStatistics().getPercentile(99))
                .orElse(Double.NaN);
    }

    private static double secondary(RunResult r, String label) {
        Result<?> s = r.getSecondaryResults().get(label);
        return s == null ? Double.NaN : s.getScore();
    }

    private static Optional<RunResult> find(List<RunResult> all, String benchmark, String key, String value) {
        return all.stream()
                .filter(r -> name(r).equals(benchmark)
                        && (key == null || value.equals(r.getParams().getParam(key))))
                .findFirst();
    }

    private static String us(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** The benchmark name without the package, for messages. */
    static String simpleName(RunResult r) {
        return name(r).substring(PKG.length());
    }
}
