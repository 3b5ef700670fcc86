package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static dev.omskit.routing.ScenarioSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.profile.DailyCapacity;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.SkuPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The cases the routing issue names: ties, capacity running out in a batch, no candidate, forced splits, pickup. */
class IssueCaseScenariosTest {
    private static RoutingRequest order(String reference, RoutingLine... lines) {
        return request(lines).reference(reference).build();
    }

    @Nested
    class Ties {
        @Test
        void route_candidatesEqualOnEveryRanker_theLowerLocationIdWins() {
            RoutingInput input =
                    input().available(TEE, ST_Q7, 5).available(TEE, ST_Q1, 5).build();

            // no geo on the destination: both stores have priority 5 and an unknown distance
            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(
                            request(line("l1", TEE, 1))
                                    .destination(hcmWithoutGeo())
                                    .build(),
                            input);

            assertThat(shippingFrom(d)).containsExactly(ST_Q1);
            assertThat(verdict(d, ST_Q1).rank()).isEqualTo(1);
            assertThat(verdict(d, ST_Q7).rank()).isEqualTo(2);
            assertThat(verdict(d, ST_Q1).scores())
                    .extracting(LocationVerdict.Score::text)
                    .containsExactly("priority 5", "distance unknown");
            assertThat(verdict(d, ST_Q7).scores())
                    .extracting(LocationVerdict.Score::text)
                    .containsExactly("priority 5", "distance unknown");
            assertThat(d.explanation().notes()).containsExactly("one shipment: ST-Q1 (rank 1) has every line in full");
        }

