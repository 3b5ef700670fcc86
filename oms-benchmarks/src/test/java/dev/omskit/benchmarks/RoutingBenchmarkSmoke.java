package dev.omskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link RoutingBenchmark} (S3) once with a smoke profile (in-process, one 100 ms warm-up and one 100
 * ms measurement iteration per mode, lines 1 and 10 x locations 10 and 100, GC profiler), so that {@code mvn verify}
 * proves each benchmark runs in both modes, keeps its invariants ({@code shouldFailOnError}) and scores; and
 * renders the S3 report with a few quality cases. The figures mean nothing; see {@link RoutingReport}.
 */
@DisplayName("The routing benchmark runs with the smoke profile")
class RoutingBenchmarkSmoke {
    @TempDir
    static Path dir;

    private static Collection<RunResult> results;
    private static Path json;

    @BeforeAll
    static void runSmokeProfile() throws RunnerException, IOException {
        json = dir.resolve("routing.json");
        results = new Runner(new OptionsBuilder()
                        .include("^dev\\.omskit\\.benchmarks\\.RoutingBenchmark\\.")
                        .forks(0)
                        .addProfiler(GCProfiler.class)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(100))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(100))
                        .param("lines", "1", "10")
                        .param("locations", "10", "100")
                        .shouldFailOnError(true)
                        .resultFormat(ResultFormatType.JSON)
                        .result(json.toString())
                        .build())
                .run();
        RoutingReport.stripHistograms(json);
    }

    @Test
    @DisplayName("each benchmark, mode and cell produced one result")
    void run_withSmokeProfile_coversEveryBenchmarkModeAndCell() {
        List<String> expected = new ArrayList<>();
        for (String bench : List.of("route", "routeWeighted", "baseline")) {
            for (String mode : List.of("thrpt", "sample")) {
                for (String cell : List.of("1x10", "1x100", "10x10", "10x100")) {
                    expected.add(bench + "/" + mode + "/" + cell);
                }
            }
        }

        assertThat(results)
                .extracting(r -> {
                    String name = r.getParams().getBenchmark();
                    return name.substring(name.lastIndexOf('.') + 1) + "/"
                            + r.getParams().getMode().shortLabel() + "/"
                            + r.getParams().getParam("lines") + "x"
                            + r.getParams().getParam("locations");
                })
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("each benchmark scored, and the sample-time runs have a p99")
    void run_withSmokeProfile_everyScoreIsPositive() {
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore())
                .as(r.getParams().id())
                .isPositive());
        assertThat(results)
                .filteredOn(r -> r.getParams().getMode().shortLabel().equals("sample"))
                .allSatisfy(r -> assertThat(r.getPrimaryResult().getStatistics().getPercentile(99))
                        .isPositive());
    }

    @Test
    @DisplayName("the JSON results keep scores and percentiles but not the sample histograms")
    void stripHistograms_ofTheSmokeRun_leavesScoresAndPercentiles() throws IOException {
        String text = Files.readString(json);

        assertThat(text)
                .doesNotContain("rawDataHistogram")
                .contains("\"scorePercentiles\"")
                .contains("RoutingBenchmark.route");
    }

    @Test
    @DisplayName("the S3 report renders every cell run with its ratio, the goals and the quality figures")
    void render_smokeResults_listsCellsGoalsAndQuality() {
        RoutingQuality.Summary quality = RoutingQuality.run(30, RoutingQuality.SEED);
        RoutingQuality.BudgetSummary budget = RoutingQuality.runBudget(5, RoutingQuality.SEED);

        String report = RoutingReport.render("smoke", "2026-01-01", results, quality, budget, "");

        assertThat(report)
                .contains("# S3 routing decision: 2026-01-01")
                .contains("## `route`: `RoutingProfile.defaults()`")
                .contains("## `routeWeighted`: weighted")
                .contains("| 10 x 100 | ")
                .contains("| 1 x 10: p99 | <= 10 us |")
                .contains("| 50 x 2000: p99 | <= 2,000 us | not run in this profile |")
                .contains("| 10 x 100: decisions/s, one core | >= 83,000 |")
                .contains("| shipments, default / exact profile (small series, max) | <= 1.1x |")
                .contains("| instances | 30 |")
                .doesNotContain("NaN")
                .doesNotContain("| n/a |");
    }
}
