package dev.omskit.benchmarks;

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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CaptureBenchmark} (S1) and {@link TransitionBenchmark} with the GC profiler, then {@code
 * CaptureBenchmark.captureAndAllocate} again with a larger working set kept live ({@value #LARGE_STORE}
 * orders per store), prints every figure with its ratio to the baseline of the same run and the goals of
 * {@code docs/PERFORMANCE.md}, and writes the same as Markdown tables to {@code
 * oms-benchmarks/results/<date>-s1-capture.md} (with the raw JMH results beside it as {@code .json}), noting
 * JDK, heap, GC and machine.
 *
 * <p>S1 goals checked on {@code captureAndAllocate}: 1-line at least 583,000 orders/s on one thread; at
 * least 0.3x the baseline (1 and 5 lines); under 1 KB (1,024 bytes, {@code gc.alloc.rate.norm}) allocated
 * per 1-line order.
 *
 * <p>Run from the repository root, after {@code mvn -B -o -DskipTests install}:
 *
 * <pre>
 * # full profile (the benchmarks' annotations: 3 forks x (6 x 2 s + 5 x 2 s)); about 17 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RatioReport
 *
 * # reduced (2 forks x (5 x 2 s + 5 x 2 s)); about 10 minutes
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RatioReport reduced
 *
 * # smoke (1 fork x (1 x 200 ms + 1 x 200 ms)): checks the report works, figures meaningless
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.RatioReport smoke /tmp/results
 * </pre>
 *
 * <p>Arguments: the profile ({@code full}, {@code reduced} or {@code smoke}; default {@code full}) and the
 * results directory (default {@code oms-benchmarks/results}, relative to the working directory).
 */
public final class RatioReport {
    /** Alibaba's published global peak (Singles' Day 2020), the S1 goal for one thread. */
    static final double GOAL_ORDERS_PER_SECOND = 583_000;

    /** The least ratio to the same run's baseline S1 accepts. */
    static final double GOAL_RATIO = 0.3;

    /** The most bytes a 1-line order may allocate. */
    static final double GOAL_BYTES_PER_ORDER = 1024;

    /** The working set of the retention series: orders kept live per store. */
    static final int LARGE_STORE = 131_072;

    private static final String CAPTURE = CaptureBenchmark.class.getName() + ".";
    private static final String TRANSITION = TransitionBenchmark.class.getName() + ".";

    private RatioReport() {}

    /** Runs the profile named by {@code args[0]} and writes the report to the directory {@code args[1]}. */
    public static void main(String[] args) throws RunnerException, IOException {
        String profile = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "full";
        if (!List.of("full", "reduced", "smoke").contains(profile)) {
            throw new IllegalArgumentException("profile must be full, reduced or smoke; was '" + args[0] + "'");
        }
        Path dir = Paths.get(args.length > 1 ? args[1] : "oms-benchmarks/results");
        Files.createDirectories(dir);
        String date = LocalDate.now().toString();
        Path markdown = dir.resolve(date + "-s1-capture.md");
        Path json = dir.resolve(date + "-s1-capture.json");
        Path retentionJson = dir.resolve(date + "-s1-capture-retention.json");

        String loadBefore = loadAverage();
        ChainedOptionsBuilder main = profile(profile)
                .include("^" + Pattern.quote(CAPTURE))
                .include("^" + Pattern.quote(TRANSITION))
                .result(json.toString());
        if ("smoke".equals(profile)) {
            main.param("pool", "4096");
        }
        Collection<RunResult> results = new Runner(main.build()).run();

        Options retention = profile(profile)
                .include("^" + Pattern.quote(CAPTURE + "captureAndAllocate") + "$")
                .param("ordersPerStore", "smoke".equals(profile) ? "32768" : String.valueOf(LARGE_STORE))
                .result(retentionJson.toString())
                .build();
        Collection<RunResult> retained = new Runner(retention).run();

        String conditions = "load average (1, 5, 15 min) before the run " + loadBefore + ", after " + loadAverage()
                + "; the benchmark thread, the JIT and the GC are the only expected load";
        String report = render(profile, date, results, retained, conditions);
        Files.writeString(markdown, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("Written to " + markdown.toAbsolutePath() + ", " + json.toAbsolutePath() + " and "
                + retentionJson.toAbsolutePath());
    }

    /** The options every run of a profile shares: GC profiler, fail on error, JSON results. */
    private static ChainedOptionsBuilder profile(String profile) {
        ChainedOptionsBuilder options = new OptionsBuilder()
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
                    .measurementTime(TimeValue.milliseconds(200));
            default -> {}
        }
        return options;
    }

    /** The Markdown report of {@code results}, without a retention series. */
    static String render(String profile, String date, Collection<RunResult> results) {
        return render(profile, date, results, List.of(), "");
    }

    /**
     * The Markdown report of {@code results} (the benchmarks at their default working set) and {@code
     * retained} ({@code captureAndAllocate} with a larger working set kept live).
     */
    static String render(
            String profile,
            String date,
            Collection<RunResult> results,
            Collection<RunResult> retained,
            String conditions) {
        List<RunResult> sorted = sorted(results);
        if (sorted.isEmpty()) {
            throw new IllegalStateException("JMH returned no results");
        }
        BenchmarkParams any = sorted.get(0).getParams();
        StringBuilder md = new StringBuilder();
        md.append("# S1 capture: ").append(date).append("\n\n");
        md.append("Scenario S1 of `docs/PERFORMANCE.md`, first version (capture + validate + allocate + record events")
                .append(" through the `Oms` facade over `InMemoryStorage`, one thread, 10,000 SKUs; inventory")
                .append(" reservation comes later, `ALLOCATE` stands in for it). One operation is one order. Ratios")
                .append(" are to the baseline of the same run on the same input (one hash lookup and one bounded")
                .append(" decrement per line, one allocation per order). Bytes are `gc.alloc.rate.norm`.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| profile | ")
                .append(profile)
                .append(": ")
                .append("forks ")
                .append(any.getForks())
                .append(" x (")
                .append(any.getWarmup().getCount())
                .append(" x ")
                .append(any.getWarmup().getTime())
                .append(" warm-up + ")
                .append(any.getMeasurement().getCount())
                .append(" x ")
                .append(any.getMeasurement().getTime())
                .append(" measurement), ")
                .append(any.getMode().shortLabel())
                .append(", ")
                .append(any.getThreads())
                .append(" thread |\n");
        runRows(md, any, RatioReport.class, profile, conditions);

        md.append("## S1: orders per second on one thread\n\n");
        header(md, "orders/s", "bytes/order");
        for (RunResult r : sorted) {
            if (name(r).startsWith(CAPTURE)) {
                row(md, r, baseline(sorted, r, CAPTURE + "baseline"));
            }
        }
        md.append("\n### Goals\n\n");
        md.append("| goal | target | measured | met |\n|---|---|---:|---|\n");
        Optional<RunResult> one = find(sorted, CAPTURE + "captureAndAllocate", "1");
        Optional<RunResult> five = find(sorted, CAPTURE + "captureAndAllocate", "5");
        one.ifPresent(r -> {
            double score = r.getPrimaryResult().getScore();
            goal(md, "1-line orders/s, one thread", ">= 583,000", fmt(score), score >= GOAL_ORDERS_PER_SECOND);
        });
        for (Optional<RunResult> r : List.of(one, five)) {
            r.ifPresent(x -> {
                double ratio = ratio(x, baseline(sorted, x, CAPTURE + "baseline"));
                goal(
                        md,
                        param(x, "lines") + "-line ratio to baseline",
                        ">= 0.3x",
                        String.format(Locale.ROOT, "%.3fx", ratio),
                        ratio >= GOAL_RATIO);
            });
        }
        one.ifPresent(r -> {
            double bytes = bytesPerOp(r);
            goal(
                    md,
                    "bytes allocated per 1-line order",
                    "< 1 KB (1,024 B)",
                    fmt(bytes),
                    !Double.isNaN(bytes) && bytes < GOAL_BYTES_PER_ORDER);
        });

        if (!retained.isEmpty()) {
            md.append("\n### A larger working set kept live\n\n");
            md.append("`captureAndAllocate` again with more orders kept live per store (`ordersPerStore`): the GC")
                    .append(" cost of retaining orders in `InMemoryStorage` (a separate JMH run, same machine and")
                    .append(" profile; ratio to the baseline above).\n\n");
            header(md, "orders/s", "bytes/order");
            for (RunResult r : sorted(retained)) {
                row(md, r, baseline(sorted, r, CAPTURE + "baseline"));
            }
        }

        if (sorted.stream().anyMatch(r -> name(r).startsWith(TRANSITION))) {
            md.append("\n## One transition on an existing order (ALLOCATE / DEALLOCATE)\n\n");
            md.append("Baseline: the pure `OrderDecider.transition` on the same orders; the gap is the storage")
                    .append(" and pipeline overhead of the facade. `orders live` is the pool.\n\n");
            header(md, "transitions/s", "bytes/transition");
            for (RunResult r : sorted) {
                if (name(r).startsWith(TRANSITION)) {
                    row(md, r, baseline(sorted, r, TRANSITION + "decider"));
                }
            }
        }
        return md.toString();
    }

    private static List<RunResult> sorted(Collection<RunResult> results) {
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparing(r -> Integer.parseInt(param(r, "lines"))));
        return sorted;
    }

    private static void header(StringBuilder md, String unit, String bytes) {
        md.append("| benchmark | lines | orders live | ")
                .append(unit)
                .append(" | +/- (99.9%) | x baseline | ")
                .append(bytes)
                .append(" |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    }

    private static void row(StringBuilder md, RunResult r, Optional<RunResult> baseline) {
        Result<?> primary = r.getPrimaryResult();
        md.append("| ")
                .append(name(r).substring(name(r).lastIndexOf('.') + 1))
                .append(" | ")
                .append(param(r, "lines"))
                .append(" | ")
                .append(live(r))
                .append(" | ")
                .append(fmt(primary.getScore()))
                .append(" | ")
                .append(fmt(primary.getScoreError()))
                .append(" | ")
                .append(String.format(Locale.ROOT, "%.3fx", ratio(r, baseline)))
                .append(" | ")
                .append(fmt(bytesPerOp(r)))
                .append(" |\n");
    }

    private static void goal(StringBuilder md, String what, String target, String measured, boolean met) {
        md.append("| ")
                .append(what)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static double ratio(RunResult r, Optional<RunResult> baseline) {
        return baseline.map(b ->
                        r.getPrimaryResult().getScore() / b.getPrimaryResult().getScore())
                .orElse(Double.NaN);
    }

    private static Optional<RunResult> baseline(List<RunResult> all, RunResult r, String baselineName) {
        return find(all, baselineName, param(r, "lines"));
    }

    private static Optional<RunResult> find(List<RunResult> all, String benchmark, String lines) {
        return all.stream()
                .filter(r -> name(r).equals(benchmark) && param(r, "lines").equals(lines))
                .findFirst();
    }

    /** {@code gc.alloc.rate.norm}, bytes allocated per operation; NaN without the GC profiler. */
    static double bytesPerOp(RunResult r) {
        for (String key : r.getSecondaryResults().keySet()) {
            if (key.endsWith("gc.alloc.rate.norm")) {
                return r.getSecondaryResults().get(key).getScore();
            }
        }
        return Double.NaN;
    }

    private static String name(RunResult r) {
        return r.getParams().getBenchmark();
    }

    private static String param(RunResult r, String key) {
        String value = r.getParams().getParam(key);
        return value == null ? "-" : value;
    }

    private static String live(RunResult r) {
        if (name(r).endsWith(".baseline")) {
            return "-";
        }
        String store = r.getParams().getParam("ordersPerStore");
        String pool = r.getParams().getParam("pool");
        String live = store != null ? store : pool;
        return live == null ? "-" : String.format(Locale.ROOT, "%,d", Long.parseLong(live));
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /**
     * The rows every report shares after its profile row: the command that wrote it ({@code runner} with
     * {@code profile}), JDK, JVM options, JMH, machine and the conditions, then a blank line.
     */
    static void runRows(StringBuilder md, BenchmarkParams any, Class<?> runner, String profile, String conditions) {
        md.append("| command | `java -cp oms-benchmarks/target/benchmarks.jar ")
                .append(runner.getName())
                .append("full".equals(profile) ? "" : " " + profile)
                .append("` |\n");
        md.append("| JDK | ")
                .append(any.getJdkVersion())
                .append(", ")
                .append(any.getVmName())
                .append(' ')
                .append(any.getVmVersion())
                .append(" |\n");
        md.append("| JVM options of the forks (heap, GC) | `")
                .append(String.join(" ", any.getJvmArgs()))
                .append("` |\n");
        md.append("| JMH | ").append(any.getJmhVersion()).append(", profiler `gc` |\n");
        md.append("| machine | ").append(machine()).append(" |\n");
        if (!conditions.isEmpty()) {
            md.append("| conditions | ").append(conditions).append(" |\n");
        }
        md.append('\n');
    }

    /** Cores, OS, architecture and CPU model of this machine (the forks run on it too). */
    static String machine() {
        StringBuilder sb = new StringBuilder();
        sb.append(Runtime.getRuntime().availableProcessors())
                .append(" cores (nproc), ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append(' ')
                .append(System.getProperty("os.arch"));
        cpuModel().ifPresent(m -> sb.append(", ").append(m));
        memory().ifPresent(m -> sb.append(", ").append(m));
        return sb.toString();
    }

    /** The profile row (forks, warm-up, measurement) and then the run rows, for a report of {@code report}. */
    static void environment(
            StringBuilder md, String profile, List<RunResult> all, String conditions, Class<?> report, String per) {
        BenchmarkParams any = all.get(0).getParams();
        md.append("| | |\n|---|---|\n");
        md.append("| profile | ")
                .append(profile)
                .append(": forks ")
                .append(any.getForks())
                .append(" x (")
                .append(any.getWarmup().getCount())
                .append(" x ")
                .append(any.getWarmup().getTime())
                .append(" warm-up + ")
                .append(any.getMeasurement().getCount())
                .append(" x ")
                .append(any.getMeasurement().getTime())
                .append(" measurement) per ")
                .append(per)
                .append(" |\n");
        runRows(md, any, report, profile, conditions);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static Optional<String> cpuModel() {
        return procLine("/proc/cpuinfo", "model name")
                .map(l -> l.substring(l.indexOf(':') + 1).trim());
    }

    private static Optional<String> memory() {
        return procLine("/proc/meminfo", "MemTotal").map(l -> {
            String kb = l.replaceAll("[^0-9]", "");
            return kb.isEmpty() ? l : (Long.parseLong(kb) / (1024 * 1024)) + " GB RAM";
        });
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Paths.get(file)).stream()
                    .filter(l -> l.startsWith(prefix))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