        @Test
        void route_splitOverLocationsWithEqualUnits_takesThemInRankOrder() {
            RoutingInput input = input().available(TEE, ST_Q7, 2)
                    .available(TEE, ST_Q1, 2)
                    .available(TEE, WH_DN, 2)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 4)).build(), input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_DN, 2, Optional.empty()),
                            new Assignment("l1", TEE, ST_Q1, 2, Optional.empty()));
            assertThat(d.explanation().splitReasons())
                    .contains("line l1 (TEE-BLK-M, 4 units) split over WH-DN 2, ST-Q1 2: no candidate has all of it");
        }
    }

    @Nested
    class CapacityInABatch {
        private final RoutingInput input =
                input().available(TEE, WH_HCM, 100).available(TEE, WH_HN, 100).build();

        private List<RoutingRequest> threeOrders() {
            return List.of(
                    order("o-1", line("l1", TEE, 2)),
                    order("o-2", line("l1", TEE, 2)),
                    order("o-3", line("l1", TEE, 2)));
        }

        @Test
        void routeBatch_unitsRunOutHalfway_laterOrdersMoveOnAndSayCapacity() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .putCapacity(WH_HCM, DailyCapacity.units(4))
                    .build();

            List<RoutingDecision> ds = router(profile).routeBatch(threeOrders(), input);

            assertThat(ds).extracting(d -> shippingFrom(d).get(0)).containsExactly(WH_HCM, WH_HCM, WH_HN);
            LocationVerdict hcm = verdict(ds.get(2), WH_HCM);
            assertThat(hcm.excludedBy()).contains("capacity");
            assertThat(hcm.reason()).isEqualTo("no units left under today's capacity (2026-11-11)");
            assertThat(verdict(ds.get(1), WH_HCM).chosen()).isTrue();
            assertThat(input.available(TEE, WH_HCM)).isEqualTo(100);
            assertThat(input.unitsUsedToday(WH_HCM)).isZero();
        }

        @Test
        void routeBatch_capacityLeftBelowTheNextOrder_movesItWhole() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .putCapacity(WH_HCM, DailyCapacity.units(5))
                    .build();

            List<RoutingDecision> ds = router(profile).routeBatch(threeOrders(), input);

            assertThat(ds.get(2).assignments()).containsExactly(new Assignment("l1", TEE, WH_HN, 2, Optional.empty()));
            assertThat(verdict(ds.get(2), WH_HCM).isExcluded()).isFalse();
            assertThat(ds.get(2).explanation().notes())
                    .containsExactly("one shipment: WH-HN (rank 2) has every line in full");
        }

        @Test
        void routeBatch_packagesRunOut_laterOrdersMoveOnAndSayPackages() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .putCapacity(WH_HCM, DailyCapacity.of(100, 2))
                    .build();

            List<RoutingDecision> ds = router(profile).routeBatch(threeOrders(), input);

            assertThat(ds).extracting(d -> shippingFrom(d).get(0)).containsExactly(WH_HCM, WH_HCM, WH_HN);
            assertThat(verdict(ds.get(2), WH_HCM).reason())
                    .isEqualTo("no packages left under today's capacity (2026-11-11)");
        }

        @Test
        void routeBatch_stockRunsOut_laterOrdersGoWhereTheStockIs() {
            RoutingInput scarce =
                    input().available(TEE, WH_HCM, 3).available(TEE, WH_HN, 100).build();

            List<RoutingDecision> ds = router(RoutingProfile.defaults()).routeBatch(threeOrders(), scarce);

            assertThat(ds).extracting(d -> shippingFrom(d).get(0)).containsExactly(WH_HCM, WH_HN, WH_HN);
            assertThat(verdict(ds.get(1), WH_HCM).reason()).isEqualTo("has 0 of 1 line(s) in full");
            assertThat(verdict(ds.get(2), WH_HCM).reason()).isEqualTo("has 0 of 1 line(s) in full");
        }

        @Test
        void routeBatch_explanationReadAfterTheBatch_showsTheStockItsOwnDecisionSaw() {
            SkuPolicy engraving = SkuPolicy.builder()
                    .name("engraving")
                    .lineAttribute(RoutingLine.PERSONALISATION)
                    .addLocations(WORKSHOP)
                    .build();
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .addFilters(Filters.skuPolicies(List.of(engraving)))
                    .build();
            RoutingInput stock = input().available(PEN, WH_HCM, 1)
                    .available(TEE, WH_HCM, 5)
                    .available(PEN, ST_Q7, 1)
                    .build();
            RoutingLine engraved = RoutingLine.builder()
                    .ref("l1")
                    .sku(PEN)
                    .quantity(1)
                    .putAttributes(RoutingLine.PERSONALISATION, "Linh")
                    .build();
            List<RoutingRequest> orders = List.of(
                    order("o-1", engraved, line("l2", TEE, 1)),
                    order("o-2", line("l1", PEN, 1)),
                    order("o-3", line("l1", PEN, 1)));

            List<RoutingDecision> ds = router(profile).routeBatch(orders, stock);

            assertThat(ds).extracting(d -> shippingFrom(d).get(0)).containsExactly(WH_HCM, WH_HCM, ST_Q7);
            RoutingDecision first = ds.get(0);
            String unmet = "line l1 (PEN-GOLD): 1 of 1 unit(s) unassigned; the line filters allow no candidate that"
                    + " has it";
            assertThat(first.unfulfilledReasons()).containsExactly(unmet);
            // rendered after o-2 and o-3 took the pens: still what o-1 was decided on
            assertThat(first.explanation().notes()).contains(unmet);
            assertThat(verdict(first, WH_HCM).lineNotes())
                    .contains("line l1: sku-policies: line l1 falls under policy 'engraving': only from [WS-ENGRAVE]");
            assertThat(verdict(first, ST_Q7).reason())
                    .isEqualTo("no usable stock of any line: PEN-GOLD 1, TEE-BLK-M 0");
        }
    }

    @Nested
    class NoCandidate {
        @Test
        void route_noLocations_leavesEverythingUnfulfilledWithReasons() {
            RoutingInput empty = RoutingInput.builder(List.of()).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 1), line("l2", MUG, 3)).build(), empty);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.shipmentCount()).isZero();
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 1), Map.entry("l2", 3));
            assertThat(d.unfulfilledReasons())
                    .containsExactly(
                            "line l1 (TEE-BLK-M): 1 of 1 unit(s) unassigned; no location is a candidate",
                            "line l2 (MUG-WHT): 3 of 3 unit(s) unassigned; no location is a candidate");
            assertThat(d.explanation().verdicts()).isEmpty();
            assertThat(d.explanation().summary()).endsWith("nothing assigned, 2 line(s) not met in full");
        }

        @Test
        void route_allLocationsInactive_everyVerdictSaysInactive() {
            List<Location> inactive = locations().stream()
                    .map(l -> Location.builder().from(l).active(false).build())
                    .toList();
            RoutingInput input = inputOver(inactive).available(TEE, WH_HCM, 10).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 1));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l1 (TEE-BLK-M): 1 of 1 unit(s) unassigned; no location is a candidate");
            assertThat(d.explanation().verdicts()).hasSize(7).allSatisfy(v -> {
                assertThat(v.excludedBy()).contains("active");
                assertThat(v.reason()).isEqualTo("location is inactive");
            });
        }

        @Test
        void route_everyLocationExcluded_eachVerdictNamesItsOwnRuleAndReason() {
            LocationId bkk = LocationId.of("WH-BKK");
            List<Location> all = new ArrayList<>();
            for (Location l : locations()) {
                Location.Builder b = Location.builder().from(l);
                if (l.id().equals(WH_HCM)) {
                    b.active(false);
                } else if (l.id().equals(ST_Q7)) {
                    b.capabilities(Set.of(LocationCapability.PICKUP));
                } else if (l.id().equals(WH_HN)) {
                    b.dailyCapacityUnits(5);
                }
                all.add(b.build());
            }
            all.add(location(bkk, LocationKind.WAREHOUSE_MAIN, bangkok(), 1, LocationCapability.SHIPS));
            RoutingProfile strict = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .name("strict")
                    .filters(List.of(
                            Filters.active(),
                            Filters.delivery(),
                            Filters.capacity(),
                            Filters.sameCountry(),
                            Filters.maxDistanceKm(500),
                            Filters.channel(
                                    Map.of(),
                                    Map.of(WEB.id(), EnumSet.complementOf(EnumSet.of(LocationKind.WAREHOUSE_SUB)))),
                            Filters.hasStock()))
                    .build();
            RoutingInput.Builder b = inputOver(all).usedToday(WH_HN, 5, 1);
            for (Location l : all) {
                if (!l.id().equals(VENDOR)) {
                    b.available(TEE, l.id(), 10);
                }
            }

            RoutingDecision d = router(strict)
                    .route(
                            request(line("l1", TEE, 1))
                                    .putExcluded(ST_Q1, "customer asked: not from the store")
                                    .build(),
                            b.build());

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l1 (TEE-BLK-M): 1 of 1 unit(s) unassigned; no location is a candidate");
            assertThat(d.explanation().ranked()).isEmpty();
            Map<LocationId, String> rules = Map.of(
                    WH_HCM, "active",
                    WH_HN, "capacity",
                    WH_DN, "max-distance",
                    ST_Q1, "excluded",
                    ST_Q7, "delivery",
                    VENDOR, "has-stock",
                    WORKSHOP, "channel",
                    bkk, "same-country");
            assertThat(d.explanation().excluded()).hasSize(8);
            rules.forEach((loc, rule) ->
                    assertThat(verdict(d, loc).excludedBy()).as(loc.value()).contains(rule));
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("location is inactive");
            assertThat(verdict(d, WH_HN).reason()).isEqualTo("no units left under today's capacity (2026-11-11)");
            assertThat(verdict(d, WH_DN).reason()).isEqualTo("608.9 km from the destination, more than 500.0 km");
            assertThat(verdict(d, ST_Q1).reason()).isEqualTo("customer asked: not from the store");
            assertThat(verdict(d, ST_Q7).reason()).startsWith("does not ship parcels");
            assertThat(verdict(d, VENDOR).reason()).isEqualTo("no usable stock of any line: TEE-BLK-M 0");
            assertThat(verdict(d, WORKSHOP).reason())
                    .isEqualTo("channel web sells only from [WAREHOUSE_MAIN, WAREHOUSE_BRANCH, STORE,"
                            + " THIRD_PARTY_LOGISTICS, DROPSHIP_VENDOR], not WAREHOUSE_SUB");
            assertThat(verdict(d, bkk).reason()).isEqualTo("is in TH, the destination in VN");
            assertThat(d.explanation().toText())
                    .contains("Candidates (0)", "Excluded (8):", "WH-DN: max-distance: 608.9 km");
        }
    }

    @Nested
    class ForcedSplit {
        @Test
        void route_linesAtDifferentLocationsOnly_splitsAndExplainsWhatTheBestLacks() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(MUG, WH_HN, 5).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 2), line("l2", MUG, 2)).build(), input);

            assertThat(d.shipments())
                    .extracting(PlannedShipment::location, PlannedShipment::units)
                    .containsExactly(tuple(WH_HCM, 2), tuple(WH_HN, 2));
            assertThat(d.isComplete()).isTrue();
            assertThat(d.explanation().splitReasons())
                    .containsExactly(
                            "2 shipments: no single candidate has every line in full within its capacity",
                            "best-ranked WH-HCM lacks l2 (MUG-WHT 0 of 2)");
            assertThat(d.explanation().summary()).endsWith("2 shipment(s) from [WH-HCM, WH-HN]");
            assertThat(d.explanation().toText()).contains("Why split:");
        }

        @Test
        void route_someLinesShortEverywhere_shipsWhatThereIsAndNamesWhatIsMissing() {
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HN, 5)
                    .available(CAP, ST_Q1, 3)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(
                            request(line("l1", TEE, 2), line("l2", MUG, 2), line("l3", CAP, 5), line("l4", GAS, 1))
                                    .build(),
                            input);

            assertThat(d.assignments())
                    .containsExactly(
                            new Assignment("l1", TEE, WH_HCM, 2, Optional.empty()),
                            new Assignment("l2", MUG, WH_HN, 2, Optional.empty()),
                            new Assignment("l3", CAP, ST_Q1, 3, Optional.empty()));
            assertThat(d.shipmentCount()).isEqualTo(3);
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l3", 2), Map.entry("l4", 1));
            assertThat(d.unfulfilledReasons())
                    .containsExactly(
                            "line l3 (CAP-RED): 2 of 5 unit(s) unassigned; only 3 usable across 3 candidate(s)",
                            "line l4 (GAS-CAN): 1 of 1 unit(s) unassigned; no stock at any candidate");
            assertThat(d.explanation().splitReasons())
                    .containsExactly(
                            "3 shipments: no single candidate has every line in full within its capacity",
                            "best-ranked WH-HCM lacks l2 (MUG-WHT 0 of 2), l3 (CAP-RED 0 of 5), l4 (GAS-CAN 0 of 1)");
            assertThat(d.explanation().notes())
                    .first()
                    .asString()
                    .startsWith("exact search: 2 shipments is the fewest over 2 distinct candidate(s)");
            assertThat(d.explanation().notes())
                    .endsWith(
                            "line l3 (CAP-RED): 2 of 5 unit(s) unassigned; only 3 usable across 3 candidate(s)",
                            "line l4 (GAS-CAN): 1 of 1 unit(s) unassigned; no stock at any candidate");
            assertThat(d.explanation().summary())
                    .endsWith("3 shipment(s) from [WH-HCM, WH-HN, ST-Q1], 2 line(s) not met in full");
        }
    }

    @Nested
    class PickupOutOfStock {
        @Test
        void route_pickupStoreWithoutStock_isUnfulfilledAndOtherStoresAreNotThePickupLocation() {
            RoutingInput input =
                    input().available(TEE, ST_Q7, 10).available(TEE, WH_HCM, 10).build();
            RoutingRequest pickup = RoutingRequest.builder()
                    .tenant(TENANT)
                    .reference("o-cc")
                    .channel(WEB)
                    .deliveryMethod(DeliveryMethod.PICKUP)
                    .pickupLocation(ST_Q1)
                    .addLines(line("l1", TEE, 1))
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults()).route(pickup, input);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilled()).containsOnly(Map.entry("l1", 1));
            assertThat(verdict(d, ST_Q1).excludedBy()).contains("has-stock");
            assertThat(verdict(d, ST_Q1).reason()).isEqualTo("no usable stock of any line: TEE-BLK-M 0");
            assertThat(verdict(d, ST_Q7).excludedBy()).contains("delivery");
            assertThat(verdict(d, ST_Q7).reason()).isEqualTo("pickup is at ST-Q1, not here");
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("delivery");
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l1 (TEE-BLK-M): 1 of 1 unit(s) unassigned; no location is a candidate");
            assertThat(d.explanation().summary())
                    .contains("o-cc", "PICKUP")
                    .endsWith("nothing assigned, 1 line(s) not met in full");
        }
    }
}
