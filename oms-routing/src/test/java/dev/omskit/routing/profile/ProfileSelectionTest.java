package dev.omskit.routing.profile;

import static dev.omskit.routing.RoutingFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.routing.DeliveryMethod;
import dev.omskit.routing.RoutingRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Selectors loaded from a document choose profiles through {@link RoutingProfiles#select}. */
class ProfileSelectionTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");

    private static final RoutingProfiles PROFILES = ProfileLoader.defaults()
            .fromYaml(
                    """
                    defaultProfile: web
                    profiles:
                      web: {filters: [active], rankers: [priority]}
                      sale: {filters: [active], rankers: [distance]}
                      marketplace: {filters: [active], rankers: [priority, distance]}
                      b2b: {strategy: SINGLE_LOCATION, filters: [active], rankers: [priority]}
                      vip: {filters: [active], rankers: [distance, priority]}
                      collect: {filters: [delivery], rankers: [priority]}
                    selectors:
                      - {profile: sale, channels: [shopee-vn], effectiveFrom: 2026-11-01T00:00:00Z, effectiveUntil: 2026-12-01T00:00:00Z}
                      - {profile: marketplace, channelKinds: [MARKETPLACE]}
                      - {profile: b2b, orderTypes: [b2b]}
                      - {profile: vip, attributes: {customerTier: gold}, deliveryMethods: [SHIP]}
                      - {profile: collect, deliveryMethods: [PICKUP]}
                    """);

    private static RoutingRequest.Builder web() {
        return request(line("l1", TEE, 1));
    }

    private static String select(RoutingRequest request, Instant now) {
        return PROFILES.select(request, now).name();
    }

    @Test
    void noSelectorMatching_choosesTheDefaultProfile() {
        assertThat(select(web().build(), NOW)).isEqualTo("web");
    }

    @Test
    void orderType_choosesItsProfile() {
        assertThat(select(web().orderType("b2b").build(), NOW)).isEqualTo("b2b");
        assertThat(select(web().orderType("retail").build(), NOW)).isEqualTo("web");
    }

    @Test
    void attributes_mustAllMatch_togetherWithTheDeliveryMethod() {
        assertThat(select(web().putAttributes("customerTier", "gold").build(), NOW))
                .isEqualTo("vip");
        assertThat(select(web().putAttributes("customerTier", "silver").build(), NOW))
                .isEqualTo("web");
        assertThat(select(
                        web().putAttributes("customerTier", "gold")
                                .deliveryMethod(DeliveryMethod.PICKUP)
                                .pickupLocation(ST_Q1)
                                .build(),
                        NOW))
                .isEqualTo("collect");
    }

    @Test
    void deliveryMethod_choosesItsProfile() {
        assertThat(select(
                        web().deliveryMethod(DeliveryMethod.PICKUP)
                                .pickupLocation(ST_Q1)
                                .build(),
                        NOW))
                .isEqualTo("collect");
    }

    @Nested
    class ChannelWithEffectiveDates {
        private final RoutingRequest shopee = web().channel(SHOPEE).build();

        @Test
        void beforeTheStart_theNextSelectorChooses() {
            assertThat(select(shopee, FROM.minusSeconds(1))).isEqualTo("marketplace");
        }

        @Test
        void atTheStart_theDatedSelectorChooses() {
            assertThat(select(shopee, FROM)).isEqualTo("sale");
        }

        @Test
        void justBeforeTheEnd_theDatedSelectorStillChooses() {
            assertThat(select(shopee, UNTIL.minus(Duration.ofMillis(1)))).isEqualTo("sale");
        }

        @Test
        void atTheEnd_theDatedSelectorNoLongerChooses() {
            assertThat(select(shopee, UNTIL)).isEqualTo("marketplace");
        }

        @Test
        void anotherChannel_isNotChosenByTheChannelSelector() {
            assertThat(select(web().build(), FROM)).isEqualTo("web");
        }
    }
}
