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
 * Runs the inventory benchmarks (S2, S6, S7) once with a smoke profile (in-process, one 200 ms warm-up and
 * one 200 ms measurement iteration, S7 at 0 and 10,000 outstanding reservations only), so that {@code mvn
 * verify} proves each runs, keeps its invariants ({@code shouldFailOnError}) and scores; runs the S2
 * sell-out; and renders the inventory report. The figures mean nothing; see {@link InventoryReport}.
 */
@DisplayName("Every inventory benchmark runs with the smoke profile")
class InventoryBenchmarkSmoke {
    private static Collection<RunResult> results;
    private static List<HotSkuBenchmark.SellOut> sellOuts;

    @BeforeAll
    static void runSmokeProfile() throws RunnerException, InterruptedException {
        results = new Runner(new OptionsBuilder()
                        .include("^dev\\.omskit\\.benchmarks\\.(HotSkuBenchmark|AvailabilityBenchmark"
                                + "|ReservationScaleBenchmark)\\.")
                        .forks(0)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(200))
                        .param("outstanding", "0", "10000")
                        .shouldFailOnError(true)
                        .build())
                .run();
        sellOuts = List.of(
                HotSkuBenchmark.sellOut(InventoryReport.SELL_OUT_STOCK, 2),
                HotSkuBenchmark.sellOut(InventoryReport.SELL_OUT_STOCK, 16));
    }

    @Test
    @DisplayName("each benchmark method and param produced one result")
    void run_withSmokeProfile_coversEveryBenchmarkAndParam() {
        assertThat(results)
                .extracting(r -> InventoryReport.simpleName(r) + "/"
                        + r.getParams().getParam("skus") + "/" + r.getParams().getParam("outstanding"))
                .containsExactlyInAnyOrderElementsOf(List.of(
                        "HotSkuBenchmark.omskit2/null/null",
                        "HotSkuBenchmark.omskit16/null/null",
                        "HotSkuBenchmark.baseline2/null/null",
                        "HotSkuBenchmark.baseline16/null/null",
                        "AvailabilityBenchmark.quietRead/1/null",
                        "AvailabilityBenchmark.quietRead/20/null",
                        "AvailabilityBenchmark.quietWrite/1/null",
                        "AvailabilityBenchmark.quietWrite/20/null",
                        "AvailabilityBenchmark.mixed/1/null",
                        "AvailabilityBenchmark.mixed/20/null",
                        "ReservationScaleBenchmark.reserveRelease/null/0",
                        "ReservationScaleBenchmark.reserveRelease/null/10000",
                        "ReservationScaleBenchmark.availability/null/0",
                        "ReservationScaleBenchmark.availability/null/10000"));
    }

    @Test
    @DisplayName("each benchmark scored, and both sides of the mixed group did")
    void run_withSmokeProfile_everyScoreIsPositive() {
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore())
                .as(InventoryReport.simpleName(r))
                .isPositive());
        assertThat(results)
                .filteredOn(r -> r.getParams().getBenchmark().endsWith(".mixed"))
                .allSatisfy(r -> assertThat(r.getSecondaryResults()).containsKeys("mixedRead", "mixedWrite"));
    }

    @Test
    @DisplayName("the sell-out from 2 and 16 threads is exact: every unit reserved once, none left, none oversold")
    void sellOut_fromManyThreads_isExact() {
        assertThat(sellOuts).allSatisfy(s -> {
            assertThat(s.reservedUnits()).as("units reserved").isEqualTo(InventoryReport.SELL_OUT_STOCK);
            assertThat(s.available()).as("available").isZero();
            assertThat(s.atp()).as("channel ATP").isZero();
            assertThat(s.oversold()).as("oversold").isZero();
            assertThat(s.exact()).isTrue();
        });
    }

    @Test
    @DisplayName("the inventory report renders every scenario with its ratios and goals")
    void render_smokeResults_listsEveryScenarioWithRatiosAndGoals() {
        String report = InventoryReport.render("smoke", "2026-01-01", results, sellOuts, "");

        assertThat(report)
                .contains("# Inventory S2, S6, S7: 2026-01-01")
                .contains("| omskit2 | 2 |")
                .contains("| baseline16 | 16 |")
                .contains("| 2 threads, ops/s | >= 3,100,000 |")
                .contains("| 20 | reader |")
                .contains("| reserveRelease | 10,000 |")
                .contains("reserveRelease: p99 at 1M vs p99 at 0 | <= 1.2x | not run in this profile")
                .doesNotContain("NaNx");
    }
}
