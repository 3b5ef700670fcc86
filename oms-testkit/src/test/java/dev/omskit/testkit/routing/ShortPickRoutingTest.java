package dev.omskit.testkit.routing;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.fulfilment.ChangeFulfilment;
import dev.omskit.core.fulfilment.ConfirmPick;
import dev.omskit.core.fulfilment.FulfilmentOutcome;
import dev.omskit.core.fulfilment.FulfilmentRequest;
import dev.omskit.core.fulfilment.ReleaseFulfilment;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderStages;
import dev.omskit.routing.Router;
import dev.omskit.routing.RoutingSourcing;
import dev.omskit.routing.profile.RoutingProfile;
import dev.omskit.routing.rule.Filters;
import dev.omskit.routing.rule.RankStep;
import dev.omskit.routing.rule.Rankers;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oms-routing's RoutingSourcing as the ShortPickRerouter of fulfilment requests. */
@DisplayName("Short picks re-routed by oms-routing")
class ShortPickRoutingTest {
    static final LocationId HANOI = LocationId.of("WH-HN");
    static final LocationId SAIGON = LocationId.of("WH-HCM");
    static final Sku SKU_1 = Sku.of("SKU-1");
    static final LineId L1 = LineId.of("L1");
    static final Actor WMS = Actor.system("wms");

    static final RoutingProfile NEAREST = RoutingProfile.builder()
            .name("nearest")
            .addFilters(Filters.active(), Filters.delivery(), Filters.skuRestrictions(), Filters.hasStock())
            .addRankers(RankStep.of(Rankers.distance()), RankStep.of(Rankers.priority()))
            .build();

    ManualClock clock;
    Inventory inventory;
    RoutingSourcing sourcing;
    Oms oms;

    @BeforeEach
    void setUp() {
        clock = ManualClock.at("2026-11-11T02:00:00Z");
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        catalog.put(
                Product.builder().tenant(TENANT).sku(SKU_1).name("Product 1").build());
        inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(location(HANOI, 1, GeoPoint.of(21.0285, 105.8542)));
        inventory.saveLocation(location(SAIGON, 2, GeoPoint.of(10.8494, 106.7537)));
        sourcing = RoutingSourcing.builder(
                        Router.builder().profile(NEAREST).clock(clock).build())
                .catalog(catalog)
                .build();
        oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .sourcing(sourcing)
                .shortPickRerouter(sourcing)
                .build();
        for (LocationId l : List.of(HANOI, SAIGON)) {
            inventory.receive(ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(l)
                    .addLines(ReceiptLine.good(SKU_1, 10))
                    .actor(WMS)
                    .build());
        }
    }

    static Location location(LocationId id, int priority, GeoPoint geo) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name("Warehouse " + id)
                .kind(LocationKind.WAREHOUSE_MAIN)
                .address(
                        Address.builder().from(OrderFixtures.address()).geo(geo).build())
                .addCapabilities(LocationCapability.SHIPS)
                .priority(priority)
                .build();
    }

    @Test
    void shortPickAtTheNearestWarehouse_excludedForTheOrder_missingUnitsGoToTheOtherOne() {
        Order order = oms.capture(OrderFixtures.capture()
                        .lines(List.of(line("SKU-1", 3, 100_000)))
                        .build())
                .order();
        order = oms.allocate(TENANT, order.id(), WMS);
        FulfilmentRequest r = oms.fulfilment()
                .release(ReleaseFulfilment.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .build())
                .request();
        assertThat(r.location()).as("nearest to Ho Chi Minh City").isEqualTo(SAIGON);
        oms.fulfilment()
                .accept(ChangeFulfilment.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .requestId(r.id())
                        .build());

        FulfilmentOutcome out = oms.fulfilment()
                .confirmPick(ConfirmPick.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .requestId(r.id())
                        .picked(Map.of(L1, 1))
                        .reason("2 units damaged")
                        .build());

        assertThat(out.rerouted()).isTrue();
        assertThat(sourcing.exclusions(TENANT, order.id())).containsEntry(SAIGON, "2 units damaged");
        Order after = out.order();
        assertThat(after.line(L1).orElseThrow().quantity(OrderStages.RELEASED))
                .as("the picked unit stays with its request")
                .isEqualTo(1);
        assertThat(after.line(L1).orElseThrow().quantity(OrderStages.ALLOCATED)).isEqualTo(2);
        assertThat(inventory.level(TENANT, SKU_1, HANOI).reserved()).isEqualTo(2);
        FulfilmentRequest second = oms.fulfilment()
                .release(ReleaseFulfilment.builder()
                        .tenant(TENANT)
                        .orderId(order.id())
                        .actor(WMS)
                        .build())
                .request();
        assertThat(second.location()).isEqualTo(HANOI);
        assertThat(second.requested()).isEqualTo(Map.of(L1, 2));
    }
}
