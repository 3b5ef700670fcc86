package dev.omskit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.model.Sku;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.RoutingRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shipment-count half of S3 ({@link RoutingQuality}): the brute force itself on hand-made instances, the
 * engine's exact search against the brute force on {@value RoutingQuality#INSTANCES} tiny instances, and the
 * default profile against the exact profile (goal: at most 1.1x the shipments).
 */
@DisplayName("Routing shipment counts against the exact optimum")
class RoutingQualityTest {
    private static final List<RoutingQuality.Outcome> OUTCOMES = new ArrayList<>();

    @BeforeAll
    static void routeEveryInstance() {
        for (int k = 0; k < RoutingQuality.INSTANCES; k++) {
            OUTCOMES.add(RoutingQuality.outcome(RoutingQuality.instance(RoutingQuality.SEED, k)));
        }
    }

    @Test
    @DisplayName("the brute force counts a split that beats whole lines, and the whole-line cover apart")
    void optimum_whenSplittingBeatsWholeLines_isSmallerThanTheCover() {
        // A and C are in full only at locations 0 and 1; B (3 units) is in full only at 2, but 0 and 1 hold
        // 2 + 1 of it: two shipments with B split, three with every line whole
        RoutingQuality.Case c = handMade(new int[][] {{1, 0, 0}, {2, 1, 3}, {0, 1, 0}}, 1, 3, 1);

        assertThat(RoutingQuality.optimum(c)).isEqualTo(2);
        assertThat(RoutingQuality.coverOptimum(c)).isEqualTo(3);
        assertThat(RoutingQuality.everyLineInFullSomewhere(c)).isTrue();
    }

    @Test
    @DisplayName("the brute force says 0 when all locations together cannot meet a line")
    void optimum_whenStockFallsShort_isZero() {
        RoutingQuality.Case c = handMade(new int[][] {{1, 1, 0}, {0, 0, 1}}, 3, 1);

        assertThat(RoutingQuality.optimum(c)).isZero();
        assertThat(RoutingQuality.coverOptimum(c)).isEqualTo(1);
        assertThat(RoutingQuality.everyLineInFullSomewhere(c)).isFalse();
    }

    @Test
    @DisplayName("the instances are the intended mix: most met in full, most needing 2 or more shipments")
    void instances_ofTheSmallSeries_needSplitsAndMostAreComparable() {
        RoutingQuality.Summary s = RoutingQuality.run(RoutingQuality.INSTANCES, RoutingQuality.SEED);

        assertThat(s.compared()).isGreaterThan(RoutingQuality.INSTANCES / 3);
        assertThat(s.split()).isGreaterThan(s.compared() * 3 / 4);
    }

    @Test
    @DisplayName(
            "the exact profile never needs more locations than the brute-force whole-line cover, and meets the optimum")
    void exactProfile_whenEveryLineIsInFullSomewhere_shipsNoMoreThanTheCoverAndMeetsTheOptimum() {
        List<RoutingQuality.Outcome> whole = OUTCOMES.stream()
                .filter(o -> o.byExact().isComplete() && RoutingQuality.everyLineInFullSomewhere(o.c()))
                .toList();

        assertThat(whole).hasSizeGreaterThan(100).allSatisfy(o -> {
            assertThat(o.byExact().shipmentCount())
                    .as(RoutingQuality.describe(o))
                    .isLessThanOrEqualTo(o.coverOptimum());
            assertThat(o.byExact().shipmentCount())
                    .as(RoutingQuality.describe(o))
                    .isEqualTo(o.optimum());
        });
        assertThat(whole).noneMatch(RoutingQuality.Outcome::exactGreedy);
        assertThat(whole)
                .as("some instances need a split line to reach the optimum, and the engine finds them")
                .anyMatch(o -> o.coverOptimum() > o.optimum());
    }

    @Test
    @DisplayName("the exact profile is optimal whenever no split of a line beats the whole-line cover")
    void exactProfile_whenNoSplitBeatsTheCover_isOptimal() {
        List<RoutingQuality.Outcome> noSplitGain = OUTCOMES.stream()
                .filter(o -> o.byExact().isComplete()
                        && RoutingQuality.everyLineInFullSomewhere(o.c())
                        && o.coverOptimum() == o.optimum())
                .toList();

        assertThat(noSplitGain).hasSizeGreaterThan(100).allSatisfy(o -> assertThat(
                        o.byExact().shipmentCount())
                .as(RoutingQuality.describe(o))
                .isEqualTo(o.optimum()));
    }

