package dev.omskit.testkit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.ChannelStockPolicy;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.inventory.StockRejectedException;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stock of record held by an external system")
class ExternalStockOfRecordTest {
    static final TenantId TENANT = OrderFixtures.TENANT;
    static final Sku SKU = Sku.of("SKU-1");
    static final LocationId ERP_WH = LocationId.of("ERP-WH");
    static final ChannelId SHOPEE = OrderFixtures.SHOPEE.id();

    final Map<LocationId, Integer> erp = new ConcurrentHashMap<>();
    final InMemoryInventoryStore store = InMemoryInventoryStore.create();
    Inventory inventory;

    @BeforeEach
    void setUp() {
        inventory = Inventory.builder()
                .store(store)
                .catalog(InMemoryProductCatalog.create()
                        .put(Product.builder()
                                .tenant(TENANT)
                                .sku(SKU)
                                .name("Product 1")
                                .build()))
                .clock(ManualClock.at("2026-11-11T08:00:00Z"))
                .idGenerator(SequentialIds.create())
                .config(InventoryConfig.builder()
                        .policy(ChannelStockPolicy.builder()
                                .channel(SHOPEE)
                                .bufferUnits(2)
                                .build())
                        .build())
                .stockOfRecordElsewhere(
                        (tenant, sku) -> tenant.equals(TENANT) && sku.equals(SKU) ? Map.copyOf(erp) : Map.of())
                .build();
        inventory.saveLocation(Location.builder()
                .tenant(TENANT)
                .id(ERP_WH)
                .name("ERP warehouse")
                .kind(LocationKind.THIRD_PARTY_LOGISTICS)
                .address(OrderFixtures.address())
                .addCapabilities(LocationCapability.SHIPS)
                .build());
        erp.put(ERP_WH, 10);
    }

    @Test
    void availability_comesFromTheSourceWithTheChannelPolicy() {
        assertThat(inventory.stockOfRecordElsewhere()).isTrue();
        assertThat(inventory.level(TENANT, SKU, ERP_WH).available()).isEqualTo(10);
        assertThat(inventory.availability(TENANT, SKU, SHOPEE).atp()).isEqualTo(8);
        erp.put(ERP_WH, 3);
        assertThat(inventory.availability(TENANT, SKU, SHOPEE).atp()).isEqualTo(1);
    }

    @Test
    void reserve_recordsTheReservationWithoutTakingLocalUnits() {
        ReserveResult result = inventory.reserve(ReserveStock.builder()
                .tenant(TENANT)
                .reference("order:o-1")
                .addLines(StockLine.of("L1", SKU, ERP_WH, 4))
                .actor(Actor.system("test"))
                .build());

        assertThat(result.isReserved()).isTrue();
        assertThat(inventory.reservationsFor(TENANT, "order:o-1")).hasSize(1);
        assertThat(store.allLevels(TENANT)).isEmpty();
        assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
    }

    @Test
    void localMovements_areRefusedAndStoreNothing() {
        assertThatThrownBy(() -> inventory.receive(ReceiveGoods.builder()
                        .tenant(TENANT)
                        .location(ERP_WH)
                        .addLines(ReceiptLine.good(SKU, 5))
                        .actor(Actor.agent("receiver"))
                        .build()))
                .isInstanceOfSatisfying(StockRejectedException.class, e -> assertThat(e.code())
                        .isEqualTo(StockRejectedException.STOCK_OF_RECORD_ELSEWHERE));
        assertThatThrownBy(() -> inventory.adjust(AdjustStock.builder()
                        .tenant(TENANT)
                        .sku(SKU)
                        .location(ERP_WH)
                        .delta(-1)
                        .reason("broken")
                        .actor(Actor.agent("ops"))
                        .build()))
                .isInstanceOf(StockRejectedException.class);
        assertThat(store.allLevels(TENANT)).isEmpty();
        assertThat(store.ledger(TENANT, SKU, ERP_WH, 0, 10)).isEmpty();
    }

    @Test
    void oms_allocatesAgainstTheExternalAvailability() {
        Oms oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .build();
        erp.put(ERP_WH, 2);
        Order order = oms.capture(OrderFixtures.capture().build()).order(); // 2 x SKU-1

        Order allocated = oms.transition(OrderFixtures.transition(order, OrderTriggers.ALLOCATE));
        assertThat(allocated.quantity(OrderStages.ALLOCATED)).isEqualTo(2);

        erp.put(ERP_WH, 1);
        Order second = oms.capture(OrderFixtures.capture().build()).order();
        assertThatThrownBy(() -> oms.transition(OrderFixtures.transition(second, OrderTriggers.ALLOCATE)))
                .isInstanceOfSatisfying(
                        OrderRejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("INSUFFICIENT_STOCK"));
        assertThat(oms.get(TENANT, second.id()).quantity(OrderStages.CREATED)).isEqualTo(2);
    }
}
