package dev.omskit.routing.profile;

import static dev.omskit.routing.RoutingFixture.*;
import static dev.omskit.routing.profile.ProfileDocs.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.routing.Assignment;
import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.LocationVerdict;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every built-in rule, written as data with its parameters, routes as the rule should. */
class BuiltInRulesTest {
    private static final LocationId WH_BKK = LocationId.of("WH-BKK");

    private static String excludedBy(RoutingDecision d, LocationId location) {
        return d.explanation().verdict(location).orElseThrow().excludedBy().orElse("(not excluded)");
    }

    private static Set<LocationId> chosen(RoutingDecision d) {
        Set<LocationId> out = new java.util.TreeSet<>();
        d.assignments().forEach(a -> out.add(a.location()));
        return out;
    }

    /** The fixture's locations plus a Bangkok warehouse of priority 0 (the best). */
    private static List<Location> withBangkok() {
        List<Location> all = new ArrayList<>(locations());
        Address bangkok = Address.builder()
                .recipient("Somchai")
                .line1("1 Sukhumvit")
                .city("Bangkok")
                .countryCode("TH")
                .geo(GeoPoint.of(13.7563, 100.5018))
                .build();
        all.add(location(WH_BKK, LocationKind.WAREHOUSE_MAIN, bangkok, 0, LocationCapability.SHIPS));
        return all;
    }

    private static RoutingInput.Builder over(List<Location> locations) {
        RoutingInput.Builder b = RoutingInput.builder(locations);
        products().forEach(b::product);
        return b;
    }

