package dev.omskit.routing.promise;

import static dev.omskit.routing.RoutingFixture.*;
import static dev.omskit.routing.promise.PromiseFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Dimensions;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Sku;
import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingRequest;
import dev.omskit.routing.profile.RoutingProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Delivery options at checkout, with every price and date worked out by hand from {@link PromiseFixture}'s
 * rate tables. The fixture clock stands at Wednesday 2026-11-11 09:00 in Vietnam.
 */
class DeliveryPromiseTest {
    private static final LocalDate WED = LocalDate.of(2026, 11, 11);
    private static final LocalDate THU = LocalDate.of(2026, 11, 12);
    private static final LocalDate FRI = LocalDate.of(2026, 11, 13);
    private static final LocalDate SAT = LocalDate.of(2026, 11, 14);
    private static final LocalDate SUN = LocalDate.of(2026, 11, 15);
    private static final LocalDate MON = LocalDate.of(2026, 11, 16);
    private static final LocalDate TUE = LocalDate.of(2026, 11, 17);
    private static final LocalDate NEXT_WED = LocalDate.of(2026, 11, 18);

    private static DeliveryPromise promise(PromiseConfig config) {
        return DeliveryPromise.of(router(RoutingProfile.defaults()), config);
    }

    private static DeliveryPromise promise(PromiseConfig config, Clock clock) {
        return DeliveryPromise.of(RoutingProfile.defaults(), clock, config);
    }

    /** 300 g, 40 x 30 x 20 cm. */
    private static Product pillow(Sku sku) {
        return Product.builder()
                .from(product(sku, 300))
                .dimensions(new Dimensions(400, 300, 200))
                .build();
    }

