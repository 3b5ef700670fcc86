package dev.omskit.testkit.inventory;

import static dev.omskit.testkit.inventory.InventoryFixture.CAP;
import static dev.omskit.testkit.inventory.InventoryFixture.GIFT_SET;
import static dev.omskit.testkit.inventory.InventoryFixture.MUG;
import static dev.omskit.testkit.inventory.InventoryFixture.STORE_HN;
import static dev.omskit.testkit.inventory.InventoryFixture.STORE_Q1;
import static dev.omskit.testkit.inventory.InventoryFixture.TEE;
import static dev.omskit.testkit.inventory.InventoryFixture.TENANT;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HCM;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HN;
import static dev.omskit.testkit.inventory.InventoryFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.inventory.Availability;
import dev.omskit.core.inventory.ChannelStockPolicy;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.Sku;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Available-to-sell per channel")
class AvailabilityTest {
    private static final ChannelId WEB = ChannelId.of("web");
    private static final ChannelId SHOPEE = ChannelId.of("shopee");
    private static final ChannelId LAZADA = ChannelId.of("lazada");
    private static final ChannelId STORES = ChannelId.of("store-app");

    private final InventoryFixture f = InventoryFixture.create(InventoryConfig.builder()
            .policy(ChannelStockPolicy.builder()
                    .channel(SHOPEE)
                    .bufferUnits(2)
                    .bufferPercent(10)
                    .lowStockThreshold(3)
                    .build())
            .policy(ChannelStockPolicy.builder().channel(LAZADA).cap(12).build())
            .policy(ChannelStockPolicy.builder()
                    .channel(STORES)
                    .addLocations(STORE_Q1, STORE_HN)
                    .build())
            .build());

    @BeforeEach
    void stock() {
        f.receive(TEE, WH_HCM, 30);
        f.receive(TEE, WH_HN, 10);
        f.receive(TEE, STORE_Q1, 5);
        f.allocate("order:o-1", line("a", TEE, WH_HCM, 4));
        f.inventory.setSafetyStock(TENANT, TEE, WH_HN, 2);
    }

    @Test
    void availability_noPolicy_isOnHandMinusReservedMinusSafetyOverActiveLocations() {
        Availability a = f.inventory.availability(TENANT, TEE, WEB);

        assertThat(a.sku()).isEqualTo(TEE);
        assertThat(a.channel()).isEqualTo(WEB);
        assertThat(a.byLocation()).isEqualTo(Map.of(WH_HCM, 26, WH_HN, 8, STORE_Q1, 5));
        assertThat(a.atp()).isEqualTo(39);
        assertThat(a.lowStock()).isFalse();
    }

    @Test
    void availability_bufferUnitsAndPercent_areHeldBackRoundedUp() {
        // 39 sellable, 10 % is 3.9 -> 4 held back, then 2 units: 33
        assertThat(f.inventory.availability(TENANT, TEE, SHOPEE).atp()).isEqualTo(33);
    }

    @Test
    void availability_cap_limitsWhatTheChannelIsShown() {
        assertThat(f.inventory.availability(TENANT, TEE, LAZADA).atp()).isEqualTo(12);
    }

    @Test
    void availability_channelWithLocations_countsOnlyThose() {
        Availability a = f.inventory.availability(TENANT, TEE, STORES);

        assertThat(a.byLocation()).isEqualTo(Map.of(STORE_Q1, 5));
        assertThat(a.atp()).isEqualTo(5);
        assertThat(a.lowStock()).isTrue();
    }

    @Test
    void availability_inactiveLocation_isExcluded() {
        f.deactivate(WH_HN);

        Availability a = f.inventory.availability(TENANT, TEE, WEB);

        assertThat(a.byLocation()).doesNotContainKey(WH_HN);
        assertThat(a.atp()).isEqualTo(31);
    }

    @Test
    void availability_safetyAboveAvailable_countsZeroNotNegative() {
        f.inventory.setSafetyStock(TENANT, TEE, STORE_Q1, 9);

        Availability a = f.inventory.availability(TENANT, TEE, WEB);

        assertThat(a.byLocation()).containsEntry(STORE_Q1, 0);
        assertThat(a.atp()).isEqualTo(34);
    }

    @Test
    void availability_kit_isWholeKitsFromComponentsAtOneLocation() {
        f.receive(MUG, WH_HCM, 9); // TEE 26 sellable, MUG 9 -> 4 kits
        f.receive(MUG, WH_HN, 10); // TEE 8 sellable, MUG 10 -> 5 kits
        f.receive(MUG, STORE_HN, 6); // no TEE there -> no kit

        Availability a = f.inventory.availability(TENANT, GIFT_SET, WEB);

        assertThat(a.byLocation()).isEqualTo(Map.of(WH_HCM, 4, WH_HN, 5));
        assertThat(a.atp()).isEqualTo(9);
    }

    @Test
    void availability_atLowStockThreshold_isFlaggedLow() {
        f.receive(CAP, STORE_Q1, 6);
        assertThat(f.inventory.availability(TENANT, CAP, WEB).lowStock()).isFalse();

        f.allocate("order:o-2", line("a", CAP, STORE_Q1, 1));

        Availability a = f.inventory.availability(TENANT, CAP, WEB);
        assertThat(a.atp()).isEqualTo(5);
        assertThat(a.lowStock()).isTrue();
    }

    @Test
    void availability_channelThreshold_isTheChannels() {
        f.receive(CAP, STORE_Q1, 7); // 7 - 1 (10 %) - 2 = 4 > 3
        assertThat(f.inventory.availability(TENANT, CAP, SHOPEE).lowStock()).isFalse();
        f.allocate("order:o-2", line("a", CAP, STORE_Q1, 1)); // 6 - 1 - 2 = 3
        assertThat(f.inventory.availability(TENANT, CAP, SHOPEE).atp()).isEqualTo(3);
        assertThat(f.inventory.availability(TENANT, CAP, SHOPEE).lowStock()).isTrue();
    }

    @Test
    void availability_severalSkus_matchesOneByOne() {
        f.receive(MUG, WH_HCM, 9);

        Map<Sku, Availability> bulk = f.inventory.availability(TENANT, List.of(TEE, MUG, CAP, GIFT_SET), WEB);

        assertThat(bulk.keySet()).containsExactly(TEE, MUG, CAP, GIFT_SET);
        assertThat(bulk.get(TEE)).isEqualTo(f.inventory.availability(TENANT, TEE, WEB));
        assertThat(bulk.get(MUG).atp()).isEqualTo(9);
        assertThat(bulk.get(CAP).atp()).isZero();
        assertThat(bulk.get(CAP).lowStock()).isTrue();
        assertThat(bulk.get(GIFT_SET).atp()).isEqualTo(4);
    }
}