    @Test
    @DisplayName("no decision uses fewer locations than the brute-force optimum, and the engine's gaps are splits")
    void decisions_metInFull_neverBeatTheOptimum_andExceedItOnlyWhereALineMustBeSplit() {
        List<RoutingQuality.Outcome> complete =
                OUTCOMES.stream().filter(RoutingQuality.Outcome::bothComplete).toList();

        assertThat(complete).allSatisfy(o -> {
            assertThat(o.byExact().shipmentCount())
                    .as(RoutingQuality.describe(o))
                    .isGreaterThanOrEqualTo(o.optimum());
            assertThat(o.byDefault().shipmentCount())
                    .as(RoutingQuality.describe(o))
                    .isGreaterThanOrEqualTo(o.optimum());
        });
        assertThat(complete)
                .filteredOn(o -> o.byExact().shipmentCount() > o.optimum())
                .allSatisfy(o -> assertThat(
                                !RoutingQuality.everyLineInFullSomewhere(o.c()) || o.coverOptimum() > o.optimum())
                        .as(RoutingQuality.describe(o))
                        .isTrue());
    }

    @Test
    @DisplayName("the default profile ships at most 1.1x what the exact profile ships")
    void defaultProfile_onSmallInstances_isWithinTenPercentOfTheExactProfile() {
        List<RoutingQuality.Outcome> complete =
                OUTCOMES.stream().filter(RoutingQuality.Outcome::bothComplete).toList();

        assertThat(complete).hasSizeGreaterThan(RoutingQuality.INSTANCES / 3).allSatisfy(o -> assertThat(
                        (double) o.byDefault().shipmentCount() / o.byExact().shipmentCount())
                .as(RoutingQuality.describe(o))
                .isLessThanOrEqualTo(RoutingQuality.GOAL_RATIO));
    }

    @Test
    @DisplayName("where the default search reaches its budget, greedy ships at most 1.1x the unlimited search")
    void defaultProfile_whenTheBudgetIsReached_isWithinTenPercentOfAnUnlimitedSearch() {
        RoutingQuality.BudgetSummary b = RoutingQuality.runBudget(40, RoutingQuality.SEED);

        assertThat(b.comparedBudgetReached()).isPositive();
        assertThat(b.maxRatio()).isLessThanOrEqualTo(RoutingQuality.GOAL_RATIO);
    }

    @Test
    @DisplayName("every decision of the series is consistent with its snapshot")
    void decisions_ofTheSmallSeries_takeOnlyWhatTheLocationsHave() {
        assertThat(OUTCOMES).allSatisfy(o -> {
            for (RoutingDecision d : List.of(o.byDefault(), o.byExact())) {
                d.assignments().forEach(a -> assertThat(a.units())
                        .isPositive()
                        .isLessThanOrEqualTo(o.c().instance().input().available(a.sku(), a.location())));
            }
        });
    }

    /** A case over {@code units[sku][location]} with one line per SKU wanting {@code want[j]} units. */
    private static RoutingQuality.Case handMade(int[][] units, int... want) {
        int m = units[0].length;
        RoutingData.Instance shape = RoutingData.instance(m, units.length, 0, 0, 0, false, 1);
        List<Location> locations = shape.locations();
        RoutingInput.Builder b = RoutingInput.builder(locations);
        for (int s = 0; s < units.length; s++) {
            for (int i = 0; i < m; i++) {
                if (units[s][i] > 0) {
                    b.available(shape.skus().get(s), locations.get(i).id(), units[s][i]);
                }
            }
        }
        RoutingData.Instance instance = new RoutingData.Instance(locations, shape.skus(), List.of(), units, b.build());
        RoutingRequest.Builder r = RoutingRequest.builder()
                .tenant(RoutingData.TENANT)
                .reference("hand-made")
                .destination(locations.get(0).address());
        int[] index = new int[want.length];
        for (int j = 0; j < want.length; j++) {
            Sku sku = shape.skus().get(j);
            r.addLines(RoutingLine.of("l" + (j + 1), sku, want[j]));
            index[j] = j;
        }
        return new RoutingQuality.Case(0, instance, r.build(), index);
    }
}