    private static DeliveryOption byService(List<DeliveryOption> options, String code) {
        return options.stream()
                .filter(o -> o.service().map(s -> s.code().equals(code)).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option by " + code + " in " + options));
    }

    @Nested
    @DisplayName("Prices and dates by service")
    class Services {
        @Test
        void options_expressAndEconomy_pricedAndDatedFromTheRateTables() {
            // 2 x TEE 200 g = 400 g, WH-HCM (Thu Duc, Ho Chi Minh) to Ho Chi Minh City: zone same-region.
            RoutingInput input = input().available(TEE, WH_HCM, 5).build();
            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", TEE, 2)).build(), input);

            assertThat(options).hasSize(2);
            DeliveryOption express = options.get(0);
            assertThat(express.kind()).isEqualTo(DeliveryOption.Kind.ROUTED);
            assertThat(express.service().orElseThrow().code()).isEqualTo("ghn-express");
            assertThat(express.price()).contains(vnd(22_000));
            assertThat(express.earliestDelivery()).contains(THU);
            assertThat(express.isComplete()).isTrue();
            PromisedShipment s = express.shipments().get(0);
            assertThat(s.location()).isEqualTo(WH_HCM);
            assertThat(s.units()).isEqualTo(2);
            assertThat(s.parcel()).isEqualTo(new Parcel(400, 0));
            assertThat(s.chargeableGrams()).isEqualTo(OptionalInt.of(400));
            assertThat(s.zone()).contains("same-region");
            assertThat(s.shipDate()).isEqualTo(WED);
            assertThat(s.distanceKm().getAsDouble()).isBetween(8.0, 10.0);
            assertThat(express.toText()).isEqualTo("GHN Express from WH-HCM: 22,000 VND, arrives Thu 2026-11-12");

            DeliveryOption economy = options.get(1);
            assertThat(economy.service().orElseThrow().code()).isEqualTo("ghn-economy");
            assertThat(economy.price()).contains(vnd(16_500));
            assertThat(economy.earliestDelivery()).contains(FRI);
            assertThat(economy.toText()).isEqualTo("GHN Economy from WH-HCM: 16,500 VND, arrives Fri 2026-11-13");
        }

        @Test
        void options_parcelAboveTheLastBracket_paysAStepPerStarted500Grams() {
            // 8 x TEE = 1,600 g: 600 g above 1,000 g is two started steps of 500 g.
            RoutingInput input = input().available(TEE, WH_HCM, 10).build();
            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", TEE, 8)).build(), input);

            assertThat(byService(options, "ghn-express").price()).contains(vnd(27_000 + 2 * 5_000));
            assertThat(byService(options, "ghn-economy").price()).contains(vnd(20_000 + 2 * 3_000));
        }

        @Test
        void options_dimensionalWeightAboveActual_isCharged() {
            // A pillow weighs 300 g but measures 40 x 30 x 20 cm = 24,000 cm3; / 6,000 = 4,000 g chargeable,
            // 3,000 g above the 1,000 g bracket = 6 steps.
            Sku pillow = Sku.of("PILLOW");
            RoutingInput input =
                    input().product(pillow(pillow)).available(pillow, WH_HCM, 3).build();
            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", pillow, 1)).build(), input);

            DeliveryOption express = byService(options, "ghn-express");
            assertThat(express.shipments().get(0).parcel()).isEqualTo(new Parcel(300, 24_000));
            assertThat(express.shipments().get(0).chargeableGrams()).isEqualTo(OptionalInt.of(4_000));
            assertThat(express.price()).contains(vnd(27_000 + 6 * 5_000));
            assertThat(byService(options, "ghn-economy").price()).contains(vnd(20_000 + 6 * 3_000));
        }

        @Test
        void options_parcelOverTheServiceMaximum_isNotOfferedByIt() {
            Sku pillow = Sku.of("PILLOW");
            RoutingInput input =
                    input().product(pillow(pillow)).available(pillow, WH_HCM, 3).build();
            PromiseConfig config = PromiseConfig.builder()
                    .addServices(expressBuilder().maxChargeableGrams(3_000).build(), economy())
                    .build();

            List<DeliveryOption> options =
                    promise(config).options(request(line("l1", pillow, 1)).build(), input);

            assertThat(options)
                    .extracting(o -> o.service().orElseThrow().code())
                    .containsExactly("ghn-economy");
        }

        @Test
        void options_serviceNotServingTheZone_givesNoOption() {
            // Same day serves only same-city; WH-HCM (Thu Duc) to Ho Chi Minh City is same-region.
            RoutingInput input = input().available(TEE, WH_HCM, 5).build();
            PromiseConfig config = config().addServices(sameDay()).build();

            List<DeliveryOption> options =
                    promise(config).options(request(line("l1", TEE, 1)).build(), input);

            assertThat(options)
                    .extracting(o -> o.service().orElseThrow().code())
                    .containsExactly("ghn-express", "ghn-economy");
        }

        @Test
        void options_serviceServingTheZone_sameDayArrivesToday() {
            // ST-Q1 is in Ho Chi Minh City itself: same-city, same day 30,000 with 0 transit days.
            RoutingInput input = input().available(TEE, ST_Q1, 5).build();
            PromiseConfig config = config().addServices(sameDay()).build();

            List<DeliveryOption> options =
                    promise(config).options(request(line("l1", TEE, 1)).build(), input);

            assertThat(options)
                    .extracting(o -> o.service().orElseThrow().code())
                    .containsExactly("ghn-same-day", "ghn-express", "ghn-economy");
            assertThat(options.get(0).price()).contains(vnd(30_000));
            assertThat(options.get(0).earliestDelivery()).contains(WED);
            assertThat(options.get(1).price()).contains(vnd(18_000));
            assertThat(options.get(1).earliestDelivery()).contains(THU);
            assertThat(options.get(2).price()).contains(vnd(15_000));
            assertThat(options.get(2).earliestDelivery()).contains(FRI);
        }

        @Test
        void options_noServiceServesThePlan_isOneUnavailableOptionSayingWhy() {
            RoutingInput input = input().available(TEE, WH_HCM, 5).build();
            PromiseConfig config =
                    PromiseConfig.builder().addServices(sameDay()).build();

            List<DeliveryOption> options =
                    promise(config).options(request(line("l1", TEE, 1)).build(), input);

            assertThat(options).hasSize(1);
            DeliveryOption o = options.get(0);
            assertThat(o.kind()).isEqualTo(DeliveryOption.Kind.UNAVAILABLE);
            assertThat(o.isComplete()).isFalse();
            assertThat(o.unfulfilled()).isEqualTo(Map.of("l1", 1));
            assertThat(o.reasons())
                    .containsExactly("GHN Same Day does not serve zone 'same-region' (WH-HCM to Ho Chi Minh City)");
            assertThat(o.toText())
                    .isEqualTo("Not available: GHN Same Day does not serve zone 'same-region' (WH-HCM to Ho Chi Minh"
                            + " City)");
        }
    }

    @Nested
    @DisplayName("Ship dates: cut-off, working days, holidays, handling")
    class ShipDates {
        private final List<Location> cutOffAt14 = locationsWithCutOff(WH_HCM, LocalTime.of(14, 0));
        private final RoutingInput input =
                inputOver(cutOffAt14).available(TEE, WH_HCM, 5).build();
        private final RoutingRequest cart = request(line("l1", TEE, 1)).build();

        @Test
        void options_beforeOrAtCutOff_shipsTheSameDay() {
            for (String time : List.of("2026-11-11T13:59", "2026-11-11T14:00")) {
                DeliveryOption express =
                        byService(promise(config().build(), vnClock(time)).options(cart, input), "ghn-express");

                assertThat(express.shipments().get(0).shipDate()).as(time).isEqualTo(WED);
                assertThat(express.earliestDelivery()).as(time).contains(THU);
            }
        }

        @Test
        void options_afterCutOff_shipsTheNextWorkingDay() {
            List<DeliveryOption> options =
                    promise(config().build(), vnClock("2026-11-11T14:01")).options(cart, input);

            assertThat(byService(options, "ghn-express").shipments().get(0).shipDate())
                    .isEqualTo(THU);
            assertThat(byService(options, "ghn-express").earliestDelivery()).contains(FRI);
            assertThat(byService(options, "ghn-economy").earliestDelivery()).contains(SAT);
        }

        @Test
        void options_saturdayAfterCutOff_shipsMondayWhenSundayIsNotAWorkingDay() {
            List<DeliveryOption> options =
                    promise(config().build(), vnClock("2026-11-14T15:00")).options(cart, input);

            assertThat(byService(options, "ghn-express").shipments().get(0).shipDate())
                    .isEqualTo(MON);
            assertThat(byService(options, "ghn-express").earliestDelivery()).contains(TUE);
            assertThat(byService(options, "ghn-economy").earliestDelivery()).contains(NEXT_WED);
        }

        @Test
        void options_orderedOnSunday_shipsMonday() {
            List<DeliveryOption> options =
                    promise(config().build(), vnClock("2026-11-15T10:00")).options(cart, input);

            assertThat(byService(options, "ghn-express").shipments().get(0).shipDate())
                    .isEqualTo(MON);
        }

        @Test
        void options_shippedSaturday_transitSkipsSundayUnlessTheServiceDeliversOnSundays() {
            PromiseConfig config = PromiseConfig.builder()
                    .addServices(
                            express(),
                            expressBuilder()
                                    .name("GHN Express 7 days")
                                    .code("ghn-express-7")
                                    .deliversSundays(true)
                                    .build())
                    .build();

            List<DeliveryOption> options =
                    promise(config, vnClock("2026-11-14T10:00")).options(cart, input);

            assertThat(byService(options, "ghn-express").shipments().get(0).shipDate())
                    .isEqualTo(SAT);
            assertThat(byService(options, "ghn-express").earliestDelivery()).contains(MON);
            assertThat(byService(options, "ghn-express-7").earliestDelivery()).contains(SUN);
        }

        @Test
        void options_holidayAfterTheOrderDay_isSkipped() {
            PromiseConfig config = config().addHolidays(THU).build();

            List<DeliveryOption> options =
                    promise(config, vnClock("2026-11-11T15:00")).options(cart, input);

            assertThat(byService(options, "ghn-express").shipments().get(0).shipDate())
                    .isEqualTo(FRI);
            assertThat(byService(options, "ghn-express").earliestDelivery()).contains(SAT);
        }

        @Test
        void options_handlingDays_countWorkingDaysAndSkipHolidays() {
            // Wednesday before the cut-off, 1 handling day, Thursday a holiday: handed over Friday.
            PromiseConfig config = config().handlingDays(1).addHolidays(THU).build();

            List<DeliveryOption> options =
                    promise(config, vnClock("2026-11-11T10:00")).options(cart, input);

            assertThat(byService(options, "ghn-express").shipments().get(0).shipDate())
                    .isEqualTo(FRI);
        }

        @Test
        void options_handlingDaysOfOneLocation_overrideTheDefault() {
            PromiseConfig config =
                    config().handlingDays(1).putHandlingDaysAt(WH_HCM, 0).build();

            List<DeliveryOption> options =
                    promise(config, vnClock("2026-11-11T10:00")).options(cart, input);

            assertThat(byService(options, "ghn-express").shipments().get(0).shipDate())
                    .isEqualTo(WED);
        }
    }

    @Nested
    @DisplayName("Split carts, partial carts and carts nobody has")
    class Carts {
        @Test
        void options_splitCart_arrivesWithTheLaterShipmentAndCostsTheSum() {
            // TEE only at WH-HCM (same-region, 200 g), 2 x CAP only at WH-HN (national, 200 g).
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(CAP, WH_HN, 5).build();
            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", TEE, 1), line("l2", CAP, 2)).build(), input);

            assertThat(options).hasSize(2);
            DeliveryOption express = options.get(0);
            assertThat(express.shipmentCount()).isEqualTo(2);
            assertThat(express.shipments())
                    .extracting(PromisedShipment::location)
                    .containsExactly(WH_HCM, WH_HN);
            assertThat(express.shipments())
                    .extracting(PromisedShipment::deliveryDate)
                    .containsExactly(THU, FRI);
            assertThat(express.shipments())
                    .extracting(s -> s.zone().orElseThrow())
                    .containsExactly("same-region", "national");
            assertThat(express.price()).contains(vnd(22_000 + 38_000));
            assertThat(express.earliestDelivery()).contains(FRI);
            assertThat(express.toText())
                    .isEqualTo("GHN Express from WH-HCM + WH-HN (2 shipments): 60,000 VND, arrives Fri 2026-11-13");

            DeliveryOption economy = options.get(1);
            // economy: WH-HCM Wed + 2 = Fri; WH-HN Wed + 4 delivery days (Sunday skipped) = Mon
            assertThat(economy.shipments())
                    .extracting(PromisedShipment::deliveryDate)
                    .containsExactly(FRI, MON);
            assertThat(economy.price()).contains(vnd(16_500 + 30_000));
            assertThat(economy.earliestDelivery()).contains(MON);
        }

        @Test
        void options_cartNobodyHas_isIncompleteWithTheReason() {
            Sku ghost = Sku.of("GHOST-1");
            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", ghost, 1)).build(), input().build());

            assertThat(options).hasSize(1);
            DeliveryOption o = options.get(0);
            assertThat(o.kind()).isEqualTo(DeliveryOption.Kind.UNAVAILABLE);
            assertThat(o.isComplete()).isFalse();
            assertThat(o.unfulfilled()).isEqualTo(Map.of("l1", 1));
            assertThat(o.reasons())
                    .singleElement()
                    .asString()
                    .startsWith("line l1 (GHOST-1): 1 of 1 unit(s) unassigned");
            assertThat(o.toText()).startsWith("Not available: line l1 (GHOST-1)");
        }

        @Test
        void options_cartPartlyAvailable_listsTheMissingLine() {
            Sku ghost = Sku.of("GHOST-1");
            RoutingInput input = input().available(TEE, WH_HCM, 5).build();
            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", TEE, 1), line("l2", ghost, 3)).build(), input);

            assertThat(options).hasSize(2).allSatisfy(o -> {
                assertThat(o.kind()).isEqualTo(DeliveryOption.Kind.ROUTED);
                assertThat(o.isComplete()).isFalse();
                assertThat(o.unfulfilled()).isEqualTo(Map.of("l2", 3));
                assertThat(o.reasons())
                        .containsExactly("line l2 (GHOST-1): 3 of 3 unit(s) unassigned; no stock at any candidate");
            });
            assertThat(options.get(0).toText())
                    .isEqualTo("GHN Express from WH-HCM: 22,000 VND, arrives Thu 2026-11-12; incomplete, unit(s) not"
                            + " included: l2 3");
        }
    }

    @Nested
    @DisplayName("Ship from elsewhere")
    class Alternatives {
        @Test
        void options_fasterAndCheaperFromAnotherLocation_areOfferedBesideTheRoutedPlan() {
            // The default profile ranks by priority: WH-HCM (1) before WH-HN (2), so the routed plan ships
            // WH-HCM to Hanoi (national) though WH-HN is in Hanoi (same-city).
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(TEE, WH_HN, 5).build();
            RoutingRequest cart =
                    request(line("l1", TEE, 1)).destination(hanoi()).build();

            List<DeliveryOption> options = promise(config().build()).options(cart, input);

            assertThat(options)
                    .extracting(DeliveryOption::toText)
                    .containsExactly(
                            "GHN Express from WH-HN: 18,000 VND, arrives Thu 2026-11-12 (1 day sooner and 20,000 VND less"
                                    + " than from WH-HCM)",
                            "GHN Economy from WH-HN: 15,000 VND, arrives Fri 2026-11-13 (3 days sooner and 15,000 VND less"
                                    + " than from WH-HCM)",
                            "GHN Express from WH-HCM: 38,000 VND, arrives Fri 2026-11-13",
                            "GHN Economy from WH-HCM: 30,000 VND, arrives Mon 2026-11-16");
            assertThat(options)
                    .extracting(DeliveryOption::kind)
                    .containsExactly(
                            DeliveryOption.Kind.ALTERNATIVE,
                            DeliveryOption.Kind.ALTERNATIVE,
                            DeliveryOption.Kind.ROUTED,
                            DeliveryOption.Kind.ROUTED);
        }

        @Test
        void options_otherLocationNeitherFasterNorCheaper_isNotOffered() {
            // WH-DN to Ho Chi Minh City is national: dearer and slower than the routed WH-HCM.
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(TEE, WH_DN, 5).build();

            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", TEE, 1)).build(), input);

            assertThat(options).extracting(DeliveryOption::kind).containsOnly(DeliveryOption.Kind.ROUTED);
            assertThat(options)
                    .allSatisfy(o -> assertThat(o.shipments().get(0).location()).isEqualTo(WH_HCM));
        }

        @Test
        void options_serviceOnlyAnotherLocationCanUse_isOfferedAsAnAlternative() {
            // The routed WH-HCM has no same-day service; ST-Q1, in the city, has.
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(TEE, ST_Q1, 5).build();
            PromiseConfig config = config().addServices(sameDay()).build();

            List<DeliveryOption> options =
                    promise(config).options(request(line("l1", TEE, 1)).build(), input);

            DeliveryOption sameDay = byService(options, "ghn-same-day");
            assertThat(sameDay.kind()).isEqualTo(DeliveryOption.Kind.ALTERNATIVE);
            assertThat(sameDay.shipments().get(0).location()).isEqualTo(ST_Q1);
            assertThat(sameDay.note()).contains("GHN Same Day is not offered from WH-HCM");
            assertThat(options.get(0)).isSameAs(sameDay);
        }

        @Test
        void options_maxAlternativesZero_listsOnlyTheRoutedPlan() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(TEE, WH_HN, 5).build();
            RoutingRequest cart =
                    request(line("l1", TEE, 1)).destination(hanoi()).build();

            List<DeliveryOption> options =
                    promise(config().maxAlternatives(0).build()).options(cart, input);

            assertThat(options).extracting(DeliveryOption::kind).containsOnly(DeliveryOption.Kind.ROUTED);
        }
    }

