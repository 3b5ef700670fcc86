package dev.omskit.routing.simulation;

import static dev.omskit.routing.RoutingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Money;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.profile.DailyCapacity;
import dev.omskit.routing.profile.Fulfilment;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.Strategy;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What-if replays with every number worked out by hand. */
class WhatIfTest {
    // Great-circle distances between the fixture's points (haversine, R = 6371.0088 km).
    private static final double THU_DUC_TO_Q1 = 9.9;
    private static final double THU_DUC_TO_HANOI = 1135.9;
    private static final double HANOI_TO_Q1 = 1143.5;

    private static Money vnd(long amount) {
        return Money.of(String.valueOf(amount), "VND");
    }

    private static RateZone zone(String name, boolean city, boolean region, long upTo500, long upTo1000, long step) {
        return RateZone.builder()
                .name(name)
                .sameCity(city)
                .sameRegion(region)
                .addBrackets(new RateZone.Bracket(500, vnd(upTo500)), new RateZone.Bracket(1000, vnd(upTo1000)))
                .stepPrice(vnd(step))
                .build();
    }

    /** same-city 20,000 / 25,000; same-region 25,000 / 30,000; national 35,000 / 45,000 (up to 500 g / 1 kg). */
    private static RateTable rates() {
        return RateTable.builder()
                .currency(Money.currency("VND"))
                .addZones(
                        zone("same-city", true, false, 20_000, 25_000, 5_000),
                        zone("same-region", false, true, 25_000, 30_000, 5_000),
                        zone("national", false, false, 35_000, 45_000, 10_000))
                .build();
    }

    private static RoutingProfile.Builder profile(String name) {
        return RoutingProfile.builder()
                .name(name)
                .addFilters(
                        Filters.active(),
                        Filters.delivery(),
                        Filters.capacity(),
                        Filters.skuRestrictions(),
                        Filters.hasStock());
    }

    /** One location for the whole order or nothing; by priority. */
    private static RoutingProfile singleComplete() {
        return profile("single-complete")
                .addRankers(RankStep.of(Rankers.priority()))
                .strategy(Strategy.SINGLE_LOCATION)
                .fulfilment(Fulfilment.SHIP_COMPLETE)
                .build();
    }

    /** Fewest shipments, ship what is there; by distance. */
    private static RoutingProfile minimiseAvailable() {
        return profile("minimise-available")
                .addRankers(RankStep.of(Rankers.distance()))
                .strategy(Strategy.MINIMISE_SHIPMENTS)
                .fulfilment(Fulfilment.SHIP_AVAILABLE)
                .build();
    }

    private static RoutingRequest order(String ref, Address to, RoutingLine... lines) {
        return request(lines).reference(ref).destination(to).build();
    }

