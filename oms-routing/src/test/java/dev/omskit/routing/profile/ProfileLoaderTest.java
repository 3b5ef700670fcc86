package dev.omskit.routing.profile;

import static dev.omskit.routing.RoutingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.Money;
import dev.omskit.routing.Assignment;
import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingDecision;
import dev.omskit.routing.RoutingInput;
import dev.omskit.routing.RoutingLine;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {
    private static final Path RESOURCES = Path.of("src/test/resources/profiles");

    private static InputStream resource(String name) {
        return Objects.requireNonNull(ProfileLoaderTest.class.getResourceAsStream("/profiles/" + name), name);
    }

    @Nested
    class TheFullExample {
        private final RoutingProfiles yaml = ProfileLoader.defaults().fromYaml(resource("full.yaml"));

        @Test
        void fromJsonAndFromYaml_giveEqualProfilesAndSelectors() {
            RoutingProfiles json = ProfileLoader.defaults().fromJson(resource("full.json"));

            assertThat(json).isEqualTo(yaml);
            assertThat(json.profiles().keySet()).containsExactly("web", "marketplace", "b2b", "vip");
            assertThat(json.selectors()).isEqualTo(yaml.selectors()).hasSize(3);
        }

        @Test
        void fromPath_readsTheSameDocumentAsFromAStream() {
            assertThat(ProfileLoader.defaults().fromYaml(RESOURCES.resolve("full.yaml")))
                    .isEqualTo(yaml);
            assertThat(ProfileLoader.defaults().fromJson(RESOURCES.resolve("full.json")))
                    .isEqualTo(yaml);
        }

        @Test
        void web_hasEverySettingTheDocumentGives() {
            RoutingProfile web = yaml.profile("web");
            RateTable standard = RateTable.builder()
                    .currency(Money.currency("VND"))
                    .dimensionalDivisor(6000)
                    .addZones(
                            RateZone.builder()
                                    .name("intra-city")
                                    .sameCity(true)
                                    .addBrackets(bracket(500, "16500"), bracket(2000, "22000"))
                                    .stepGrams(500)
                                    .stepPrice(Money.of("2500", "VND"))
                                    .build(),
                            RateZone.builder()
                                    .name("regional")
                                    .sameRegion(true)
                                    .addBrackets(bracket(500, "22000"), bracket(2000, "30000"))
                                    .stepPrice(Money.of("4000", "VND"))
                                    .build(),
                            RateZone.builder()
                                    .name("national")
                                    .addBrackets(bracket(500, "32000"), bracket(2000, "45000"))
                                    .stepPrice(Money.of("5000", "VND"))
                                    .build())
                    .build();

            assertThat(web)
                    .isEqualTo(RoutingProfile.builder()
                            .name("web")
                            .strategy(Strategy.MINIMISE_SHIPMENTS)
                            .fulfilment(Fulfilment.SHIP_AVAILABLE)
                            .scoring(Scoring.LEXICOGRAPHIC)
                            .maxShipments(2)
                            .splitLines(true)
                            .searchBudget(20_000)
                            .addFilters(
                                    Filters.active(),
                                    Filters.delivery(),
                                    Filters.capacity(),
                                    Filters.maxDistanceKm(300),
                                    Filters.skuRestrictions(),
                                    Filters.hasStock())
                            .addRankers(
                                    new RankStep(Rankers.distance(), 1, 10),
                                    RankStep.of(Rankers.priority()),
                                    new RankStep(Rankers.shippingCost(standard, 500), 2, 0))
                            .putCapacity(WH_HCM, DailyCapacity.of(500, 200))
                            .build());
        }

        @Test
        void selectors_keepTheirConditionsAndDates() {
            ProfileSelector marketplace = yaml.selectors().get(0);
            ProfileSelector vip = yaml.selectors().get(2);

            assertThat(marketplace.profile()).isEqualTo("marketplace");
            assertThat(marketplace.channels()).containsExactly(ChannelId.of("shopee-vn"));
            assertThat(marketplace.effectiveFrom()).contains(Instant.parse("2026-11-01T00:00:00Z"));
            assertThat(marketplace.effectiveUntil()).contains(Instant.parse("2026-12-01T00:00:00Z"));
            assertThat(yaml.selectors().get(1).orderTypes()).containsExactly("b2b");
            assertThat(vip.attributes()).isEqualTo(Map.of("customerTier", "gold"));
            assertThat(vip.deliveryMethods()).containsExactly(DeliveryMethod.SHIP);
            assertThat(yaml.defaultProfile()).isEqualTo("web");
        }

        @Test
        void vip_scoresByWeight() {
            RoutingProfile vip = yaml.profile("vip");

            assertThat(vip.scoring()).isEqualTo(Scoring.WEIGHTED);
            assertThat(vip.rankers())
                    .containsExactly(
                            new RankStep(
                                    Rankers.locationKind(
                                            java.util.List.of(LocationKind.WAREHOUSE_MAIN, LocationKind.STORE)),
                                    2,
                                    0),
                            new RankStep(Rankers.distance(), 1, 0));
        }

        @Test
        void everyLocationItNames_isAFixtureLocation() {
            assertThat(ProfileLoader.defaults().validateLocations(locations()).fromYaml(resource("full.yaml")))
                    .isEqualTo(yaml);
        }

        private RateZone.Bracket bracket(int grams, String price) {
            return new RateZone.Bracket(grams, Money.of(price, "VND"));
        }
    }

    @Nested
    class TheDemoExample {
        private final RoutingProfiles profiles =
                ProfileLoader.defaults().validateLocations(locations()).fromYaml(resource("example.yaml"));
        private final Router router =
                Router.builder().profiles(profiles).clock(CLOCK).build();

        @Test
        void theExamplesModule_shipsTheSameFile() throws Exception {
            Path demo = Path.of("../oms-examples/src/main/resources/routing/profiles.yaml");

            assertThat(Files.readString(demo, StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(RESOURCES.resolve("example.yaml"), StandardCharsets.UTF_8));
        }

        @Test
        void profiles_areWebMarketplaceAndStoresFirst() {
            assertThat(profiles.profiles().keySet()).containsExactly("web", "marketplace", "stores-first");
            assertThat(profiles.profile("marketplace").strategy()).isEqualTo(Strategy.SINGLE_LOCATION);
            assertThat(profiles.profile("marketplace").fulfilment()).isEqualTo(Fulfilment.SHIP_COMPLETE);
            assertThat(profiles.profile("stores-first").scoring()).isEqualTo(Scoring.WEIGHTED);
            assertThat(profiles.profile("web").rankers().get(0)).isEqualTo(new RankStep(Rankers.distance(), 1, 10));
        }

        @Test
        void shopeeOrders_routeWithMarketplace_webOrdersWithWeb() {
            assertThat(profiles.select(
                                    request(line("l1", TEE, 1)).channel(SHOPEE).build(), NOW)
                            .name())
                    .isEqualTo("marketplace");
            assertThat(profiles.select(request(line("l1", TEE, 1)).build(), NOW).name())
                    .isEqualTo("web");
            assertThat(profiles.select(
                                    request(line("l1", TEE, 1))
                                            .orderType("ship-from-store")
                                            .build(),
                                    NOW)
                            .name())
                    .isEqualTo("stores-first");
        }

        @Test
        void web_sendsTheEngravedLineToTheWorkshop_andTheRestFromAWarehouse() {
            RoutingLine engraved = RoutingLine.builder()
                    .ref("l1")
                    .sku(PEN)
                    .quantity(1)
                    .putAttributes(RoutingLine.PERSONALISATION, "Minh Anh")
                    .build();
            RoutingInput input = input().available(PEN, WH_HCM, 10)
                    .available(PEN, WORKSHOP, 10)
                    .available(TEE, WH_HCM, 10)
                    .build();

            RoutingDecision d =
                    router.route(request(engraved, line("l2", TEE, 1)).build(), input);

            assertThat(d.profile()).isEqualTo("web");
            assertThat(d.assignments())
                    .extracting(Assignment::line, Assignment::location, Assignment::workInstructions)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "l1", WORKSHOP, java.util.Optional.of("Engrave 'Minh Anh'")),
                            org.assertj.core.groups.Tuple.tuple("l2", WH_HCM, java.util.Optional.empty()));
        }
    }

    @Nested
    class ShapeDetails {
        @Test
        void defaultProfile_withOneProfile_isThatProfile() {
            RoutingProfiles profiles =
                    ProfileLoader.defaults().fromYaml(ProfileDocs.oneProfile("filters: []\nrankers: []\n"));

            assertThat(profiles.defaultProfile()).isEqualTo("p");
            assertThat(profiles.profile("p").filters()).isEmpty();
        }

        @Test
        void absentSettings_keepTheProfileDefaults() {
            RoutingProfile p = ProfileDocs.profile("filters: [active]\nrankers: [priority]\n");
            RoutingProfile defaults = RoutingProfile.defaults();

            assertThat(p.strategy()).isEqualTo(defaults.strategy());
            assertThat(p.fulfilment()).isEqualTo(defaults.fulfilment());
            assertThat(p.maxShipments()).isEqualTo(defaults.maxShipments());
            assertThat(p.searchBudget()).isEqualTo(defaults.searchBudget());
            assertThat(p.splitLines()).isTrue();
        }

        @Test
        void enumValues_matchIgnoringCaseAndDashes() {
            RoutingProfile p = ProfileDocs.profile(
                    "strategy: single-location\nfulfilment: ship_complete\nfilters: []\nrankers: []\n");

            assertThat(p.strategy()).isEqualTo(Strategy.SINGLE_LOCATION);
            assertThat(p.fulfilment()).isEqualTo(Fulfilment.SHIP_COMPLETE);
        }

        @Test
        void selectorTimes_mayCarryAnOffset() {
            RoutingProfiles profiles = ProfileLoader.defaults()
                    .fromYaml(ProfileDocs.oneProfile("filters: []\nrankers: []\n")
                            + "selectors: [{profile: p, effectiveFrom: '2026-11-11T00:00:00+07:00'}]\n");

            assertThat(profiles.selectors().get(0).effectiveFrom()).contains(Instant.parse("2026-11-10T17:00:00Z"));
        }
    }
}
