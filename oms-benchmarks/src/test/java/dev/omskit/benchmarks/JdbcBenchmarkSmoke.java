package dev.omskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the PostgreSQL benchmarks, S4 ({@link JdbcReservationBenchmark}, hot SKU, unbatched and batched) and
 * S5 ({@link JdbcLifecycleBenchmark}, default sourcing, a short tear-down count), with a smoke profile
 * (in-process, 2 clients, one 200 ms warm-up and one 200 ms measurement iteration, each trial on a server
 * of its own started from the Maven binaries), so that {@code mvn verify} proves they run, keep their
 * invariants ({@code shouldFailOnError}) and score. The figures mean nothing.
 */
@DisplayName("The PostgreSQL benchmarks run with the smoke profile")
class JdbcBenchmarkSmoke {
    private static OptionsBuilder smoke(String include) {
        OptionsBuilder b = new OptionsBuilder();
        b.include(include)
                .forks(0)
                .threads(2)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true);
        return b;
    }

    @Test
    @DisplayName("S4: omskit unbatched and batched and the baseline ran on a hot SKU and scored")
    void s4_hotSku_runsBothModesAndTheBaseline() throws RunnerException {
        Collection<RunResult> results = new Runner(smoke("^dev\\.omskit\\.benchmarks\\.JdbcReservationBenchmark\\.")
                        .param("skus", "hot")
                        .build())
                .run();

        assertThat(results)
                .extracting(r -> name(r) + "/" + r.getParams().getParam("batched"))
                .containsExactlyInAnyOrder("baseline/false", "baseline/true", "omskit/false", "omskit/true");
        assertThat(results)
                .allSatisfy(r ->
                        assertThat(r.getPrimaryResult().getScore()).as(name(r)).isPositive());
    }

    @Test
    @DisplayName("S5: the lifecycle and the baseline ran on PostgreSQL, with the tear-down's count, and scored")
    void s5_lifecycleAndBaseline_run() throws RunnerException {
        Collection<RunResult> results = new Runner(smoke("^dev\\.omskit\\.benchmarks\\.JdbcLifecycleBenchmark\\.")
                        .param("sourcing", "default")
                        .param("calibration", "20")
                        .param("ordersPerClient", "200")
                        .build())
                .run();

        assertThat(results).extracting(JdbcBenchmarkSmoke::name).containsExactlyInAnyOrder("baseline", "lifecycle");
        assertThat(results)
                .allSatisfy(r ->
                        assertThat(r.getPrimaryResult().getScore()).as(name(r)).isPositive());
    }

    private static String name(RunResult r) {
        String name = r.getParams().getBenchmark();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
