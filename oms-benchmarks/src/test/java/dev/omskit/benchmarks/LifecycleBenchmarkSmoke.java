package dev.omskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link LifecycleBenchmark} (S5 in memory) once with a smoke profile (in-process, one 200 ms warm-up and
 * one 200 ms measurement iteration, a ring of 1,000 lifecycles so the order store is replaced inside the
 * measurement, GC profiler), so that {@code mvn verify} proves both sourcings and the baseline run, keep their
 * invariants ({@code shouldFailOnError}) and score; checks the schedule; runs the phase timing briefly; and
 * renders the S5 report. The figures mean nothing; see {@link LifecycleReport}.
 */
@DisplayName("The S5 lifecycle benchmark runs with the smoke profile")
class LifecycleBenchmarkSmoke {
    private static Collection<RunResult> results;

    @BeforeAll
    static void runSmokeProfile() throws RunnerException {
        results = new Runner(new OptionsBuilder()
                        .include("^dev\\.omskit\\.benchmarks\\.LifecycleBenchmark\\.")
                        .forks(0)
                        .addProfiler(GCProfiler.class)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(200))
                        .param("ordersPerStore", "1000")
                        .shouldFailOnError(true)
                        .build())
                .run();
    }

    @Test
    @DisplayName("the lifecycle ran with both sourcings and the baseline once, each scored")
    void run_withSmokeProfile_coversBothSourcingsAndTheBaseline() {
        assertThat(results)
                .extracting(r -> {
                    String name = r.getParams().getBenchmark();
                    return name.substring(name.lastIndexOf('.') + 1) + "/"
                            + r.getParams().getParam("sourcing");
                })
                .containsExactlyInAnyOrder("lifecycle/default", "lifecycle/routing", "baseline/null");
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore())
                .as(r.getParams().getBenchmark())
                .isPositive());
    }

    @Test
    @DisplayName("the schedule is exactly 10% cancels, 5% split shipments, with 201 commands per 20 lifecycles")
    void schedule_hasTheStatedMix() {
        int cancels = 0;
        int splits = 0;
        int commands = 0;
        for (int k = 0; k < 1000; k++) {
            LifecycleScript.Kind kind = LifecycleScript.kind(k);
            cancels += kind == LifecycleScript.Kind.CANCEL ? 1 : 0;
            splits += kind == LifecycleScript.Kind.SPLIT ? 1 : 0;
            commands += kind.commands;
        }

        assertThat(cancels).isEqualTo(100);
        assertThat(splits).isEqualTo(50);
        assertThat(commands).isEqualTo(50 * LifecycleScript.COMMANDS_PER_SCHEDULE);
    }

    @Test
    @DisplayName("the phase timing issues the scheduled commands, keeps the invariants and names every command")
    void phases_timeEveryCommandAndKeepTheInvariants() {
        String phases = LifecycleReport.phases("default", 200, 200, 400);

        assertThat(phases)
                .contains("| capture |", "| allocate |", "| hand_over |", "| remit |", "| complete |")
                .doesNotContain("NaN");
    }

    @Test
    @DisplayName("the report renders both sourcings with their ratio to the baseline and the goal")
    void render_smokeResults_listsBothSourcingsWithRatiosAndTheGoal() {
        String report = LifecycleReport.render("smoke", "2026-01-01", results, "");

        assertThat(report)
                .contains("# S5 whole lifecycle (in memory): 2026-01-01")
                .contains("| lifecycle | default |")
                .contains("| lifecycle | routing |")
                .contains("| baseline | - |")
                .contains("| lifecycles/s, one thread, default sourcing | >= 100,000 |")
                .contains("10.05 on average")
                .doesNotContain("NaNx");
        assertThat(List.copyOf(results)).hasSize(3);
    }
}