    @Nested
    @DisplayName("Click and collect")
    class Pickup {
        private RoutingRequest pickupCart(Address near) {
            return request(line("l1", TEE, 1), line("l2", CAP, 1))
                    .deliveryMethod(DeliveryMethod.PICKUP)
                    .pickupLocation(ST_Q7)
                    .destination(near)
                    .build();
        }

        @Test
        void options_pickup_onlyFromStoresWithTheWholeCart() {
            // ST-Q7 lacks TEE; WH-HCM has everything but is not a pickup location.
            RoutingInput input = input().available(TEE, ST_Q1, 1)
                    .available(CAP, ST_Q1, 1)
                    .available(CAP, ST_Q7, 3)
                    .available(TEE, WH_HCM, 5)
                    .available(CAP, WH_HCM, 5)
                    .build();

            List<DeliveryOption> options = promise(config().build()).options(pickupCart(hcm()), input);

            assertThat(options).hasSize(1);
            DeliveryOption o = options.get(0);
            assertThat(o.kind()).isEqualTo(DeliveryOption.Kind.PICKUP);
            assertThat(o.shipments().get(0).location()).isEqualTo(ST_Q1);
            assertThat(o.shipments().get(0).units()).isEqualTo(2);
            assertThat(o.price()).isEmpty();
            assertThat(o.readyAt()).contains(ZonedDateTime.of(WED.atTime(11, 0), VN));
            assertThat(o.earliestDelivery()).contains(WED);
            assertThat(o.toText()).isEqualTo("Pickup at ST-Q1 (0.0 km): free, ready Wed 2026-11-11 11:00");
        }