    @Nested
    class Filters {
        @Test
        void active_excludesAnInactiveLocation() {
            List<Location> all = new ArrayList<>();
            for (Location l : locations()) {
                all.add(
                        l.id().equals(WH_HCM)
                                ? Location.builder().from(l).active(false).build()
                                : l);
            }
            RoutingDecision d = route(
                    """
                    filters: [active, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", TEE, 1)).build(),
                    over(all).available(TEE, WH_HCM, 5).available(TEE, WH_HN, 5).build());

            assertThat(excludedBy(d, WH_HCM)).isEqualTo("active");
            assertThat(chosen(d)).containsExactly(WH_HN);
        }

        @Test
        void delivery_forPickup_keepsOnlyThePickupStore() {
            RoutingDecision d = route(
                    """
                    filters: [delivery, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", TEE, 1))
                            .deliveryMethod(DeliveryMethod.PICKUP)
                            .pickupLocation(ST_Q1)
                            .build(),
                    input().available(TEE, WH_HCM, 5).available(TEE, ST_Q1, 5).build());

            assertThat(excludedBy(d, WH_HCM)).isEqualTo("delivery");
            assertThat(chosen(d)).containsExactly(ST_Q1);
        }

        @Test
        void capacity_withTheProfilesDailyCapacityUsedUp_excludesTheLocation() {
            RoutingDecision d = route(
                    """
                    filters: [capacity, has-stock]
                    rankers: [priority]
                    capacity: {WH-HCM: {units: 5, packages: 100}}
                    """,
                    request(line("l1", TEE, 1)).build(),
                    input().available(TEE, WH_HCM, 5)
                            .available(TEE, WH_HN, 5)
                            .usedToday(WH_HCM, 5, 1)
                            .build());

            assertThat(excludedBy(d, WH_HCM)).isEqualTo("capacity");
            assertThat(chosen(d)).containsExactly(WH_HN);
        }

        @Test
        void hasStock_excludesALocationWithoutTheSku() {
            RoutingDecision d = route(
                    """
                    filters: [has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", TEE, 1)).build(),
                    input().available(TEE, WH_HN, 5).build());

            assertThat(excludedBy(d, WH_HCM)).isEqualTo("has-stock");
            assertThat(chosen(d)).containsExactly(WH_HN);
        }

        @Test
        void sameCountry_excludesALocationAbroad() {
            RoutingDecision d = route(
                    """
                    filters: [same-country, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", TEE, 1)).build(),
                    over(withBangkok())
                            .available(TEE, WH_BKK, 5)
                            .available(TEE, WH_HN, 5)
                            .build());

            assertThat(excludedBy(d, WH_BKK)).isEqualTo("same-country");
            assertThat(chosen(d)).containsExactly(WH_HN);
        }

        @Test
        void countries_excludesALocationOutsideTheCodes() {
            RoutingDecision d = route(
                    """
                    filters: [{rule: countries, codes: [vn]}, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", TEE, 1)).build(),
                    over(withBangkok())
                            .available(TEE, WH_BKK, 5)
                            .available(TEE, WH_HN, 5)
                            .build());

            assertThat(excludedBy(d, WH_BKK)).isEqualTo("countries");
            assertThat(d.explanation().verdict(WH_BKK).orElseThrow().reason()).contains("TH", "[VN]");
            assertThat(chosen(d)).containsExactly(WH_HN);
        }

        @Test
        void maxDistance_excludesTheFarWarehouse_andTheExplanationNamesIt() {
            RoutingDecision d = route(
                    """
                    filters: [{rule: max-distance, km: 300}, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", TEE, 1)).build(),
                    input().available(TEE, WH_HN, 5).available(TEE, ST_Q7, 5).build());

            LocationVerdict hanoi = d.explanation().verdict(WH_HN).orElseThrow();
            assertThat(hanoi.excludedBy()).contains("max-distance");
            assertThat(hanoi.reason()).contains("more than 300.0 km");
            assertThat(d.explanation().toText()).contains("WH-HN: max-distance");
            assertThat(chosen(d)).containsExactly(ST_Q7);
        }

        @Test
        void channel_withLocationsPerChannel_keepsOnlyThoseForTheChannel() {
            String body =
                    """
                    filters: [{rule: channel, locations: {shopee-vn: [WH-HN]}}, has-stock]
                    rankers: [priority]
                    """;
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(TEE, WH_HN, 5).build();

            RoutingDecision shopee =
                    route(body, request(line("l1", TEE, 1)).channel(SHOPEE).build(), input);
            RoutingDecision web = route(body, request(line("l1", TEE, 1)).build(), input);

            assertThat(excludedBy(shopee, WH_HCM)).isEqualTo("channel");
            assertThat(chosen(shopee)).containsExactly(WH_HN);
            assertThat(chosen(web)).containsExactly(WH_HCM);
        }

        @Test
        void channel_withKindsPerChannel_keepsOnlyThoseKinds() {
            RoutingDecision d = route(
                    """
                    filters: [{rule: channel, kinds: {shopee-vn: [STORE]}}, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", TEE, 1)).channel(SHOPEE).build(),
                    input().available(TEE, WH_HCM, 5).available(TEE, ST_Q1, 5).build());

            assertThat(excludedBy(d, WH_HCM)).isEqualTo("channel");
            assertThat(chosen(d)).containsExactly(ST_Q1);
        }

        @Test
        void skuRestrictions_withNotAt_keepsTheFlaggedSkuFromThoseKinds() {
            RoutingInput input =
                    input().available(GAS, WH_HCM, 5).available(GAS, WH_HN, 5).build();

            RoutingDecision restricted = route(
                    """
                    filters: [{rule: sku-restrictions, notAt: {HAZARDOUS: [WAREHOUSE_MAIN]}}, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", GAS, 1)).build(),
                    input);
            RoutingDecision byDefault = route(
                    """
                    filters: [sku-restrictions, has-stock]
                    rankers: [priority]
                    """,
                    request(line("l1", GAS, 1)).build(),
                    input);

            assertThat(chosen(restricted)).containsExactly(WH_HN);
            assertThat(chosen(byDefault)).containsExactly(WH_HCM);
        }

        @Test
        void skuPolicies_sendThePersonalisedLineToTheWorkshop_withItsInstructions() {
            RoutingLine engraved = RoutingLine.builder()
                    .ref("l1")
                    .sku(PEN)
                    .quantity(1)
                    .putAttributes(RoutingLine.PERSONALISATION, "Anh")
                    .build();
            RoutingDecision d = route(
                    """
                    filters:
                      - rule: sku-policies
                        policies:
                          - name: engraving
                            lineAttribute: personalisation
                            locations: [WS-ENGRAVE]
                            workInstructions: "Engrave '{personalisation}'"
                      - has-stock
                    rankers: [priority]
                    """,
                    request(engraved, line("l2", PEN, 1)).build(),
                    input().available(PEN, WH_HCM, 5)
                            .available(PEN, WORKSHOP, 5)
                            .build());

            Assignment personalised = d.assignments().stream()
                    .filter(a -> a.line().equals("l1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(personalised.location()).isEqualTo(WORKSHOP);
            assertThat(personalised.workInstructions()).contains("Engrave 'Anh'");
            assertThat(d.isComplete()).isTrue();
        }

        @Test
        void skuPolicies_bySku_keepTheSkuAtThePolicysLocations() {
            RoutingDecision d = route(
                    """
                    filters:
                      - {rule: sku-policies, policies: [{name: sofa-by-vendor, skus: [SOFA-3S], locations: [VD-SOFA]}]}
                      - has-stock
                    rankers: [priority]
                    """,
                    request(line("l1", SOFA, 1)).build(),
                    input().available(SOFA, WH_HCM, 5)
                            .available(SOFA, VENDOR, 5)
                            .build());

            assertThat(chosen(d)).containsExactly(VENDOR);
        }
    }

    @Nested
    class Rankers {
        private final RoutingInput hanoiAndStore =
                input().available(TEE, WH_HN, 5).available(TEE, ST_Q7, 5).build();

        @Test
        void distance_prefersTheNearerLocation() {
            RoutingDecision d = route(
                    "filters: [has-stock]\nrankers: [distance]\n",
                    request(line("l1", TEE, 1)).build(),
                    hanoiAndStore);

            assertThat(chosen(d)).containsExactly(ST_Q7);
            assertThat(d.explanation().ranked().get(0).scores().get(0).ranker()).isEqualTo("distance");
        }

        @Test
        void priority_prefersTheBetterPriority() {
            RoutingDecision d = route(
                    "filters: [has-stock]\nrankers: [{rule: priority}]\n",
                    request(line("l1", TEE, 1)).build(),
                    hanoiAndStore);

            assertThat(chosen(d)).containsExactly(WH_HN);
        }

        @Test
        void tieBucket_letsTheNextRankerDecideBetweenNearbyLocations() {
            RoutingInput input =
                    input().available(TEE, WH_HCM, 5).available(TEE, ST_Q1, 5).build();

            RoutingDecision exact = route(
                    "filters: [has-stock]\nrankers: [distance, priority]\n",
                    request(line("l1", TEE, 1)).build(),
                    input);
            RoutingDecision bucketed = route(
                    "filters: [has-stock]\nrankers: [{rule: distance, tieBucket: 20}, priority]\n",
                    request(line("l1", TEE, 1)).build(),
                    input);

            assertThat(chosen(exact)).containsExactly(ST_Q1);
            assertThat(chosen(bucketed)).containsExactly(WH_HCM);
        }

        @Test
        void shippingCost_prefersTheCheaperZone_withTheTablesPrices() {
            RoutingDecision d = route(
                    """
                    filters: [has-stock]
                    rankers:
                      - rule: shipping-cost
                        defaultGrams: 300
                        rateTable:
                          currency: VND
                          zones:
                            - {name: intra-city, sameCity: true, brackets: [{upToGrams: 500, price: 16500}]}
                            - {name: national, brackets: [{upToGrams: 500, price: 32000}], stepPrice: 5000}
                    """,
                    request(line("l1", TEE, 1)).build(),
                    hanoiAndStore);

            assertThat(chosen(d)).containsExactly(ST_Q7);
            LocationVerdict.Score store =
                    d.explanation().verdict(ST_Q7).orElseThrow().scores().get(0);
            LocationVerdict.Score hanoi =
                    d.explanation().verdict(WH_HN).orElseThrow().scores().get(0);
            assertThat(store.ranker()).isEqualTo("shipping-cost");
            assertThat(store.cost()).isEqualTo(16500);
            assertThat(hanoi.cost()).isEqualTo(32000);
        }

        @Test
        void shippingCost_byTableName_usesTheTopLevelRateTable() {
            RoutingProfiles profiles = ProfileLoader.defaults()
                    .fromYaml(
                            """
                            rateTables:
                              standard:
                                currency: VND
                                zones: [{name: national, brackets: [{upToGrams: 500, price: 32000}], stepPrice: 5000}]
                            profiles:
                              p:
                                filters: [has-stock]
                                rankers: [{rule: shipping-cost, rateTable: standard}]
                            """);
            RoutingDecision d = dev.omskit.routing.Router.builder()
                    .profiles(profiles)
                    .clock(CLOCK)
                    .build()
                    .route(request(line("l1", MUG, 2)).build(), hanoiAndStoreWithMugs());

            // 2 x 350 g = 700 g: the 500 g bracket plus one 500 g step.
            assertThat(d.explanation()
                            .verdict(WH_HN)
                            .orElseThrow()
                            .scores()
                            .get(0)
                            .cost())
                    .isEqualTo(37000);
        }

        private RoutingInput hanoiAndStoreWithMugs() {
            return input().available(MUG, WH_HN, 5).available(MUG, ST_Q7, 5).build();
        }

        @Test
        void stockDepth_prefersTheLocationWithMoreLeftOver() {
            RoutingDecision d = route(
                    "filters: [has-stock]\nrankers: [stock-depth, priority]\n",
                    request(line("l1", TEE, 2)).build(),
                    input().available(TEE, WH_HCM, 3).available(TEE, WH_HN, 50).build());

            assertThat(chosen(d)).containsExactly(WH_HN);
        }

        @Test
        void locationKind_prefersTheListedKinds() {
            RoutingDecision d = route(
                    "filters: [has-stock]\nrankers: [{rule: location-kind, prefer: [store]}, priority]\n",
                    request(line("l1", TEE, 1)).build(),
                    input().available(TEE, WH_HCM, 5).available(TEE, ST_Q1, 5).build());

            assertThat(chosen(d)).containsExactly(ST_Q1);
        }

        @Test
        void weights_underWeightedScoring_decideTheTradeOff() {
            String rankers =
                    """
                    filters: [has-stock]
                    scoring: WEIGHTED
                    rankers: [{rule: location-kind, prefer: [STORE], weight: %s}, {rule: distance, weight: 1}]
                    """;
            RoutingInput input =
                    input().available(TEE, WH_HN, 5).available(TEE, ST_Q7, 5).build();
            RoutingDecision toHanoi = route(
                    rankers.formatted("2"),
                    request(line("l1", TEE, 1)).destination(hanoi()).build(),
                    input);
            RoutingDecision nearest = route(
                    rankers.formatted("0.5"),
                    request(line("l1", TEE, 1)).destination(hanoi()).build(),
                    input);

            assertThat(chosen(toHanoi)).containsExactly(ST_Q7);
            assertThat(chosen(nearest)).containsExactly(WH_HN);
        }
    }
}
