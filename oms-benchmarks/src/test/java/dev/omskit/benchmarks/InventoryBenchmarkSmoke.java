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
 * Runs the inventory benchmarks (S1 with reservation, S2, S6, S7) once with a smoke profile (in-process, one
 * 200 ms warm-up and one 200 ms measurement iteration, S1 at 10 locations with a ring of 1,024 orders so the
 * order store is replaced inside the measurement, S7 at 0 and 10,000 outstanding reservations only), so that {@code mvn
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
                                + "|ReservationScaleBenchmark|OrderReservationBenchmark)\\.")
                        .forks(0)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(200))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(200))
                        .param("outstanding", "0", "10000")
                        .param("locations", "10")
                        .param("ordersPerStore", "1024")
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
                        + r.getParams().getParam("skus") + "/" + r.getParams().getParam("outstanding") + "/"
                        + r.getParams().getParam("lines"))
                .containsExactlyInAnyOrderElementsOf(List.of(
                        "OrderReservationBenchmark.captureAndReserve/null/null/1",
                        "OrderReservationBenchmark.captureAndReserve/null/null/5",
                        "OrderReservationBenchmark.baseline/null/null/1",
                        "OrderReservationBenchmark.baseline/null/null/5",
                        "HotSkuBenchmark.omskit2/null/null/null",
                        "HotSkuBenchmark.omskit16/null/null/null",
                        "HotSkuBenchmark.baseline2/null/null/null",
                        "HotSkuBenchmark.baseline16/null/null/null",
                        "AvailabilityBenchmark.quietRead/1/null/null",
                        "AvailabilityBenchmark.quietRead/20/null/null",
                        "AvailabilityBenchmark.quietWrite/1/null/null",
                        "AvailabilityBenchmark.quietWrite/20/null/null",
                        "AvailabilityBenchmark.mixed/1/null/null",
                        "AvailabilityBenchmark.mixed/20/null/null",
                        "ReservationScaleBenchmark.reserveRelease/null/0/null",
                        "ReservationScaleBenchmark.reserveRelease/null/10000/null",
                        "ReservationScaleBenchmark.availability/null/0/null",
                        "ReservationScaleBenchmark.availability/null/10000/null"));
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
    @DisplayName("the S1 report alone has its own title and the S1 goals")
    void render_s1ResultsOnly_hasTheS1TitleAndGoals() {
        List<RunResult> s1 = results.stream()
                .filter(r -> r.getParams().getBenchmark().contains(".OrderReservationBenchmark."))
                .toList();

        String report = InventoryReport.render("s1-reduced", "2026-01-01", s1, List.of(), "");

        assertThat(report)
                .contains("# S1 capture + reserve: 2026-01-01")
                .contains("| 5-line vs baseline | >= 0.3x |")
                .doesNotContain("## S2")
                .doesNotContain("NaNx");
    }

    @Test
    @DisplayName("the inventory report renders every scenario with its ratios and goals")
    void render_smokeResults_listsEveryScenarioWithRatiosAndGoals() {
        String report = InventoryReport.render("smoke", "2026-01-01", results, sellOuts, "");

        assertThat(report)
                .contains("# Inventory S2, S6, S7: 2026-01-01")
                .contains("| captureAndReserve | 1 | 10 |")
                .contains("| baseline | 5 | 10 |")
                .contains("| 1-line orders/s, one thread | >= 583,000 |")
                .contains("| bytes allocated per 1-line order | < 1,024 |")
                .contains("| omskit2 | 2 |")
                .contains("| baseline16 | 16 |")
                .contains("| 2 threads, ops/s | >= 3,100,000 |")
                .contains("| 20 | reader |")
                .contains("| reserveRelease | 10,000 |")
                .contains("reserveRelease: p99 at 1M vs p99 at 0 | <= 1.2x | not run in this profile")
                .doesNotContain("NaNx");
    }
}