        @Test
        void options_pickup_nearestStoreToTheDestinationFirst() {
            RoutingInput input = input().available(TEE, ST_Q1, 1)
                    .available(CAP, ST_Q1, 1)
                    .available(TEE, ST_Q7, 1)
                    .available(CAP, ST_Q7, 1)
                    .build();
            Address nearQ7 = address("Ho Chi Minh City", "Ho Chi Minh", HCM_Q7);

            List<DeliveryOption> options = promise(config().build()).options(pickupCart(nearQ7), input);

            assertThat(options).extracting(o -> o.shipments().get(0).location()).containsExactly(ST_Q7, ST_Q1);
            // Q1 to Q7: 0.0429 deg latitude and 0.0207 deg longitude at 10.75 N, about 5.2 km
            assertThat(options.get(1).shipments().get(0).distanceKm().getAsDouble())
                    .isBetween(4.5, 6.0);
        }

        @Test
        void options_pickupAfterClosing_isReadyAtTheNextOpening() {
            RoutingInput input =
                    input().available(TEE, ST_Q1, 1).available(CAP, ST_Q1, 1).build();

            DeliveryOption evening = promise(config().build(), vnClock("2026-11-11T21:00"))
                    .options(pickupCart(hcm()), input)
                    .get(0);
            DeliveryOption saturdayNight = promise(config().build(), vnClock("2026-11-14T21:00"))
                    .options(pickupCart(hcm()), input)
                    .get(0);
            DeliveryOption early = promise(config().build(), vnClock("2026-11-11T06:30"))
                    .options(pickupCart(hcm()), input)
                    .get(0);

            assertThat(evening.readyAt()).contains(ZonedDateTime.of(THU.atTime(8, 0), VN));
            assertThat(saturdayNight.readyAt()).contains(ZonedDateTime.of(MON.atTime(8, 0), VN));
            assertThat(early.readyAt()).contains(ZonedDateTime.of(WED.atTime(8, 0), VN));
        }

