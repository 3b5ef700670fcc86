package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static dev.omskit.routing.ScenarioSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.routing.profile.DailyCapacity;
import dev.omskit.routing.profile.Fulfilment;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.profile.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The strategies and their limits: single location (ship complete or available), fewest shipments by exact
 * search or greedy, the shipment limit, line splitting, shared stock of one SKU and capacity left.
 */
class StrategyScenariosTest {
    private static RoutingProfile.Builder defaults() {
        return RoutingProfile.builder().from(RoutingProfile.defaults());
    }

    private static List<LocationId> chosenInExplanation(RoutingDecision d) {
        return d.explanation().verdicts().stream()
                .filter(LocationVerdict::chosen)
                .map(LocationVerdict::location)
                .toList();
    }

    @Nested
    class SingleLocation {
        private final RoutingProfile complete = defaults()
                .name("single-complete")
                .strategy(Strategy.SINGLE_LOCATION)
                .fulfilment(Fulfilment.SHIP_COMPLETE)
                .build();
        private final RoutingProfile available = defaults()
                .name("single-available")
                .strategy(Strategy.SINGLE_LOCATION)
                .fulfilment(Fulfilment.SHIP_AVAILABLE)
                .build();

        @Test
        void route_shipCompleteAndNoLocationHasAll_assignsNothingAndSaysWhy() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(MUG, WH_HN, 5).build();

