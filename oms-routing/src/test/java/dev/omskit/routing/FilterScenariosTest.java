package dev.omskit.routing;

import static dev.omskit.routing.RoutingFixture.*;
import static dev.omskit.routing.ScenarioSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.profile.DailyCapacity;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.routing.rule.SkuPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every built-in filter, one scenario at a time, with the verdicts it leaves in the explanation. */
class FilterScenariosTest {
    private static final LocationId WH_BKK = LocationId.of("WH-BKK");

    private static List<Location> withBangkok() {
        List<Location> all = new ArrayList<>(locations());
        all.add(location(WH_BKK, LocationKind.WAREHOUSE_MAIN, bangkok(), 0, LocationCapability.SHIPS));
        return all;
    }

    @Nested
    class Active {
        @Test
        void route_inactiveLocation_isExcludedByActiveAndStockComesFromTheNext() {
            RoutingInput input = inputOver(locationsWith(WH_HCM, b -> b.active(false)))
                    .available(TEE, WH_HCM, 10)
                    .available(TEE, WH_HN, 10)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 2)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, WH_HN, 2, Optional.empty()));
            LocationVerdict hcm = verdict(d, WH_HCM);
            assertThat(hcm.excludedBy()).contains("active");
            assertThat(hcm.reason()).isEqualTo("location is inactive");
            assertThat(hcm.rank()).isZero();
            assertThat(hcm.chosen()).isFalse();
            assertThat(verdict(d, WH_HN).rank()).isEqualTo(1);
            assertThat(verdict(d, WH_HN).chosen()).isTrue();
        }
    }

    @Nested
    class Delivery {
        @Test
        void route_shipToLocationWithoutShipsCapability_isExcludedByDelivery() {
            RoutingInput input = inputOver(locationsWith(ST_Q7, b -> b.capabilities(Set.of(LocationCapability.PICKUP))))
                    .available(TEE, ST_Q7, 5)
                    .available(TEE, WH_DN, 5)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_DN);
            LocationVerdict q7 = verdict(d, ST_Q7);
            assertThat(q7.excludedBy()).contains("delivery");
            assertThat(q7.reason()).contains("does not ship parcels").contains("PICKUP");
        }

        @Test
        void route_pickup_onlyThePickupStoreIsACandidate() {
            RoutingInput input = input().available(TEE, ST_Q1, 2)
                    .available(TEE, ST_Q7, 10)
                    .available(TEE, WH_HCM, 10)
                    .build();
            RoutingRequest pickup = RoutingRequest.builder()
                    .tenant(TENANT)
                    .reference("o-pickup")
                    .deliveryMethod(DeliveryMethod.PICKUP)
                    .pickupLocation(ST_Q1)
                    .addLines(line("l1", TEE, 2))
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults()).route(pickup, input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, ST_Q1, 2, Optional.empty()));
            assertThat(d.explanation().ranked())
                    .extracting(LocationVerdict::location)
                    .containsExactly(ST_Q1);
            for (LocationId other : List.of(WH_HCM, WH_HN, WH_DN, ST_Q7, VENDOR, WORKSHOP)) {
                LocationVerdict v = verdict(d, other);
                assertThat(v.excludedBy()).as(other.value()).contains("delivery");
                assertThat(v.reason()).as(other.value()).isEqualTo("pickup is at ST-Q1, not here");
            }
            assertThat(d.explanation().summary()).contains("PICKUP");
        }

        @Test
        void route_pickupAtLocationWithoutPickupCapability_isExcludedAndUnfulfilled() {
            RoutingInput input = input().available(TEE, WH_HCM, 10).build();
            RoutingRequest pickup = RoutingRequest.builder()
                    .tenant(TENANT)
                    .deliveryMethod(DeliveryMethod.PICKUP)
                    .pickupLocation(WH_HCM)
                    .addLines(line("l1", TEE, 1))
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults()).route(pickup, input);

            assertThat(d.assignments()).isEmpty();
            assertThat(d.unfulfilled()).containsExactly(Map.entry("l1", 1));
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("delivery");
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("is the pickup location but does not offer pickup");
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l1 (TEE-BLK-M): 1 of 1 unit(s) unassigned; no" + " location is a candidate");
        }
    }

    @Nested
    class Capacity {
        @Test
        void route_locationCapacityUsedUpToday_isExcludedByCapacity() {
            RoutingInput input = inputOver(locationsWith(WH_HCM, b -> b.dailyCapacityUnits(10)))
                    .available(TEE, WH_HCM, 50)
                    .available(TEE, WH_HN, 50)
                    .usedToday(WH_HCM, 10, 4)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            LocationVerdict hcm = verdict(d, WH_HCM);
            assertThat(hcm.excludedBy()).contains("capacity");
            assertThat(hcm.reason()).isEqualTo("no units left under today's capacity (2026-11-11)");
        }

        @Test
        void route_locationCapacityPartlyUsed_shipsWithinWhatIsLeft() {
            RoutingInput input = inputOver(locationsWith(WH_HCM, b -> b.dailyCapacityUnits(10)))
                    .available(TEE, WH_HCM, 50)
                    .usedToday(WH_HCM, 7, 2)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 3)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, WH_HCM, 3, Optional.empty()));
            assertThat(verdict(d, WH_HCM).chosen()).isTrue();
        }

        @Test
        void route_profileCapacityBelowTheLocationsOwn_overridesIt() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .putCapacity(WH_HCM, DailyCapacity.units(2))
                    .build();
            RoutingInput input = inputOver(locationsWith(WH_HCM, b -> b.dailyCapacityUnits(100)))
                    .available(TEE, WH_HCM, 50)
                    .available(TEE, WH_HN, 50)
                    .usedToday(WH_HCM, 2, 1)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("capacity");
            assertThat(verdict(d, WH_HCM).reason()).startsWith("no units left");
        }

        @Test
        void route_profileCapacityAboveTheLocationsOwn_overridesIt() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .putCapacity(WH_HCM, DailyCapacity.units(50))
                    .build();
            RoutingInput input = inputOver(locationsWith(WH_HCM, b -> b.dailyCapacityUnits(5)))
                    .available(TEE, WH_HCM, 50)
                    .available(TEE, WH_HN, 50)
                    .usedToday(WH_HCM, 5, 1)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 4)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", TEE, WH_HCM, 4, Optional.empty()));
            assertThat(verdict(d, WH_HCM).isExcluded()).isFalse();
        }

        @Test
        void route_profileCapacityOfPackagesOnly_keepsTheLocationsOwnUnitLimit() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .putCapacity(WH_HCM, new DailyCapacity(OptionalInt.empty(), OptionalInt.of(10)))
                    .build();
            RoutingInput input = inputOver(locationsWith(WH_HCM, b -> b.dailyCapacityUnits(5)))
                    .available(TEE, WH_HCM, 50)
                    .available(TEE, WH_HN, 50)
                    .usedToday(WH_HCM, 5, 1)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("capacity");
            assertThat(verdict(d, WH_HCM).reason()).startsWith("no units left");
        }

        @Test
        void route_profilePackagesUsedUp_isExcludedByCapacityNamingPackages() {
            RoutingProfile profile = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .putCapacity(WH_HCM, DailyCapacity.of(100, 3))
                    .build();
            RoutingInput input = input().available(TEE, WH_HCM, 50)
                    .available(TEE, WH_HN, 50)
                    .usedToday(WH_HCM, 3, 3)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("capacity");
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("no packages left under today's capacity (2026-11-11)");
        }
    }

    @Nested
    class HasStock {
        @Test
        void route_locationWithNoneOfTheLines_isExcludedByHasStockNamingEachSku() {
            RoutingInput input = input().available(TEE, WH_HCM, 5)
                    .available(MUG, WH_HCM, 5)
                    .available(CAP, WH_HN, 9)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", TEE, 1), line("l2", MUG, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HCM);
            LocationVerdict hn = verdict(d, WH_HN);
            assertThat(hn.excludedBy()).contains("has-stock");
            assertThat(hn.reason()).isEqualTo("no usable stock of any line: TEE-BLK-M 0, MUG-WHT 0");
            assertThat(hn.lineNotes()).isEmpty();
        }

        @Test
        void route_storeHoldingOnlyHazardousStock_isExcludedByHasStockWithTheLineRuleNoted() {
            RoutingInput input =
                    input().available(GAS, ST_Q1, 5).available(GAS, WH_DN, 5).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", GAS, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_DN);
            LocationVerdict q1 = verdict(d, ST_Q1);
            assertThat(q1.excludedBy()).contains("has-stock");
            assertThat(q1.reason()).isEqualTo("no usable stock of any line: GAS-CAN 5");
            assertThat(q1.lineNotes())
                    .containsExactly("line l1: sku-restrictions: GAS-CAN is HAZARDOUS, not allowed at a STORE");
        }
    }

    @Nested
    class SameCountry {
        @Test
        void route_locationInAnotherCountry_isExcludedBySameCountry() {
            RoutingProfile profile = profile(
                            "same-country", Filters.active(), Filters.sameCountry(), Filters.hasStock())
                    .build();
            RoutingInput input = inputOver(withBangkok())
                    .available(TEE, WH_BKK, 10)
                    .available(TEE, WH_DN, 10)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_DN);
            LocationVerdict bkk = verdict(d, WH_BKK);
            assertThat(bkk.excludedBy()).contains("same-country");
            assertThat(bkk.reason()).isEqualTo("is in TH, the destination in VN");
        }

        @Test
        void route_withoutTheFilter_theForeignLocationWinsOnPriority() {
            RoutingProfile profile =
                    profile("no-country", Filters.active(), Filters.hasStock()).build();
            RoutingInput input = inputOver(withBangkok())
                    .available(TEE, WH_BKK, 10)
                    .available(TEE, WH_DN, 10)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_BKK);
        }
    }

    @Nested
    class Countries {
        @Test
        void route_locationOutsideTheMarkets_isExcludedByCountries() {
            RoutingProfile profile = profile(
                            "vn-only", Filters.active(), Filters.countries(Set.of(" vn ")), Filters.hasStock())
                    .build();
            RoutingInput input = inputOver(withBangkok())
                    .available(TEE, WH_BKK, 10)
                    .available(TEE, WH_HN, 10)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(verdict(d, WH_BKK).excludedBy()).contains("countries");
            assertThat(verdict(d, WH_BKK).reason()).isEqualTo("is in TH, outside the markets [VN]");
        }

        @Test
        void route_bothMarketsListed_admitsBoth() {
            RoutingProfile profile = profile(
                            "vn-th", Filters.active(), Filters.countries(Set.of("VN", "TH")), Filters.hasStock())
                    .build();
            RoutingInput input = inputOver(withBangkok())
                    .available(TEE, WH_BKK, 10)
                    .available(TEE, WH_HN, 10)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(d.explanation().ranked())
                    .extracting(LocationVerdict::location)
                    .containsExactly(WH_BKK, WH_HN);
        }

        @Test
        void countries_empty_isRejected() {
            assertThatThrownBy(() -> Filters.countries(Set.of()))
                    .isInstanceOfSatisfying(
                            InvalidArgumentException.class,
                            e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.field()).isEqualTo("countries");
                                assertThat(v.code()).isEqualTo("EMPTY");
                            }));
        }
    }

    @Nested
    class MaxDistance {
        @Test
        void route_locationFartherThanTheLimit_isExcludedWithBothDistances() {
            RoutingProfile profile = profile("near", Filters.active(), Filters.maxDistanceKm(700), Filters.hasStock())
                    .build();
            RoutingInput input =
                    input().available(TEE, WH_HN, 10).available(TEE, WH_DN, 10).build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_DN);
            assertThat(verdict(d, WH_HN).excludedBy()).contains("max-distance");
            assertThat(verdict(d, WH_HN).reason()).isEqualTo("1143.5 km from the destination, more than 700.0 km");
            assertThat(verdict(d, WH_DN).isExcluded()).isFalse();
        }

        @Test
        void route_locationWithoutGeo_isNotExcluded() {
            RoutingProfile profile = profile("near", Filters.active(), Filters.maxDistanceKm(50), Filters.hasStock())
                    .build();
            RoutingInput input = inputOver(locationsWith(WH_HN, b -> b.address(hcmWithoutGeo())))
                    .available(TEE, WH_HN, 10)
                    .available(TEE, WH_DN, 10)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(verdict(d, WH_HN).isExcluded()).isFalse();
            assertThat(verdict(d, WH_DN).excludedBy()).contains("max-distance");
        }

        @Test
        void route_destinationWithoutGeo_excludesNothing() {
            RoutingProfile profile = profile("near", Filters.active(), Filters.maxDistanceKm(50), Filters.hasStock())
                    .build();
            RoutingInput input =
                    input().available(TEE, WH_HN, 10).available(TEE, WH_DN, 10).build();

            RoutingDecision d = router(profile)
                    .route(
                            request(line("l1", TEE, 1))
                                    .destination(hcmWithoutGeo())
                                    .build(),
                            input);

            assertThat(d.explanation().ranked())
                    .extracting(LocationVerdict::location)
                    .containsExactly(WH_HN, WH_DN);
        }

        @Test
        void maxDistanceKm_notPositive_isRejected() {
            assertThatThrownBy(() -> Filters.maxDistanceKm(0))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("km")
                    .hasMessageContaining("was 0.0");
        }
    }

    @Nested
    class ChannelEligibility {
        private final RoutingProfile profile = profile(
                        "channels",
                        Filters.active(),
                        Filters.channel(
                                Map.of(SHOPEE.id(), Set.of(WH_HN)), Map.of(WEB.id(), Set.of(LocationKind.STORE))),
                        Filters.hasStock())
                .build();
        private final RoutingInput input = input().available(TEE, WH_HCM, 10)
                .available(TEE, WH_HN, 10)
                .available(TEE, ST_Q7, 10)
                .build();

        @Test
        void route_channelWithKinds_onlyThoseKindsServe() {
            RoutingDecision d =
                    router(profile).route(request(line("l1", TEE, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(ST_Q7);
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("channel");
            assertThat(verdict(d, WH_HCM).reason())
                    .isEqualTo("channel web sells only from [STORE], not WAREHOUSE_MAIN");
            assertThat(verdict(d, WH_HN).reason())
                    .isEqualTo("channel web sells only from [STORE], not WAREHOUSE_BRANCH");
        }

        @Test
        void route_channelWithLocations_onlyThoseLocationsServe() {
            RoutingDecision d = router(profile)
                    .route(request(line("l1", TEE, 1)).channel(SHOPEE).build(), input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("channel");
            assertThat(verdict(d, WH_HCM).reason()).isEqualTo("channel shopee-vn sells only from [WH-HN]");
            assertThat(verdict(d, ST_Q7).reason()).isEqualTo("channel shopee-vn sells only from [WH-HN]");
        }

        @Test
        void route_channelNotListed_isUnrestricted() {
            RoutingDecision d = router(profile)
                    .route(
                            request(line("l1", TEE, 1))
                                    .channel(Channel.of("pos", ChannelKind.POINT_OF_SALE))
                                    .build(),
                            input);

            assertThat(shippingFrom(d)).containsExactly(WH_HCM);
            assertThat(d.explanation().ranked())
                    .extracting(LocationVerdict::location)
                    .containsExactly(WH_HCM, WH_HN, ST_Q7);
            assertThat(d.explanation().excluded())
                    .allSatisfy(v -> assertThat(v.excludedBy()).contains("has-stock"));
        }

        @Test
        void route_requestWithoutChannel_isUnrestricted() {
            RoutingRequest noChannel = RoutingRequest.builder()
                    .tenant(TENANT)
                    .destination(hcm())
                    .addLines(line("l1", TEE, 1))
                    .build();

            RoutingDecision d = router(profile).route(noChannel, input);

            assertThat(shippingFrom(d)).containsExactly(WH_HCM);
        }
    }

    @Nested
    class SkuRestrictions {
        @Test
        void route_hazardousLine_notFromTheStoreWhichStaysACandidateForTheOtherLine() {
            RoutingInput input = input().available(GAS, ST_Q1, 5)
                    .available(TEE, ST_Q1, 5)
                    .available(GAS, WH_DN, 5)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", GAS, 1), line("l2", TEE, 1)).build(), input);

            assertThat(d.assignments())
                    .containsExactlyInAnyOrder(
                            new Assignment("l1", GAS, WH_DN, 1, Optional.empty()),
                            new Assignment("l2", TEE, ST_Q1, 1, Optional.empty()));
            LocationVerdict q1 = verdict(d, ST_Q1);
            assertThat(q1.isExcluded()).isFalse();
            assertThat(q1.chosen()).isTrue();
            assertThat(q1.reason()).isEqualTo("has 1 of 2 line(s) in full");
            assertThat(q1.lineNotes())
                    .containsExactly(
                            "line l1: sku-restrictions: GAS-CAN is HAZARDOUS, not allowed at a STORE",
                            "ships 1x TEE-BLK-M for line l2");
        }

        @Test
        void route_dropshipOnlyLine_onlyFromTheVendor() {
            RoutingInput input = input().available(SOFA, WH_HCM, 5)
                    .available(SOFA, VENDOR, 2)
                    .build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", SOFA, 1)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", SOFA, VENDOR, 1, Optional.empty()));
            LocationVerdict hcm = verdict(d, WH_HCM);
            assertThat(hcm.excludedBy()).contains("has-stock");
            assertThat(hcm.lineNotes())
                    .containsExactly(
                            "line l1: sku-restrictions: SOFA-3S is DROPSHIP_ONLY and this is a WAREHOUSE_MAIN");
        }

        @Test
        void route_dropshipOnlyLineWithoutVendorStock_isUnfulfilledSayingTheFiltersBlockIt() {
            RoutingInput input =
                    input().available(SOFA, WH_HCM, 5).available(TEE, WH_HCM, 5).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(request(line("l1", SOFA, 1), line("l2", TEE, 1)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l2", TEE, WH_HCM, 1, Optional.empty()));
            assertThat(d.unfulfilled()).containsExactly(Map.entry("l1", 1));
            assertThat(d.unfulfilledReasons())
                    .containsExactly("line l1 (SOFA-3S): 1 of 1 unit(s) unassigned; the line filters allow no"
                            + " candidate that has it");
        }

        @Test
        void route_customRestrictions_forbidTheListedKindsOnly() {
            RoutingProfile profile = RoutingProfile.builder()
                    .name("no-gas-in-branches")
                    .addFilters(
                            Filters.active(),
                            Filters.skuRestrictions(
                                    Map.of(ProductFlag.HAZARDOUS, EnumSet.of(LocationKind.WAREHOUSE_BRANCH))),
                            Filters.hasStock())
                    .addRankers(RankStep.of(Rankers.priority()))
                    .build();
            RoutingInput input =
                    input().available(GAS, WH_HN, 5).available(GAS, ST_Q1, 5).build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", GAS, 1)).build(), input);

            assertThat(shippingFrom(d)).containsExactly(ST_Q1);
            assertThat(verdict(d, WH_HN).lineNotes())
                    .containsExactly(
                            "line l1: sku-restrictions: GAS-CAN is HAZARDOUS, not allowed at a WAREHOUSE_BRANCH");
        }
    }

    @Nested
    class SkuPolicies {
        private final SkuPolicy engraving = SkuPolicy.builder()
                .name("engraving")
                .lineAttribute(RoutingLine.PERSONALISATION)
                .addLocations(WORKSHOP)
                .workInstructions("Engrave '{personalisation}' on the cap")
                .build();
        private final RoutingProfile profile = RoutingProfile.builder()
                .from(RoutingProfile.defaults())
                .name("policies")
                .addFilters(Filters.skuPolicies(List.of(engraving)))
                .build();

        @Test
        void route_personalisedLine_goesToTheWorkshopWithItsInstructionsFilledIn() {
            RoutingInput input = input().available(PEN, WH_HCM, 5)
                    .available(PEN, WORKSHOP, 5)
                    .available(TEE, WH_HCM, 5)
                    .build();
            RoutingLine engraved = RoutingLine.builder()
                    .ref("l1")
                    .sku(PEN)
                    .quantity(1)
                    .putAttributes(RoutingLine.PERSONALISATION, "Linh 2026")
                    .build();

            RoutingDecision d = router(profile)
                    .route(
                            request(engraved, line("l2", TEE, 1), line("l3", PEN, 2))
                                    .build(),
                            input);

            assertThat(d.assignments())
                    .containsExactlyInAnyOrder(
                            new Assignment("l1", PEN, WORKSHOP, 1, Optional.of("Engrave 'Linh 2026' on the cap")),
                            new Assignment("l2", TEE, WH_HCM, 1, Optional.empty()),
                            new Assignment("l3", PEN, WH_HCM, 2, Optional.empty()));
            assertThat(verdict(d, WH_HCM).lineNotes())
                    .contains("line l1: sku-policies: line l1 falls under policy 'engraving': only from [WS-ENGRAVE]");
            assertThat(verdict(d, WORKSHOP).lineNotes())
                    .containsExactly("ships 1x PEN-GOLD for line l1 (Engrave 'Linh 2026' on the cap)");
            assertThat(verdict(d, WORKSHOP).chosen()).isTrue();
        }

        @Test
        void route_noPersonalisedLine_policyChangesNothing() {
            RoutingInput input = input().available(PEN, WH_HCM, 5)
                    .available(PEN, WORKSHOP, 5)
                    .build();

            RoutingDecision d =
                    router(profile).route(request(line("l1", PEN, 2)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", PEN, WH_HCM, 2, Optional.empty()));
            assertThat(verdict(d, WH_HCM).lineNotes()).containsExactly("ships 2x PEN-GOLD for line l1");
        }

        @Test
        void route_policyBySku_restrictsTheSkuWithoutInstructions() {
            SkuPolicy bulky = SkuPolicy.builder()
                    .name("bulky-by-vendor")
                    .addSkus(MUG)
                    .addLocations(VENDOR, WH_DN)
                    .build();
            RoutingProfile byVendor = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .name("bulky")
                    .addFilters(Filters.skuPolicies(List.of(bulky, engraving)))
                    .build();
            RoutingInput input =
                    input().available(MUG, WH_HCM, 5).available(MUG, WH_DN, 5).build();

            RoutingDecision d =
                    router(byVendor).route(request(line("l1", MUG, 2)).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", MUG, WH_DN, 2, Optional.empty()));
            assertThat(verdict(d, WH_HCM).excludedBy()).contains("has-stock");
            assertThat(verdict(d, WH_HCM).lineNotes())
                    .containsExactly("line l1: sku-policies: line l1 falls under policy 'bulky-by-vendor': only from"
                            + " [VD-SOFA, WH-DN]");
        }

        @Test
        void route_lineMatchingTwoPolicies_followsTheFirst() {
            SkuPolicy pensAtTheVendor = SkuPolicy.builder()
                    .name("pens-at-vendor")
                    .addSkus(PEN)
                    .addLocations(VENDOR)
                    .workInstructions("Gift wrap")
                    .build();
            RoutingProfile first = RoutingProfile.builder()
                    .from(RoutingProfile.defaults())
                    .name("first-wins")
                    .addFilters(Filters.skuPolicies(List.of(pensAtTheVendor, engraving)))
                    .build();
            RoutingInput input = input().available(PEN, VENDOR, 5)
                    .available(PEN, WORKSHOP, 5)
                    .build();
            RoutingLine engraved = RoutingLine.builder()
                    .ref("l1")
                    .sku(PEN)
                    .quantity(1)
                    .putAttributes(RoutingLine.PERSONALISATION, "Linh")
                    .build();

            RoutingDecision d = router(first).route(request(engraved).build(), input);

            assertThat(d.assignments()).containsExactly(new Assignment("l1", PEN, VENDOR, 1, Optional.of("Gift wrap")));
        }
    }

    @Nested
    class ExcludedByRequest {
        @Test
        void route_locationExcludedByTheRequest_showsRuleExcludedWithTheGivenReason() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 10).available(TEE, WH_HN, 10).build();

            RoutingDecision d = router(RoutingProfile.defaults())
                    .route(
                            request(line("l1", TEE, 1))
                                    .putExcluded(WH_HCM, "rejected by the warehouse: forklift down")
                                    .build(),
                            input);

            assertThat(shippingFrom(d)).containsExactly(WH_HN);
            LocationVerdict hcm = verdict(d, WH_HCM);
            assertThat(hcm.excludedBy()).contains("excluded");
            assertThat(hcm.reason()).isEqualTo("rejected by the warehouse: forklift down");
            assertThat(hcm.lineNotes()).isEmpty();
            assertThat(d.explanation().toText()).contains("WH-HCM: excluded: rejected by the warehouse: forklift down");
        }
    }
}
