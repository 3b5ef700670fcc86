package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static dev.omskit.routing.ScenarioSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Money;
import dev.omskit.core.model.Sku;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.Scoring;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Ranker;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every built-in ranker with costs worked out by hand, the lexicographic chain with a tie bucket, weighted
 * scoring with hand-normalised scores, and the final tie-break by location id.
 */
class RankerScenariosTest {
    private static RoutingProfile rankedBy(RankStep... steps) {
        return RoutingProfile.builder()
                .name("ranked")
                .addFilters(Filters.active(), Filters.delivery(), Filters.skuRestrictions(), Filters.hasStock())
                .addRankers(steps)
                .build();
    }

    private static List<LocationId> ranking(RoutingDecision d) {
        return d.explanation().ranked().stream().map(LocationVerdict::location).toList();
    }

    private static LocationVerdict.Score score(RoutingDecision d, LocationId location, String ranker) {
        return verdict(d, location).scores().stream()
                .filter(s -> s.ranker().equals(ranker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + ranker + " score on " + location));
    }

    @Nested
    class Distance {
        @Test
        void route_byDistance_nearestFirstWithKilometresInTheText() {
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(TEE, WH_HN, 5)
                    .available(TEE, WH_DN, 5)
                    .available(TEE, ST_Q7, 5)
                    .build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.distance())))
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(ST_Q7, WH_HCM, WH_DN, WH_HN);
            assertThat(shippingFrom(d)).containsExactly(ST_Q7);
            // great-circle km from District 1 (10.7769, 106.7009), worked out separately
            assertThat(score(d, ST_Q7, "distance").cost()).isCloseTo(5.279, within(0.001));
            assertThat(score(d, WH_HCM, "distance").cost()).isCloseTo(9.912, within(0.001));
            assertThat(score(d, WH_DN, "distance").cost()).isCloseTo(608.866, within(0.001));
            assertThat(score(d, WH_HN, "distance").cost()).isCloseTo(1143.506, within(0.001));
            assertThat(score(d, ST_Q7, "distance").text()).isEqualTo("5.3 km");
            assertThat(score(d, WH_HN, "distance").text()).isEqualTo("1143.5 km");
        }

        @Test
        void route_locationWithoutGeo_ranksLastAsDistanceUnknown() {
            RoutingInput input = inputOver(locationsWith(ST_Q7, b -> b.address(hcmWithoutGeo())))
                    .available(TEE, WH_HN, 5)
                    .available(TEE, ST_Q7, 5)
                    .build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.distance())))
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(WH_HN, ST_Q7);
            assertThat(score(d, ST_Q7, "distance").cost()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(score(d, ST_Q7, "distance").text()).isEqualTo("distance unknown");
        }
    }

    @Nested
    class Priority {
        @Test
        void route_byPriority_lowestFirst() {
            RoutingInput input = input().available(TEE, VENDOR, 5)
                    .available(TEE, WH_DN, 5)
                    .available(TEE, ST_Q1, 5)
                    .build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.priority())))
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(WH_DN, ST_Q1, VENDOR);
            assertThat(score(d, WH_DN, "priority").cost()).isEqualTo(3.0);
            assertThat(score(d, VENDOR, "priority").text()).isEqualTo("priority 9");
            assertThat(verdict(d, WH_DN).chosen()).isTrue();
        }
    }

    @Nested
    class ShippingCost {
        private static final Sku PILLOW = Sku.of("PILLOW-L");
        private static final Sku MYSTERY = Sku.of("MYSTERY-BOX");

        private Money vnd(long amount) {
            return Money.of(Long.toString(amount), "VND");
        }

        private RateZone sameCity() {
            return RateZone.builder()
                    .name("same-city")
                    .sameCity(true)
                    .addBrackets(new RateZone.Bracket(1000, vnd(15_000)), new RateZone.Bracket(2000, vnd(20_000)))
                    .stepGrams(500)
                    .stepPrice(vnd(5_000))
                    .build();
        }

        private RateTable rates() {
            return RateTable.builder()
                    .currency(Money.currency("VND"))
                    .addZones(
                            sameCity(),
                            RateZone.builder()
                                    .name("same-region")
                                    .sameRegion(true)
                                    .addBrackets(new RateZone.Bracket(1000, vnd(22_000)))
                                    .stepGrams(1000)
                                    .stepPrice(vnd(8_000))
                                    .build(),
                            RateZone.builder()
                                    .name("national")
                                    .addBrackets(
                                            new RateZone.Bracket(1000, vnd(30_000)),
                                            new RateZone.Bracket(3000, vnd(40_000)))
                                    .stepGrams(1000)
                                    .stepPrice(vnd(10_000))
                                    .build())
                    .build();
        }

        @Test
        void route_byShippingCost_pricesTheWholeRequestPerZone() {
            // 3 x 200 g + 2 x 350 g = 1300 g
            RoutingInput input = input().available(TEE, ST_Q1, 5)
                    .available(MUG, ST_Q1, 5)
                    .available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HCM, 5)
                    .available(TEE, WH_HN, 5)
                    .available(MUG, WH_HN, 5)
                    .build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.shippingCost(rates(), 500))))
                    .route(request(line("l1", TEE, 3), line("l2", MUG, 2)).build(), input);

            assertThat(ranking(d)).containsExactly(ST_Q1, WH_HCM, WH_HN);
            // same city (Ho Chi Minh City): 1300 g is in the 2000 g bracket
            assertThat(score(d, ST_Q1, "shipping-cost").cost()).isEqualTo(20_000.0);
            assertThat(score(d, ST_Q1, "shipping-cost").text()).isEqualTo("20000 VND for 1300 g");
            // same region (Thu Duc, Ho Chi Minh): 22000 + one 1000 g step of 8000
            assertThat(score(d, WH_HCM, "shipping-cost").cost()).isEqualTo(30_000.0);
            // national (Hanoi): 1300 g is in the 3000 g bracket
            assertThat(score(d, WH_HN, "shipping-cost").cost()).isEqualTo(40_000.0);
            assertThat(shippingFrom(d)).containsExactly(ST_Q1);
        }

        @Test
        void route_bulkyParcel_isPricedByDimensionalWeight() {
            // 400 x 300 x 200 mm = 24000 cm3; / 6000 = 4000 g, more than the 500 g it weighs
            Product pillow = Product.builder()
                    .tenant(TENANT)
                    .sku(PILLOW)
                    .name("Pillow L")
                    .weightGrams(500)
                    .dimensions(new Dimensions(400, 300, 200))
                    .build();
            RoutingInput input = input().product(pillow)
                    .available(PILLOW, ST_Q1, 5)
                    .available(PILLOW, WH_HCM, 5)
                    .available(PILLOW, WH_HN, 5)
                    .build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.shippingCost(rates(), 500))))
                    .route(request(line("l1", PILLOW, 1)).build(), input);

            // same city: 20000 + ceil(2000 / 500) = 4 steps of 5000
            assertThat(score(d, ST_Q1, "shipping-cost").cost()).isEqualTo(40_000.0);
            assertThat(score(d, ST_Q1, "shipping-cost").text()).isEqualTo("40000 VND for 4000 g");
            // same region: 22000 + 3 steps of 8000
            assertThat(score(d, WH_HCM, "shipping-cost").cost()).isEqualTo(46_000.0);
            // national: 40000 + 1 step of 10000
            assertThat(score(d, WH_HN, "shipping-cost").cost()).isEqualTo(50_000.0);
            assertThat(ranking(d)).containsExactly(ST_Q1, WH_HCM, WH_HN);
        }

        @Test
        void route_skuWithoutProductData_countsTheDefaultGrams() {
            // 3 x 800 g = 2400 g: same city 20000 + 1 step of 5000
            RoutingInput input = input().available(MYSTERY, ST_Q1, 5).build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.shippingCost(rates(), 800))))
                    .route(request(line("l1", MYSTERY, 3)).build(), input);

            assertThat(score(d, ST_Q1, "shipping-cost").cost()).isEqualTo(25_000.0);
            assertThat(score(d, ST_Q1, "shipping-cost").text()).isEqualTo("25000 VND for 2400 g");
        }

        @Test
        void route_routeNoZoneServes_ranksLast() {
            RateTable cityOnly = RateTable.builder()
                    .currency(Money.currency("VND"))
                    .addZones(sameCity())
                    .build();
            RoutingInput input =
                    input().available(TEE, WH_HN, 5).available(TEE, ST_Q7, 5).build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.shippingCost(cityOnly, 500))))
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(ST_Q7, WH_HN);
            assertThat(score(d, ST_Q7, "shipping-cost").cost()).isEqualTo(15_000.0);
            assertThat(score(d, WH_HN, "shipping-cost").cost()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(score(d, WH_HN, "shipping-cost").text()).isEqualTo("no rate zone serves this route");
        }

        @Test
        void shippingCost_defaultGramsNotPositive_isRejected() {
            assertThatThrownBy(() -> Rankers.shippingCost(rates(), 0))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("defaultGrams"));
        }
    }

    @Nested
    class StockDepth {
        @Test
        void route_byStockDepth_mostLeftOverFirst() {
            RoutingInput input = input().available(TEE, WH_HCM, 10)
                    .available(TEE, WH_HN, 4)
                    .available(TEE, WH_DN, 2)
                    .build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.stockDepth())))
                    .route(request(line("l1", TEE, 2)).build(), input);

            assertThat(ranking(d)).containsExactly(WH_HCM, WH_HN, WH_DN);
            // (10 - 2) / 2, (4 - 2) / 2, (2 - 2) / 2 demands left over
            assertThat(score(d, WH_HCM, "stock-depth").cost()).isEqualTo(-4.0);
            assertThat(score(d, WH_HN, "stock-depth").cost()).isEqualTo(-1.0);
            assertThat(score(d, WH_DN, "stock-depth").cost()).isEqualTo(0.0);
            assertThat(score(d, WH_HCM, "stock-depth").text()).isEqualTo("4.0x the demand left over");
        }
    }

    @Nested
    class LocationKindPreference {
        @Test
        void route_byKind_preferredKindsFirstUnlistedLast() {
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(TEE, WH_HN, 5)
                    .available(TEE, ST_Q1, 5)
                    .available(TEE, ST_Q7, 5)
                    .build();
            Ranker kinds = Rankers.locationKind(List.of(LocationKind.STORE, LocationKind.WAREHOUSE_MAIN));

            RoutingDecision d = router(rankedBy(RankStep.of(kinds)))
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(ST_Q1, ST_Q7, WH_HCM, WH_HN);
            assertThat(score(d, ST_Q1, "location-kind").cost()).isEqualTo(0.0);
            assertThat(score(d, WH_HCM, "location-kind").cost()).isEqualTo(1.0);
            assertThat(score(d, WH_HN, "location-kind").cost()).isEqualTo(2.0);
            assertThat(score(d, ST_Q7, "location-kind").text()).isEqualTo("STORE (preference 1)");
            assertThat(score(d, WH_HN, "location-kind").text()).isEqualTo("WAREHOUSE_BRANCH (preference 3)");
        }

        @Test
        void locationKind_empty_isRejected() {
            assertThatThrownBy(() -> Rankers.locationKind(List.of()))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            e -> assertThat(e.violations().get(0).field()).isEqualTo("prefer"));
        }
    }

    @Nested
    class LexicographicChain {
        private final RoutingInput input = input().available(TEE, ST_Q7, 5)
                .available(TEE, WH_HCM, 5)
                .available(TEE, WH_DN, 5)
                .available(TEE, WH_HN, 5)
                .build();

        @Test
        void route_tieWithinTheBucket_isBrokenByTheNextRanker() {
            RoutingProfile profile = rankedBy(new RankStep(Rankers.distance(), 1, 50), RankStep.of(Rankers.priority()));

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            // ST-Q7 (5.3 km) and WH-HCM (9.9 km) share bucket 0 of 50 km; priority 1 beats 5
            assertThat(ranking(d)).containsExactly(WH_HCM, ST_Q7, WH_DN, WH_HN);
            assertThat(score(d, WH_HCM, "distance").weighted()).isEqualTo(0.0);
            assertThat(score(d, ST_Q7, "distance").weighted()).isEqualTo(0.0);
            assertThat(score(d, WH_DN, "distance").weighted()).isEqualTo(12.0);
            assertThat(score(d, WH_HN, "distance").weighted()).isEqualTo(22.0);
            assertThat(score(d, ST_Q7, "priority").weighted()).isEqualTo(5.0);
            assertThat(shippingFrom(d)).containsExactly(WH_HCM);
            assertThat(verdict(d, WH_HCM).rank()).isEqualTo(1);
            assertThat(verdict(d, ST_Q7).rank()).isEqualTo(2);
        }

        @Test
        void route_withoutBucket_theFirstRankerDecidesAlone() {
            RoutingProfile profile = rankedBy(RankStep.of(Rankers.distance()), RankStep.of(Rankers.priority()));

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(ST_Q7, WH_HCM, WH_DN, WH_HN);
            assertThat(score(d, ST_Q7, "distance").weighted())
                    .isEqualTo(score(d, ST_Q7, "distance").cost());
        }
    }

    @Nested
    class Weighted {
        @Test
        void route_weighted_sumsNormalisedCostsTimesWeights() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(rankedBy(new RankStep(Rankers.priority(), 1, 0), new RankStep(Rankers.stockDepth(), 3, 0)))
                    .scoring(Scoring.WEIGHTED)
                    .build();
            RoutingInput input = input().available(TEE, WH_HCM, 3)
                    .available(TEE, WH_HN, 4)
                    .available(TEE, ST_Q7, 10)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 2)).build(), input);

            // priority 1, 2, 5 over [1, 5]: 0, 1/4, 1 (weight 1)
            assertThat(score(d, WH_HCM, "priority").weighted()).isCloseTo(0.0, within(1e-9));
            assertThat(score(d, WH_HN, "priority").weighted()).isCloseTo(0.25, within(1e-9));
            assertThat(score(d, ST_Q7, "priority").weighted()).isCloseTo(1.0, within(1e-9));
            // stock depth -0.5, -1, -4 over [-4, -0.5]: 1, 3/3.5, 0 (weight 3)
            assertThat(score(d, WH_HCM, "stock-depth").weighted()).isCloseTo(3.0, within(1e-9));
            assertThat(score(d, WH_HN, "stock-depth").weighted()).isCloseTo(3 * 3 / 3.5, within(1e-9));
            assertThat(score(d, ST_Q7, "stock-depth").weighted()).isCloseTo(0.0, within(1e-9));
            // totals 3.0, 2.821..., 1.0: the reverse of priority alone
            assertThat(ranking(d)).containsExactly(ST_Q7, WH_HN, WH_HCM);
            assertThat(verdict(d, ST_Q7).reason()).isEqualTo("has 1 of 1 line(s) in full, score 1.000");
            assertThat(verdict(d, WH_HN).reason()).isEqualTo("has 1 of 1 line(s) in full, score 2.821");
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("has 1 of 1 line(s) in full, score 3.000");
            assertThat(shippingFrom(d)).containsExactly(ST_Q7);
            assertThat(d.explanation().summary()).contains("WEIGHTED");
        }

        @Test
        void route_weightedWithAnUnknownCost_countsItAsTheWorst() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(rankedBy(RankStep.of(Rankers.distance())))
                    .scoring(Scoring.WEIGHTED)
                    .build();
            RoutingInput input = inputOver(locationsWith(WH_HN, b -> b.address(hcmWithoutGeo())))
                    .available(TEE, WH_HN, 5)
                    .available(TEE, WH_HCM, 5)
                    .available(TEE, ST_Q7, 5)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(score(d, ST_Q7, "distance").weighted()).isCloseTo(0.0, within(1e-9));
            assertThat(score(d, WH_HCM, "distance").weighted()).isCloseTo(1.0, within(1e-9));
            assertThat(score(d, WH_HN, "distance").weighted()).isCloseTo(1.0, within(1e-9));
            // WH-HCM and WH-HN tie at 1.0: the location id decides
            assertThat(ranking(d)).containsExactly(ST_Q7, WH_HCM, WH_HN);
        }

        @Test
        void route_weightedWithEqualCosts_scoresZero() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(rankedBy(RankStep.of(Rankers.priority())))
                    .scoring(Scoring.WEIGHTED)
                    .build();
            RoutingInput input =
                    input().available(TEE, ST_Q7, 5).available(TEE, ST_Q1, 5).build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(score(d, ST_Q1, "priority").weighted()).isEqualTo(0.0);
            assertThat(score(d, ST_Q7, "priority").weighted()).isEqualTo(0.0);
            assertThat(ranking(d)).containsExactly(ST_Q1, ST_Q7);
        }
    }

    @Nested
    class FinalTieBreak {
        @Test
        void route_equalOnEveryRanker_isOrderedByLocationId() {
            RoutingInput input =
                    input().available(TEE, ST_Q7, 5).available(TEE, ST_Q1, 5).build();

            RoutingDecision d = router(rankedBy(RankStep.of(Rankers.priority())))
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(ST_Q1, ST_Q7);
            assertThat(verdict(d, ST_Q1).rank()).isEqualTo(1);
            assertThat(verdict(d, ST_Q7).rank()).isEqualTo(2);
            assertThat(verdict(d, ST_Q1).chosen()).isTrue();
            assertThat(verdict(d, ST_Q7).chosen()).isFalse();
        }

        @Test
        void route_noRankers_isOrderedByLocationId() {
            RoutingProfile profile = RoutingProfile.builder()
                    .name("unranked")
                    .addFilters(Filters.hasStock())
                    .build();
            RoutingInput input = input().available(TEE, WH_HN, 5)
                    .available(TEE, ST_Q7, 5)
                    .available(TEE, WH_DN, 5)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(ranking(d)).containsExactly(ST_Q7, WH_DN, WH_HN);
            assertThat(verdict(d, ST_Q7).scores()).isEmpty();
            assertThat(verdict(d, WH_HN).scores()).isEmpty();
            assertThat(Set.copyOf(shippingFrom(d))).containsExactly(ST_Q7);
        }
    }
}
