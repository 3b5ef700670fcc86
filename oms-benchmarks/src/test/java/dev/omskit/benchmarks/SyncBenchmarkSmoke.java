package dev.omskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SyncBenchmark} once with a smoke profile (in-process, one 200 ms warm-up and one 200 ms
 * measurement iteration) so that {@code mvn verify} proves the three modes run, keep their invariants
 * ({@code shouldFailOnError}) and score. The figures mean nothing; see {@link SyncBenchmarkReport}.
 */
@DisplayName("The sync benchmark runs with the smoke profile")
class SyncBenchmarkSmoke {
    private static Collection<RunResult> results;

    @BeforeAll
    static void runSmokeProfile() throws RunnerException {
        results = new Runner(new OptionsBuilder()
                        .include("^dev\\.omskit\\.benchmarks\\.SyncBenchmark\\.")
                        .forks(0)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(200))
                        .shouldFailOnError(true)
                        .build())
                .run();
    }

    @Test
    @DisplayName("poll, webhook and the baseline ran once each and scored")
    void run_withSmokeProfile_coversEveryMode() {
        assertThat(results)
                .extracting(r -> r.getParams().getParam("mode"))
                .containsExactlyInAnyOrder("poll", "webhook", "baseline");
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore())
                .as(r.getParams().getParam("mode"))
                .isPositive());
    }

    @Test
    @DisplayName("the report renders every mode with its ratio to the baseline")
    void report_rendersEveryMode() {
        String report = SyncBenchmarkReport.markdown(results, "smoke");
        assertThat(report)
                .contains("| poll |")
                .contains("| webhook |")
                .contains("| baseline |")
                .contains("x");
    }
}