        @Test
        void options_pickupNobodyHas_isUnavailableNamingEachStore() {
            RoutingInput input = input().available(CAP, ST_Q7, 3).build();

            List<DeliveryOption> options = promise(config().build()).options(pickupCart(hcm()), input);

            assertThat(options).hasSize(1);
            DeliveryOption o = options.get(0);
            assertThat(o.kind()).isEqualTo(DeliveryOption.Kind.UNAVAILABLE);
            assertThat(o.unfulfilled()).isEqualTo(Map.of("l1", 1, "l2", 1));
            assertThat(o.reasons()).hasSize(3);
            assertThat(o.reasons().get(0)).isEqualTo("no pickup location has the whole cart");
            assertThat(o.reasons().get(1)).startsWith("ST-Q1: has-stock: no usable stock of any line");
            assertThat(o.reasons().get(2)).startsWith("ST-Q7: line l1 (TEE-BLK-M): 1 of 1 unit(s) unassigned");
        }
    }

    @Nested
    @DisplayName("Bad input")
    class BadInput {
        @Test
        void options_destinationWithoutCountry_isRejectedNamingTheField() {
            Address noCountry = Address.builder().city("Hanoi").geo(HANOI).build();
            RoutingRequest cart =
                    request(line("l1", TEE, 1)).destination(noCountry).build();

            assertThatThrownBy(() -> promise(config().build()).options(cart, input().build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field() + " " + v.code())
                            .containsExactly("destination.countryCode REQUIRED"))
                    .hasMessageContaining("cart 'o-1'");
        }