    private static Address canThoWithoutGeo() {
        return Address.builder()
                .recipient("Tran Thi B")
                .line1("2 Hoa Binh")
                .city("Can Tho")
                .region("Can Tho")
                .countryCode("VN")
                .build();
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Nested
    @DisplayName("Single location, ship complete, by priority vs fewest shipments, ship available, by distance")
    class HandBuiltBatch {
        // WH-HCM (Thu Duc): TEE 5, MUG 2.  WH-HN (Hanoi): TEE 5.  ST-Q1 (HCM city): CAP 3.
        private final RoutingInput input = input().available(TEE, WH_HCM, 5)
                .available(MUG, WH_HCM, 2)
                .available(TEE, WH_HN, 5)
                .available(CAP, ST_Q1, 3)
                .build();

        // Weights: TEE 200 g, MUG 350 g, CAP 100 g.
        //
        // order            single-complete (priority)          minimise-available (distance)
        // o-1 Hanoi TEE 2   WH-HCM national 400 g 35,000       WH-HN same-city 400 g 20,000, 0 km
        // o-2 HCM TEE1 MUG1 WH-HCM same-region 550 g 30,000    same
        // o-3 HCM TEE1 CAP2 nothing (no one has both)          WH-HCM TEE 25,000 + ST-Q1 CAP 20,000 (0 km)
        // o-4 HCM TEE 6     nothing (HCM 2 left, HN 5)         WH-HCM 3 (30,000) + WH-HN 3 (45,000): line split
        // o-5 Hanoi MUG1 TEE1 WH-HCM national 550 g 45,000     WH-HCM MUG only (no TEE left) 35,000
        // o-6 Can Tho CAP 1 ST-Q1 national 35,000, no geo      same
        private final List<RoutingRequest> orders = List.of(
                order("o-1", hanoi(), line("l1", TEE, 2)),
                order("o-2", hcm(), line("l1", TEE, 1), line("l2", MUG, 1)),
                order("o-3", hcm(), line("l1", TEE, 1), line("l2", CAP, 2)),
                order("o-4", hcm(), line("l1", TEE, 6)),
                order("o-5", hanoi(), line("l1", MUG, 1), line("l2", TEE, 1)),
                order("o-6", canThoWithoutGeo(), line("l1", CAP, 1)));

        private final SimulationReport report = WhatIf.builder()
                .clock(CLOCK)
                .rates(rates())
                .build()
                .compare(orders, input, singleComplete(), minimiseAvailable());

        @Test
        void compare_countsOrdersShipmentsAndSplits() {
            assertThat(report.profiles()).containsExactly("single-complete", "minimise-available");
            assertThat(report.row(SimulationReport.ORDERS).values()).containsExactly(bd("6"), bd("6"));
            assertThat(report.row(SimulationReport.ORDERS_COMPLETE).values()).containsExactly(bd("4"), bd("5"));
            assertThat(report.row(SimulationReport.SHIPMENTS).values()).containsExactly(bd("4"), bd("8"));
            assertThat(report.row(SimulationReport.ORDERS_SPLIT).values()).containsExactly(bd("0"), bd("2"));
            assertThat(report.row(SimulationReport.AVERAGE_SHIPMENTS).values()).containsExactly(bd("0.67"), bd("1.33"));
            assertThat(report.row(SimulationReport.LINES_SPLIT).values()).containsExactly(bd("0"), bd("1"));
            assertThat(report.row(SimulationReport.SHIPMENTS).delta(1)).isEqualTo(bd("4"));
        }

        @Test
        void compare_countsUnfulfilledUnitsAndLines() {
            // single-complete: o-3 (1 + 2 units, 2 lines) and o-4 (6 units, 1 line); minimise: o-5 TEE 1
            assertThat(report.row(SimulationReport.UNITS_UNFULFILLED).values()).containsExactly(bd("9"), bd("1"));
            assertThat(report.row(SimulationReport.LINES_UNFULFILLABLE).values())
                    .containsExactly(bd("3"), bd("1"));
            assertThat(report.row(SimulationReport.UNITS_UNFULFILLED).delta(1)).isEqualTo(bd("-8"));
        }

        @Test
        void compare_sumsDistanceOverShipments_andCountsOrdersWithoutGeoApart() {
            ProfileMetrics single = report.metrics("single-complete");
            ProfileMetrics minimise = report.metrics("minimise-available");

            // o-1, o-5 Thu Duc to Hanoi; o-2 Thu Duc to Q1
            assertThat(single.distanceKm()).isCloseTo(2 * THU_DUC_TO_HANOI + THU_DUC_TO_Q1, within(1.0));
            // o-1 0; o-2, o-3, o-4 Thu Duc to Q1 (ST-Q1 is at Q1: 0); o-4 Hanoi to Q1; o-5 Thu Duc to Hanoi
            assertThat(minimise.distanceKm())
                    .isCloseTo(3 * THU_DUC_TO_Q1 + HANOI_TO_Q1 + THU_DUC_TO_HANOI, within(1.0));
            assertThat(report.row(SimulationReport.DISTANCE_KM).value(0).doubleValue())
                    .isCloseTo(single.distanceKm(), within(0.05));
            assertThat(report.row(SimulationReport.ORDERS_WITHOUT_DISTANCE).values())
                    .containsExactly(bd("1"), bd("1"));
        }

        @Test
        void compare_pricesEveryShipmentByTheRateTable() {
            assertThat(report.metrics("single-complete").shippingCost())
                    .contains(vnd(35_000 + 30_000 + 45_000 + 35_000));
            assertThat(report.metrics("minimise-available").shippingCost())
                    .contains(vnd(20_000 + 30_000 + 25_000 + 20_000 + 30_000 + 45_000 + 35_000 + 35_000));
            assertThat(report.row(SimulationReport.SHIPPING_COST).values()).containsExactly(bd("145000"), bd("240000"));
            assertThat(report.row(SimulationReport.SHIPMENTS_WITHOUT_RATE).values())
                    .containsExactly(bd("0"), bd("0"));
        }

        @Test
        void compare_listsTheOrdersDecidedDifferently() {
            assertThat(report.differingOrders()).isEqualTo(4);
            assertThat(report.row(SimulationReport.ORDERS_DIFFERING).values()).containsExactly(bd("0"), bd("4"));
            assertThat(report.differences())
                    .containsExactly(
                            new Difference(0, "o-1", List.of("WH-HCM: l1 x2", "WH-HN: l1 x2")),
                            new Difference(
                                    2,
                                    "o-3",
                                    List.of(
                                            "nothing shipped; unfulfilled: l1 x1, l2 x2",
                                            "ST-Q1: l2 x2 + WH-HCM: l1 x1")),
                            new Difference(
                                    3,
                                    "o-4",
                                    List.of("nothing shipped; unfulfilled: l1 x6", "WH-HCM: l1 x3 + WH-HN: l1 x3")),
                            new Difference(
                                    4, "o-5", List.of("WH-HCM: l1 x1, l2 x1", "WH-HCM: l1 x1; unfulfilled: l2 x1")));
        }

        @Test
        void compare_everyRowInDisplayOrder() {
            assertThat(report.rows())
                    .extracting(SimulationReport.Row::metric)
                    .containsExactly(
                            SimulationReport.ORDERS,
                            SimulationReport.ORDERS_COMPLETE,
                            SimulationReport.SHIPMENTS,
                            SimulationReport.ORDERS_SPLIT,
                            SimulationReport.AVERAGE_SHIPMENTS,
                            SimulationReport.LINES_SPLIT,
                            SimulationReport.UNITS_UNFULFILLED,
                            SimulationReport.LINES_UNFULFILLABLE,
                            SimulationReport.DISTANCE_KM,
                            SimulationReport.ORDERS_WITHOUT_DISTANCE,
                            SimulationReport.SHIPPING_COST,
                            SimulationReport.SHIPMENTS_WITHOUT_RATE,
                            SimulationReport.ORDERS_DIFFERING);
        }

        @Test
        void toText_rendersASideBySideTable() {
            String text = report.toText();

            assertThat(text)
                    .startsWith("What-if over 6 order(s): 'single-complete' vs 'minimise-available'\n"
                            + "metric                     | single-complete | minimise-available |   delta\n"
                            + "---------------------------+-----------------+--------------------+--------\n"
                            + "orders                     |               6 |                  6 |       0\n");
            assertThat(text)
                    .contains("shipments                  |               4 |                  8 |      +4\n")
                    .contains("avg shipments per order    |            0.67 |               1.33 |   +0.66\n")
                    .contains("units unfulfilled          |               9 |                  1 |      -8\n")
                    .contains("shipping cost (VND)        |         145,000 |            240,000 | +95,000\n")
                    .contains("Orders decided differently: 4\n"
                            + "  #1 o-1\n"
                            + "    single-complete:    WH-HCM: l1 x2\n"
                            + "    minimise-available: WH-HN: l1 x2\n");
        }
    }

    @Nested
    @DisplayName("Stock and capacity consumed as the batch goes")
    class Consumption {
        private final RoutingInput input = input().available(TEE, WH_HCM, 10)
                .available(TEE, WH_HN, 10)
                .usedToday(WH_HCM, 0, 0)
                .build();
        private final List<RoutingRequest> orders = List.of(
                order("o-1", hcm(), line("l1", TEE, 1)),
                order("o-2", hcm(), line("l1", TEE, 1)),
                order("o-3", hcm(), line("l1", TEE, 1)),
                order("o-4", hcm(), line("l1", TEE, 1)));
        private final RoutingProfile uncapped =
                profile("distance").addRankers(RankStep.of(Rankers.distance())).build();
        private final RoutingProfile capped = profile("distance-capped")
                .addRankers(RankStep.of(Rankers.distance()))
                .putCapacity(WH_HCM, DailyCapacity.of(100, 2))
                .build();

        @Test
        void compare_capacityExhaustedMidBatch_movesTheLaterOrders() {
            SimulationReport report = WhatIf.builder().clock(CLOCK).build().compare(orders, input, uncapped, capped);

            assertThat(report.decisions("distance"))
                    .allSatisfy(d -> assertThat(d.shipments().get(0).location()).isEqualTo(WH_HCM));
            assertThat(report.decisions("distance-capped"))
                    .extracting(d -> d.shipments().get(0).location())
                    .containsExactly(WH_HCM, WH_HCM, WH_HN, WH_HN);
            assertThat(report.differences())
                    .containsExactly(
                            new Difference(2, "o-3", List.of("WH-HCM: l1 x1", "WH-HN: l1 x1")),
                            new Difference(3, "o-4", List.of("WH-HCM: l1 x1", "WH-HN: l1 x1")));
            assertThat(report.metrics("distance").distanceKm()).isCloseTo(4 * THU_DUC_TO_Q1, within(1.0));
            assertThat(report.metrics("distance-capped").distanceKm())
                    .isCloseTo(2 * THU_DUC_TO_Q1 + 2 * HANOI_TO_Q1, within(1.0));
            assertThat(report.rows())
                    .extracting(SimulationReport.Row::metric)
                    .doesNotContain(SimulationReport.SHIPPING_COST);
        }

        @Test
        void compare_stockRunningOutMidBatch_leavesTheLaterOrdersShort() {
            RoutingInput scarce = input().available(TEE, WH_HCM, 3).build();
            List<RoutingRequest> twoEach =
                    List.of(order("o-1", hcm(), line("l1", TEE, 2)), order("o-2", hcm(), line("l1", TEE, 2)));

            SimulationReport report =
                    WhatIf.builder().clock(CLOCK).build().compare(twoEach, scarce, uncapped, singleComplete());

            // ship available: o-2 gets the 1 unit left; single location, ship complete: o-2 gets nothing
            assertThat(report.row(SimulationReport.UNITS_UNFULFILLED).values()).containsExactly(bd("1"), bd("2"));
            assertThat(report.differences())
                    .singleElement()
                    .isEqualTo(new Difference(
                            1,
                            "o-2",
                            List.of("WH-HCM: l1 x1; unfulfilled: l1 x1", "nothing shipped; unfulfilled: l1 x2")));
        }

        @Test
        void compare_leavesTheSnapshotUnchanged_andRepeats() {
            WhatIf whatIf = WhatIf.builder().clock(CLOCK).build();

            SimulationReport first = whatIf.compare(orders, input, uncapped, capped);
            SimulationReport second = whatIf.compare(orders, input, uncapped, capped);

            assertThat(input.available(TEE, WH_HCM)).isEqualTo(10);
            assertThat(input.available(TEE, WH_HN)).isEqualTo(10);
            assertThat(input.unitsUsedToday(WH_HCM)).isZero();
            assertThat(input.packagesUsedToday(WH_HCM)).isZero();
            assertThat(second.rows()).isEqualTo(first.rows());
            assertThat(second.differences()).isEqualTo(first.differences());
        }

        @Test
        void compare_threeProfiles_deltasAgainstTheFirst() {
            RoutingProfile byPriority = profile("priority")
                    .addRankers(RankStep.of(Rankers.priority()))
                    .build();
            List<RoutingRequest> toHanoi = List.of(order("o-1", hanoi(), line("l1", TEE, 1)));

            SimulationReport report = WhatIf.builder()
                    .clock(CLOCK)
                    .build()
                    .compare(toHanoi, input, List.of(uncapped, capped, byPriority));

            assertThat(report.row(SimulationReport.DISTANCE_KM).values()).hasSize(3);
            // distance-first ships from WH-HN (0 km); priority-first from WH-HCM (Thu Duc to Hanoi)
            assertThat(report.row(SimulationReport.DISTANCE_KM).delta(2).doubleValue())
                    .isCloseTo(THU_DUC_TO_HANOI, within(1.0));
            assertThat(report.row(SimulationReport.ORDERS_DIFFERING).values())
                    .containsExactly(bd("0"), bd("0"), bd("1"));
            assertThat(report.toText()).contains("| delta distance-capped | delta priority\n");
        }
    }

    @Nested
    @DisplayName("Bad input")
    class BadInput {
        private final RoutingInput input = input().available(TEE, WH_HCM, 1).build();
        private final List<RoutingRequest> orders = List.of(order("o-1", hcm(), line("l1", TEE, 1)));

        @Test
        void compare_noOrders_isRejected() {
            assertThatThrownBy(() ->
                            WhatIf.builder().build().compare(List.of(), input, singleComplete(), minimiseAvailable()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field() + " " + v.code())
                            .containsExactly("orders EMPTY"));
        }

        @Test
        void compare_oneProfile_isRejected() {
            assertThatThrownBy(() -> WhatIf.builder().build().compare(orders, input, List.of(singleComplete())))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field() + " " + v.code())
                            .containsExactly("profiles TOO_FEW"));
        }

        @Test
        void compare_twoProfilesOfOneName_isRejected() {
            assertThatThrownBy(
                            () -> WhatIf.builder().build().compare(orders, input, singleComplete(), singleComplete()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field() + " " + v.code())
                            .containsExactly("profiles DUPLICATE"))
                    .hasMessageContaining("'single-complete'");
        }

        @Test
        void row_unknownMetric_isRejectedNamingTheKnownOnes() {
            SimulationReport report =
                    WhatIf.builder().build().compare(orders, input, singleComplete(), minimiseAvailable());

            assertThatThrownBy(() -> report.row("profit"))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("'profit'")
                    .hasMessageContaining(SimulationReport.SHIPMENTS);
        }
    }
}
