package dev.omskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once with a smoke profile (in-process, one 200 ms warm-up and one 200 ms measurement
 * iteration, small rings) through the JMH Runner API, so that {@code mvn verify} proves each benchmark runs,
 * keeps its invariants (a broken one fails the run: {@code shouldFailOnError}) and scores. The figures mean
 * nothing; the full profile runs on demand (see {@link RatioReport}).
 */
@DisplayName("Every benchmark runs with the smoke profile")
class BenchmarkSmoke {
    private static Collection<RunResult> results;

    @BeforeAll
    static void runSmokeProfile() throws RunnerException {
        results = new Runner(new OptionsBuilder()
                        .include("^dev\\.omskit\\.benchmarks\\.(CaptureBenchmark|TransitionBenchmark)\\.")
                        .forks(0)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(200))
                        .param("ordersPerStore", "16384")
                        .param("pool", "2048")
                        .shouldFailOnError(true)
                        .build())
                .run();
    }

    @Test
    @DisplayName("each benchmark method and lines param produced one result")
    void run_withSmokeProfile_coversEveryBenchmarkAndParam() {
        assertThat(results)
                .extracting(r -> shortName(r) + "/" + r.getParams().getParam("lines"))
                .containsExactlyInAnyOrderElementsOf(List.of(
                        "CaptureBenchmark.captureAndAllocate/1",
                        "CaptureBenchmark.captureAndAllocate/5",
                        "CaptureBenchmark.captureOnly/1",
                        "CaptureBenchmark.captureOnly/5",
                        "CaptureBenchmark.baseline/1",
                        "CaptureBenchmark.baseline/5",
                        "TransitionBenchmark.facade/1",
                        "TransitionBenchmark.facade/5",
                        "TransitionBenchmark.decider/1",
                        "TransitionBenchmark.decider/5"));
    }

    @Test
    @DisplayName("each benchmark scored a positive throughput")
    void run_withSmokeProfile_everyScoreIsPositive() {
        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(
                        r.getPrimaryResult().getScore())
                .as(shortName(r))
                .isPositive());
    }

    @Test
    @DisplayName("the ratio report renders the run with a ratio for every row")
    void render_smokeResults_listsEveryFigureWithItsRatio() {
        String report = RatioReport.render("smoke", "2026-01-01", results);

        assertThat(report)
                .contains("# S1 capture: 2026-01-01")
                .contains("| captureAndAllocate | 1 |")
                .contains("| facade | 5 |")
                .contains("| baseline | 1 |")
                .contains("| 1-line orders/s, one thread | >= 583,000 |")
                .doesNotContain("NaNx");
    }

    private static String shortName(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring("dev.omskit.benchmarks.".length());
    }
}