        @Test
        void options_destinationWithNothingToLocateItBy_isRejected() {
            Address nowhere = Address.builder().countryCode("VN").build();
            RoutingRequest cart =
                    request(line("l1", TEE, 1)).destination(nowhere).build();

            assertThatThrownBy(() -> promise(config().build()).options(cart, input().build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field() + " " + v.code())
                            .containsExactly("destination UNLOCATABLE"));
        }

        @Test
        void options_destinationWithPostalCodeOnly_isQuotedByRegionlessZones() {
            // No geo, no city: only the national zone (no conditions) can price it.
            Address postal =
                    Address.builder().postalCode("700000").countryCode("VN").build();
            RoutingInput input = input().available(TEE, WH_HCM, 5).build();

            List<DeliveryOption> options = promise(config().build())
                    .options(request(line("l1", TEE, 1)).destination(postal).build(), input);

            assertThat(byService(options, "ghn-express").price()).contains(vnd(38_000));
            assertThat(byService(options, "ghn-express").shipments().get(0).distanceKm())
                    .isEmpty();
        }

        @Test
        void options_cartWithoutLines_isRejectedNamingTheField() {
            assertThatThrownBy(() -> promise(config().build()).options(request().build(), input().build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field())
                            .containsExactly("lines"));
        }

        @Test
        void options_noCart_isRejectedNamingTheField() {
            assertThatThrownBy(() -> promise(config().build()).options(null, input().build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field())
                            .containsExactly("cart"));
        }

        @Test
        void carrierService_transitDaysForAZoneTheTableLacks_isRejected() {
            assertThatThrownBy(() -> expressBuilder().putTransitDays("metro", 0).build())
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field() + " " + v.code())
                            .containsExactly("services[ghn-express].transitDays[metro] UNKNOWN_ZONE"));
        }

        @Test
        void promiseConfig_contradictorySettings_areAllReported() {
            assertThatThrownBy(() -> PromiseConfig.builder()
                            .addServices(express(), express())
                            .handlingDays(-1)
                            .workingDays(List.of())
                            .build())
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field() + " " + v.code())
                            .containsExactly(
                                    "handlingDays NEGATIVE",
                                    "workingDays EMPTY",
                                    "services[ghn-express].code DUPLICATE"));
        }
    }
}