            RoutingDecision d = router(complete)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 2), Map.entry("l2", 2));
            assertThat(d.unfulfilledReasons())
                    .containsExactly(
                            "line l1 (TEE-BLK-M): 2 of 2 unit(s) unassigned; ship complete and no single location"
                                    + " has every line in full",
                            "line l2 (MUG-WHT): 2 of 2 unit(s) unassigned; ship complete and no single location"
                                    + " has every line in full");
            assertThat(d.explanation().notes()).contains("single location: no candidate has every line in full");
            assertThat(d.explanation().summary()).endsWith("nothing assigned, 2 line(s) not met in full");
            assertThat(chosenInExplanation(d)).isEmpty();
            assertThat(d.explanation().ranked())
                    .extracting(LocationVerdict::location)
                    .containsExactly(WH_HCM, WH_HN);
        }

        @Test
        void route_shipCompleteAndOneLocationHasAll_shipsEverythingFromIt() {
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(TEE, WH_HN, 5)
                    .available(MUG, WH_HN, 5)
                    .build();

            RoutingDecision d = router(complete)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(d.isComplete()).isTrue();
            assertThat(d.explanation().notes())
                    .containsExactly("single location: WH-HN (rank 2) has every line in full");
            assertThat(chosenInExplanation(d)).containsExactly(WH_HN);
        }

        @Test
        void route_locationWithEveryLineButNotTheCapacity_givesWayToTheNextThatHasBoth() {
            RoutingProfile capped = RoutingProfile.builder()
                    .from(complete)
                    .putCapacity(WH_HCM, DailyCapacity.units(3))
                    .build();
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HCM, 5)
                    .available(TEE, WH_DN, 5)
                    .available(MUG, WH_DN, 5)
                    .build();

            RoutingDecision d = router(capped)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_DN);
            assertThat(d.explanation().notes())
                    .containsExactly("single location: WH-DN (rank 2) has every line in full");
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("has 2 of 2 line(s) in full");
            assertThat(verdict(d, WH_HCM).chosen()).isFalse();
        }

        @Test
        void route_shipAvailableAndNoLocationHasAll_shipsFromTheOneWithTheMostUnits() {
            RoutingInput input = input().available(TEE, WH_HCM, 2)
                    .available(MUG, WH_HCM, 1)
                    .available(TEE, WH_HN, 2)
                    .available(MUG, WH_HN, 2)
                    .available(CAP, WH_DN, 2)
                    .build();

            RoutingDecision d = router(available)
                    .route(
                            request(line("l1", TEE, 2), line("l2", MUG, 2), line("l3", CAP, 2))
                                    .build(),
                            input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HN, 2, Optional.empty()),
                            new Assignment("l2", MUG, WH_HN, 2, Optional.empty()));
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l3", 2));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l3 (CAP-RED): 2 of 2 unit(s) unassigned; single location only and the"
                            + " chosen one lacks it");
            assertThat(d.explanation().notes())
                    .contains("single location: no candidate has every line in full; WH-HN has the most units (4 of"
                            + " 6)");
            assertThat(chosenInExplanation(d)).containsExactly(WH_HN);
        }

        @Test
        void route_shipAvailableAndTwoLocationsWithTheMostUnits_takesTheBetterRanked() {
            RoutingInput input =
                    input().available(TEE, WH_DN, 2).available(MUG, WH_HN, 2).build();

            RoutingDecision d = router(available)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 2));
        }

        @Test
        void route_twoLinesOfOneSkuThatNoLocationHasForBoth_countsTheSharedStockOnce() {
            // WH-HCM (rank 1) has 4, WH-HN 5: both lines together want 6; WH-HN can ship more of them
            RoutingInput input =
                    input().available(TEE, WH_HCM, 4).available(TEE, WH_HN, 5).build();

            RoutingDecision d = router(available)
                    .route(request(line("l1", TEE, 3), line("l2", TEE, 3)).build(), input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HN, 3, Optional.empty()),
                            new Assignment("l2", TEE, WH_HN, 2, Optional.empty()));
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l2", 1));
            assertThat(d.explanation().notes())
                    .contains("single location: no candidate has every line in full; WH-HN has the most units (5 of"
                            + " 6)");
        }

        @Test
        void route_shipAvailableWithoutSplitting_countsOnlyTheLinesALocationHasInFull() {
            RoutingProfile whole =
                    RoutingProfile.builder().from(available).splitLines(false).build();
            // WH-HCM could ship 2 + 1 units but only the 2 TEE in whole lines; WH-HN ships 3 MUG whole
            RoutingInput input = input().available(TEE, WH_HCM, 2)
                    .available(MUG, WH_HCM, 1)
                    .available(MUG, WH_HN, 3)
                    .build();

            RoutingDecision d = router(whole)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 3)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l2", MUG, WH_HN, 3, Optional.empty()));
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 2));
            assertThat(d.explanation().notes())
                    .contains("single location: no candidate has every line in full; WH-HN has the most units (3 of"
                            + " 5)");
        }

        @Test
        void route_twoLinesOfOneSkuThatOnlyTheSecondHasForBoth_shipsFromTheSecond() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(TEE, WH_HN, 6).build();

            RoutingDecision d = router(complete)
                    .route(request(line("l1", TEE, 3), line("l2", TEE, 3)).build(), input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HN, 3, Optional.empty()),
                            new Assignment("l2", TEE, WH_HN, 3, Optional.empty()));
            assertThat(d.explanation().notes())
                    .containsExactly("single location: WH-HN (rank 2) has every line in full");
        }
    }

    @Nested
    class MinimiseShipments {
        @Test
        void route_oneLocationHasAll_winsOverBetterRankedOnesAndTheNoteSaysSo() {
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HCM, 1)
                    .available(TEE, WH_HN, 5)
                    .available(MUG, WH_HN, 5)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(d.isComplete()).isTrue();
            assertThat(verdict(d, WH_HCM).rank()).isEqualTo(1);
            assertThat(verdict(d, WH_HCM).chosen()).isFalse();
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("has 1 of 2 line(s) in full");
            assertThat(verdict(d, WH_HN).rank()).isEqualTo(2);
            assertThat(verdict(d, WH_HN).chosen()).isTrue();
            assertThat(verdict(d, WH_HN).lineNotes())
                    .containsExactly("ships 2x TEE-BLK-M for line l1", "ships 2x MUG-WHT for line l2");
            assertThat(d.explanation().notes()).containsExactly("one shipment: WH-HN (rank 2) has every line in full");
            assertThat(d.explanation().splitReasons()).isEmpty();
        }

        @Test
        void route_twoShipmentsNeeded_picksTheCoverWithTheBestRanks() {
            // WH-HCM {l1, l2}, WH-HN {l3}, WH-DN {l2, l3}, ST-Q1 {l1}: {WH-HCM, WH-HN} has the best ranks
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HCM, 5)
                    .available(CAP, WH_HN, 5)
                    .available(CAP, WH_DN, 5)
                    .available(MUG, WH_DN, 5)
                    .available(TEE, ST_Q1, 5)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(
                            request(line("l1", TEE, 1), line("l2", MUG, 1), line("l3", CAP, 1))
                                    .build(),
                            input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HCM, 1, Optional.empty()),
                            new Assignment("l2", MUG, WH_HCM, 1, Optional.empty()),
                            new Assignment("l3", CAP, WH_HN, 1, Optional.empty()));
            assertThat(chosenInExplanation(d)).containsExactly(WH_HCM, WH_HN);
            assertThat(d.explanation().notes())
                    .singleElement()
                    .asString()
                    .startsWith("exact search: 2 shipments is the fewest over 4 distinct candidate(s), ");
            assertThat(d.explanation().splitReasons())
                    .containsExactly(
                            "2 shipments: no single candidate has every line in full within its capacity",
                            "best-ranked WH-HCM lacks l3 (CAP-RED 0 of 1)");
        }

        @Test
        void route_coverGreedyWouldMiss_exactSearchFindsTwoShipments() {
            RoutingDecision d = router(RoutingProfile.defaults()).route(sixLines(), greedyTrap());

            assertThat(shippingFrom(d)).containsExactlyInAnyOrder(WH_HN, WH_DN);
            assertThat(d.isComplete()).isTrue();
            assertThat(d.explanation().notes())
                    .singleElement()
                    .asString()
                    .startsWith("exact search: 2 shipments is the fewest over 3 distinct candidate(s)");
        }

        @Test
        void route_searchBudgetZero_fallsBackToGreedyAndTheNoteSaysSo() {
            RoutingProfile greedy = defaults().name("greedy").searchBudget(0).build();

            RoutingDecision d = router(greedy).route(sixLines(), greedyTrap());

            assertThat(shippingFrom(d)).containsExactly(WH_HCM, WH_HN, WH_DN);
            assertThat(d.isComplete()).isTrue();
            assertThat(d.explanation().notes())
                    .containsExactly("greedy: the exact search reached its budget of 0 node(s); 3 shipment(s) chosen");
            assertThat(d.explanation().splitReasons())
                    .first()
                    .isEqualTo("3 shipments: no single candidate has every line in full within its capacity");
        }

        @Test
        void route_moreThan64Lines_coversWithMasksOfSeveralWords() {
            // 70 lines: l1..l40 only at WH-HCM, l41..l70 at WH-HN and WH-DN, WH-DN also has l1..l40 but one short
            RoutingRequest.Builder r = request();
            RoutingInput.Builder in = input();
            for (int k = 1; k <= 70; k++) {
                Sku sku = Sku.of("S-" + k);
                r.addLines(line("l" + k, sku, 2));
                if (k <= 40) {
                    in.available(sku, WH_HCM, 2);
                    in.available(sku, WH_DN, k == 40 ? 1 : 2);
                } else {
                    in.available(sku, WH_HN, 2);
                    in.available(sku, WH_DN, 2);
                }
            }

            RoutingDecision d = router(RoutingProfile.defaults()).route(r.build(), in.build());

            assertThat(d.isComplete()).isTrue();
            assertThat(shippingFrom(d)).containsExactly(WH_HCM, WH_HN);
            assertThat(d.assignments().stream().filter(a -> a.location().equals(WH_HCM)))
                    .hasSize(40);
            assertThat(verdict(d, WH_DN).reason()).isEqualTo("has 69 of 70 line(s) in full");
            assertThat(d.explanation().notes())
                    .first()
                    .asString()
                    .startsWith("exact search: 2 shipments is the fewest");
        }

        @Test
        void route_moreThan64LinesAllAtOneLocation_shipsOnce() {
            RoutingRequest.Builder r = request();
            RoutingInput.Builder in = input();
            for (int k = 1; k <= 70; k++) {
                Sku sku = Sku.of("S-" + k);
                r.addLines(line("l" + k, sku, 1));
                in.available(sku, WH_DN, 1);
                if (k != 65) {
                    in.available(sku, WH_HCM, 1);
                }
            }

            RoutingDecision d = router(RoutingProfile.defaults()).route(r.build(), in.build());

            assertThat(shippingFrom(d)).containsExactly(WH_DN);
            assertThat(d.explanation().notes()).containsExactly("one shipment: WH-DN (rank 2) has every line in full");
        }

        private static final List<Sku> X =
                List.of(Sku.of("X-1"), Sku.of("X-2"), Sku.of("X-3"), Sku.of("X-4"), Sku.of("X-5"), Sku.of("X-6"));

        private RoutingRequest sixLines() {
            RoutingRequest.Builder b = request();
            for (int k = 0; k < 6; k++) {
                b.addLines(line("l" + (k + 1), X.get(k), 1));
            }
            return b.build();
        }

        /** WH-HCM {1, 2, 3, 4}, WH-HN {1, 2, 5}, WH-DN {3, 4, 6}: greedy takes WH-HCM first and needs 3. */
        private RoutingInput greedyTrap() {
            RoutingInput.Builder b = input();
            for (int k : new int[] {0, 1, 2, 3}) {
                b.available(X.get(k), WH_HCM, 1);
            }
            for (int k : new int[] {0, 1, 4}) {
                b.available(X.get(k), WH_HN, 1);
            }
            for (int k : new int[] {2, 3, 5}) {
                b.available(X.get(k), WH_DN, 1);
            }
            return b.build();
        }
    }

    @Nested
    class SplittingLines {
        @Test
        void route_whenSplittingALineSavesAShipment_shipsFromFewerLocations() {
            // whole lines: TEE 4 only at WH-DN, MUG at WH-HCM, CAP at WH-HN, so 3 parcels;
            // splitting TEE 2 + 2 over WH-HCM and WH-HN meets everything in 2
            RoutingInput input = input().available(TEE, WH_HCM, 2)
                    .available(MUG, WH_HCM, 2)
                    .available(TEE, WH_HN, 2)
                    .available(CAP, WH_HN, 2)
                    .available(TEE, WH_DN, 4)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(
                            request(line("l1", TEE, 4), line("l2", MUG, 2), line("l3", CAP, 2))
                                    .build(),
                            input);

            assertThat(d.isComplete()).isTrue();
            assertThat(d.shipmentCount()).isEqualTo(2);
            assertThat(d.assignments())
                    .containsExactlyInAnyOrder(
                            new Assignment("l2", MUG, WH_HCM, 2, Optional.empty()),
                            new Assignment("l3", CAP, WH_HN, 2, Optional.empty()),
                            new Assignment("l1", TEE, WH_HCM, 2, Optional.empty()),
                            new Assignment("l1", TEE, WH_HN, 2, Optional.empty()));
            assertThat(d.explanation().splitReasons())
                    .contains("line l1 (TEE-BLK-M, 4 units) split over WH-HCM 2, WH-HN 2: no candidate has all of it");
            assertThat(d.explanation().notes())
                    .contains("splitting lines over 2 location(s) meets every line with fewer shipments than the"
                            + " whole-line cover (3)");
            assertThat(verdict(d, WH_DN).chosen()).isFalse();
        }

        @Test
        void route_whenLinesMayNotBeSplit_keepsTheWholeLineCover() {
            RoutingInput input = input().available(TEE, WH_HCM, 2)
                    .available(MUG, WH_HCM, 2)
                    .available(TEE, WH_HN, 2)
                    .available(CAP, WH_HN, 2)
                    .available(TEE, WH_DN, 4)
                    .build();
            RoutingProfile whole = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .splitLines(false)
                    .build();

            RoutingDecision d = router(whole)
                    .route(
                            request(line("l1", TEE, 4), line("l2", MUG, 2), line("l3", CAP, 2))
                                    .build(),
                            input);

            assertThat(d.isComplete()).isTrue();
            assertThat(d.shipmentCount()).isEqualTo(3);
            assertThat(d.assignedUnits("l1")).isEqualTo(4);
            assertThat(d.assignments())
                    .filteredOn(a -> a.line().equals("l1"))
                    .singleElement()
                    .extracting(Assignment::location)
                    .isEqualTo(WH_DN);
        }
    }

    @Nested
    class Limits {
        @Test
        void route_maxShipmentsOne_leavesTheOtherLocationsLinesUnfulfilledWithTheReason() {
            RoutingProfile one = defaults().name("one").maxShipments(1).build();
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(MUG, WH_HN, 5).build();

            RoutingDecision d = router(one)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, WH_HCM, 2, Optional.empty()));
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l2", 2));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l2 (MUG-WHT): 2 of 2 unit(s) unassigned; the stock is spread over more"
                            + " than the 1 shipment(s) allowed");
            assertThat(d.explanation().notes())
                    .startsWith("greedy: no cover within 1 shipment(s); 1 shipment(s) chosen");
            assertThat(chosenInExplanation(d)).containsExactly(WH_HCM);
        }

        @Test
        void route_maxShipmentsReachedWithoutSplitting_namesTheShipmentLimitNotSplitting() {
            RoutingProfile one =
                    defaults().name("one").maxShipments(1).splitLines(false).build();
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(MUG, WH_HN, 5).build();

            RoutingDecision d = router(one)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(d.unfulfilled()).containsOnly(Map.entry("l2", 2));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l2 (MUG-WHT): 2 of 2 unit(s) unassigned; the stock is spread over more"
                            + " than the 1 shipment(s) allowed");
        }

        @Test
        void route_splitLines_splitsTheLineOverTwoLocationsAndNamesBoth() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 3).available(TEE, WH_HN, 4).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 5)).build(), input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HN, 4, Optional.empty()),
                            new Assignment("l1", TEE, WH_HCM, 1, Optional.empty()));
            assertThat(d.isComplete()).isTrue();
            assertThat(d.explanation().splitReasons())
                    .containsExactly(
                            "2 shipments: no single candidate has every line in full within its capacity",
                            "best-ranked WH-HCM lacks l1 (TEE-BLK-M 3 of 5)",
                            "line l1 (TEE-BLK-M, 5 units) split over WH-HN 4, WH-HCM 1: no candidate has all of it");
            assertThat(chosenInExplanation(d)).containsExactly(WH_HCM, WH_HN);
        }

        @Test
        void route_noSplitLines_leavesTheLineUnfulfilled() {
            RoutingProfile whole = defaults().name("whole").splitLines(false).build();
            RoutingInput input =
                    input().available(TEE, WH_HCM, 3).available(TEE, WH_HN, 4).build();

            RoutingDecision d = router(whole).route(request(line("l1", TEE, 5)).build(), input);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 5));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l1 (TEE-BLK-M): 5 of 5 unit(s) unassigned; no candidate has all of it and"
                            + " lines may not be split");
            assertThat(d.explanation().splitReasons()).isEmpty();
            assertThat(chosenInExplanation(d)).isEmpty();
        }

        @Test
        void route_shipCompleteAndTheCoverNeedsMoreThanMaxShipments_assignsNothing() {
            RoutingProfile profile = defaults()
                    .name("complete-2")
                    .maxShipments(2)
                    .fulfilment(Fulfilment.SHIP_COMPLETE)
                    .build();
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HN, 5)
                    .available(CAP, WH_DN, 5)
                    .build();

            RoutingDecision d = router(profile)
                    .route(
                            request(line("l1", TEE, 1), line("l2", MUG, 1), line("l3", CAP, 1))
                                    .build(),
                            input);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 1), Map.entry("l2", 1), Map.entry("l3", 1));
            assertThat(d.unfulfilledReasons())
                    .allSatisfy(r -> assertThat(r)
                            .endsWith("ship complete and the request cannot be met in full within 2 shipment(s)"))
                    .hasSize(3);
            assertThat(d.explanation().notes())
                    .contains("ship complete: nothing is assigned because 1 line(s) cannot be met in full now");
            assertThat(d.explanation().splitReasons()).isEmpty();
            assertThat(chosenInExplanation(d)).isEmpty();
        }

        @Test
        void route_shipCompleteMetOnlyBySplittingALine_shipsEverything() {
            RoutingProfile profile = defaults()
                    .name("complete")
                    .fulfilment(Fulfilment.SHIP_COMPLETE)
                    .build();
            RoutingInput input =
                    input().available(TEE, WH_HCM, 3).available(TEE, WH_HN, 4).build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 5)).build(), input);

            assertThat(d.isComplete()).isTrue();
            assertThat(d.assignedUnits("l1")).isEqualTo(5);
            assertThat(d.shipmentCount()).isEqualTo(2);
            assertThat(d.explanation().notes()).noneMatch(n -> n.startsWith("ship complete"));
            assertThat(d.explanation().splitReasons())
                    .contains("line l1 (TEE-BLK-M, 5 units) split over WH-HN 4, WH-HCM 1: no candidate has all of it");
        }

        @Test
        void route_shipCompleteAfterSplittingALine_keepsNoSplitReasonForWhatWasDropped() {
            RoutingProfile profile = defaults()
                    .name("complete")
                    .fulfilment(Fulfilment.SHIP_COMPLETE)
                    .build();
            RoutingInput input =
                    input().available(TEE, WH_HCM, 3).available(TEE, WH_HN, 4).build();

            RoutingDecision d = router(profile)
                    .route(request(line("l1", TEE, 5), line("l2", MUG, 1)).build(), input);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 5), Map.entry("l2", 1));
            assertThat(d.unfulfilledReasons())
                    .containsExactly(
                            "line l1 (TEE-BLK-M): 5 of 5 unit(s) unassigned; ship complete and the request cannot be"
                                    + " met in full within 3 shipment(s)",
                            "line l2 (MUG-WHT): 1 of 1 unit(s) unassigned; no stock at any candidate");
            assertThat(d.explanation().splitReasons()).isEmpty();
            assertThat(d.explanation().summary()).endsWith("nothing assigned, 2 line(s) not met in full");
        }
    }

    @Nested
    class SharedStockAndCapacity {
        @Test
        void route_twoLinesOfOneSku_neverTakeMoreThanTheLocationHas() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 4).available(TEE, WH_HN, 3).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 3), line("l2", TEE, 3)).build(), input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HCM, 3, Optional.empty()),
                            new Assignment("l2", TEE, WH_HN, 3, Optional.empty()));
            assertThat(d.explanation().notes())
                    .noneMatch(n -> n.startsWith("one shipment"))
                    .contains("1 line(s) the chosen location(s) have in full did not fit within their capacity or the"
                            + " stock they share with lines of the same SKU; placed separately");
            assertThat(d.explanation().splitReasons())
                    .first()
                    .isEqualTo("2 shipments: no single candidate has every line in full within its capacity");
        }

        @Test
        void route_twoLinesOfOneSkuAndOneShipment_shipWhatTheLocationHasInTotal() {
            RoutingProfile one = defaults().name("one").maxShipments(1).build();
            RoutingInput input = input().available(TEE, WH_HCM, 4).build();

            RoutingDecision d = router(one)
                    .route(request(line("l1", TEE, 3), line("l2", TEE, 3)).build(), input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HCM, 3, Optional.empty()),
                            new Assignment("l2", TEE, WH_HCM, 1, Optional.empty()));
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l2", 2));
        }

        @Test
        void route_twoLinesOfOneSkuThatASecondLocationHasForBoth_shipsOnceFromIt() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 4).available(TEE, WH_HN, 6).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 3), line("l2", TEE, 3)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(d.explanation().notes()).containsExactly("one shipment: WH-HN (rank 2) has every line in full");
        }

        @Test
        void route_capacityLeftBelowTheOrderAtTheBestLocation_shipsAllFromTheNext() {
            RoutingProfile profile = defaults()
                    .name("capped")
                    .maxShipments(1)
                    .putCapacity(WH_HCM, DailyCapacity.units(10))
                    .build();
            RoutingInput input = input().available(TEE, WH_HCM, 10)
                    .available(TEE, WH_HN, 10)
                    .usedToday(WH_HCM, 7, 3)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 5)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, WH_HN, 5, Optional.empty()));
            assertThat(d.explanation().notes()).containsExactly("one shipment: WH-HN (rank 2) has every line in full");
            assertThat(verdict(d, WH_HCM).isExcluded()).isFalse();
            assertThat(verdict(d, WH_HCM).chosen()).isFalse();
        }

        @Test
        void route_capacityLeftBelowTheOrderEverywhere_shipsWhatFitsAndNamesCapacity() {
            RoutingProfile profile = defaults()
                    .name("capped")
                    .putCapacity(WH_HCM, DailyCapacity.units(10))
                    .build();
            RoutingInput input =
                    input().available(TEE, WH_HCM, 10).usedToday(WH_HCM, 7, 3).build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 5)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, WH_HCM, 3, Optional.empty()));
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 2));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l1 (TEE-BLK-M): 2 of 5 unit(s) unassigned; only 3 usable within today's"
                            + " capacity across 1 candidate(s)");
        }

        @Test
        void route_bestRankedCoverLacksTheCapacityForItsLines_picksTheCoverThatFits() {
            // WH-HCM {l1, l2} may ship 2 units today, WH-HN {l3}, WH-DN {l2, l3}, ST-Q1 {l1}:
            // {WH-HCM, WH-HN} has the best ranks but WH-HCM cannot ship l1 and l2 together
            RoutingProfile profile = defaults()
                    .name("capped")
                    .maxShipments(2)
                    .putCapacity(WH_HCM, DailyCapacity.units(2))
                    .build();
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HCM, 5)
                    .available(CAP, WH_HN, 5)
                    .available(MUG, WH_DN, 5)
                    .available(CAP, WH_DN, 5)
                    .available(TEE, ST_Q1, 5)
                    .build();

            RoutingDecision d = router(profile)
                    .route(
                            request(line("l1", TEE, 2), line("l2", MUG, 2), line("l3", CAP, 1))
                                    .build(),
                            input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HCM, 2, Optional.empty()),
                            new Assignment("l2", MUG, WH_DN, 2, Optional.empty()),
                            new Assignment("l3", CAP, WH_DN, 1, Optional.empty()));
            assertThat(d.isComplete()).isTrue();
            assertThat(d.explanation().notes())
                    .singleElement()
                    .asString()
                    .startsWith("exact search: 2 shipments is the fewest over 4 distinct candidate(s)");
        }

        @Test
        void route_capacityForOneOfTwoFullLines_splitsAndSaysCapacity() {
            RoutingProfile profile = defaults()
                    .name("capped")
                    .putCapacity(WH_HCM, DailyCapacity.units(3))
                    .build();
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HCM, 5)
                    .available(TEE, WH_HN, 5)
                    .available(MUG, WH_HN, 1)
                    .build();

            RoutingDecision d = router(profile)
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(d.assignments())
                    .containsExactlyInAnyOrder(
                            new Assignment("l1", TEE, WH_HCM, 2, Optional.empty()),
                            new Assignment("l2", MUG, WH_HCM, 1, Optional.empty()),
                            new Assignment("l2", MUG, WH_HN, 1, Optional.empty()));
            assertThat(d.isComplete()).isTrue();
            assertThat(d.explanation().splitReasons())
                    .containsExactly(
                            "2 shipments: no single candidate has every line in full within its capacity",
                            "best-ranked WH-HCM has every line but not the capacity for all",
                            "line l2 (MUG-WHT, 2 units) split over WH-HCM 1, WH-HN 1: no candidate has all of it");
            assertThat(d.assignments().stream()
                            .filter(a -> a.location().equals(WH_HCM))
                            .mapToInt(Assignment::units)
                            .sum())
                    .isEqualTo(3);
        }
    }
}
