package dev.omskit.benchmarks;

import static dev.omskit.benchmarks.Results.ratio;
import static dev.omskit.benchmarks.Results.score;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SyncBenchmark} with the GC profiler and writes orders per second taken in through the sync
 * engine (by poll and by webhook), each with its ratio to the baseline of the same run (core capturing and
 * allocating the same orders directly), to {@code oms-benchmarks/results/<date>-sync.md} with the raw JMH
 * results beside it ({@code .json}).
 *
 * <p>Run from the repository root, after {@code mvn -B -o -DskipTests package -pl
 * oms-core,oms-routing,oms-connectors,oms-testkit,oms-benchmarks}:
 *
 * <pre>
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.SyncBenchmarkReport            # 2 forks x (5 + 5) x 2 s
 * java -cp oms-benchmarks/target/benchmarks.jar dev.omskit.benchmarks.SyncBenchmarkReport smoke /tmp/results
 * </pre>
 */
public final class SyncBenchmarkReport {
    private static final String BENCHMARK = SyncBenchmark.class.getName() + ".";

    private SyncBenchmarkReport() {}

    /** Runs the profile {@code args[0]} ({@code full} or {@code smoke}) and writes to the directory {@code args[1]}. */
    public static void main(String[] args) throws RunnerException, IOException {
        String profile = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "full";
        if (!List.of("full", "smoke").contains(profile)) {
            throw new IllegalArgumentException("profile must be full or smoke; was '" + args[0] + "'");
        }
        Path dir = Paths.get(args.length > 1 ? args[1] : "oms-benchmarks/results");
        Files.createDirectories(dir);
        String date = LocalDate.now().toString();
        Path markdown = dir.resolve(date + "-sync.md");
        Path json = dir.resolve(date + "-sync.json");
        String loadBefore = RatioReport.loadAverage();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(BENCHMARK))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        if ("smoke".equals(profile)) {
            options.forks(1)
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(200))
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        StringBuilder md = new StringBuilder();
        md.append("# Orders taken in through the sync engine: ").append(date).append("\n\n");
        RatioReport.environment(
                md,
                profile,
                new ArrayList<>(results),
                "load average (1, 5, 15 min) before the run " + loadBefore + ", after " + RatioReport.loadAverage(),
                SyncBenchmarkReport.class,
                "param");
        md.append(markdown(results, profile));
        Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("Written to " + markdown.toAbsolutePath() + " and " + json.toAbsolutePath());
    }

    /** The figures of a run as a Markdown table, each mode against the baseline of the same run. */
    static String markdown(Collection<RunResult> results, String profile) {
        List<RunResult> all = new ArrayList<>(results);
        all.sort(Comparator.comparing(r -> r.getParams().getParam("mode")));
        Optional<RunResult> base = all.stream()
                .filter(r -> "baseline".equals(r.getParams().getParam("mode")))
                .findFirst();
        StringBuilder md = new StringBuilder();
        md.append("One operation is one two-line channel order, in batches of ")
                .append(SyncBenchmark.BATCH)
                .append(" placed in a fake channel before each invocation (profile ")
                .append(profile)
                .append("). `poll` and `webhook` take each order in through the engine: ingestion work, capture,")
                .append(" allocation, acknowledgement, the order's fan-out and the stock pushes to two channels")
                .append(" (coalesced), every step a persisted work item on `InMemorySyncWorkStore`, every remote")
                .append(" call through the resilience layer. `baseline` captures and allocates the same orders on")
                .append(" core directly. Invariants (every order captured once, nothing parked or left to do,")
                .append(" both channels at their ATP) held after every iteration, or the run would have failed.\n\n");
        md.append("| mode | orders/s | +/- (99.9%) | x baseline | bytes/order (gc) |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (RunResult r : all) {
            md.append("| ")
                    .append(r.getParams().getParam("mode"))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", score(r)))
                    .append(" | ")
                    .append(String.format(
                            Locale.ROOT, "%,.0f", r.getPrimaryResult().getScoreError()))
                    .append(" | ")
                    .append(x(ratio(r, base)))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f", RatioReport.bytesPerOp(r)))
                    .append(" |\n");
        }
        return md.toString();
    }
}
