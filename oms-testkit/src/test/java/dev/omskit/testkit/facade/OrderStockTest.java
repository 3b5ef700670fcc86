package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.RecordPayment;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.core.order.OrderTriggers;
import dev.omskit.core.order.PaymentStates;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("An Oms with an inventory")
class OrderStockTest {
    static final LocationId NORTH = LocationId.of("WH-HN");
    static final LocationId SOUTH = LocationId.of("WH-HCM");
    static final Sku SKU_1 = Sku.of("SKU-1");
    static final Sku SKU_2 = Sku.of("SKU-2");

    ManualClock clock;
    Inventory inventory;
    Oms oms;

    @BeforeEach
    void setUp() {
        clock = ManualClock.at(Harness.START);
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        for (Sku sku : List.of(SKU_1, SKU_2)) {
            catalog.put(Product.builder()
                    .tenant(TENANT)
                    .sku(sku)
                    .name("Product " + sku)
                    .build());
        }
        inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(location(SOUTH, 1));
        inventory.saveLocation(location(NORTH, 2));
        oms = Oms.builder()
                .storage(InMemoryStorage.create())
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .build();
    }

    static Location location(LocationId id, int priority) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name("Warehouse " + id)
                .kind(LocationKind.WAREHOUSE_MAIN)
                .address(OrderFixtures.address())
                .addCapabilities(LocationCapability.SHIPS)
                .priority(priority)
                .build();
    }

    void receive(LocationId location, Sku sku, int units) {
        inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(location)
                .addLines(ReceiptLine.good(sku, units))
                .actor(Actor.agent("receiver"))
                .build());
    }

    Order capture(long units1, long units2, boolean paid) {
        var b = OrderFixtures.capture().lines(List.of()).addLines(line("SKU-1", units1, 100_000));
        if (units2 > 0) {
            b.addLines(line("SKU-2", units2, 50_000));
        }
        if (!paid) {
            b.paymentStatus(PaymentStates.PENDING);
        }
        return oms.capture(b.build()).order();
    }

    Order allocate(Order order) {
        return oms.transition(OrderFixtures.transition(order, OrderTriggers.ALLOCATE));
    }

    void pay(Order order) {
        oms.recordPayment(RecordPayment.builder()
                .tenant(TENANT)
                .orderId(order.id())
                .actor(Actor.system("gateway"))
                .trigger(PaymentStates.CAPTURE)
                .build());
    }

    List<Reservation> reservations(Order order) {
        return inventory.reservationsFor(TENANT, "order:" + order.id());
    }

    @Nested
    @DisplayName("allocating")
    class Allocating {
        @Test
        void allocate_withStockAtOneLocation_reservesThereAndConfirmsForAPaidOrder() {
            receive(SOUTH, SKU_1, 5);
            receive(SOUTH, SKU_2, 5);
            Order order = allocate(capture(2, 1, true));

            assertThat(order.quantity(OrderStages.ALLOCATED)).isEqualTo(3);
            assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isEqualTo(2);
            assertThat(inventory.level(TENANT, SKU_2, SOUTH).reserved()).isEqualTo(1);
            assertThat(reservations(order)).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED);
                assertThat(r.lines()).extracting(l -> l.ref()).containsExactly("L1@WH-HCM", "L2@WH-HCM");
            });
        }

        @Test
        void allocate_whenNoSingleLocationHasEverything_splitsByPriority() {
            receive(SOUTH, SKU_1, 1);
            receive(NORTH, SKU_1, 2);
            Order order = allocate(capture(3, 0, true));

            assertThat(inventory.level(TENANT, SKU_1, SOUTH).available()).isZero();
            assertThat(inventory.level(TENANT, SKU_1, NORTH).available()).isZero();
            assertThat(reservations(order).get(0).lines())
                    .extracting(l -> l.ref() + "=" + l.quantity())
                    .containsExactly("L1@WH-HCM=1", "L1@WH-HN=2");
        }

        @Test
        void allocate_withoutEnoughStock_isRejectedAndStoresNothing() {
            receive(SOUTH, SKU_1, 1);
            Order order = capture(2, 0, true);

            assertThatThrownBy(() -> allocate(order))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("INSUFFICIENT_STOCK"))
                    .hasMessageContaining("short by 1");
            assertThat(oms.get(TENANT, order.id()).version()).isEqualTo(order.version());
            assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isZero();
            assertThat(reservations(order)).isEmpty();
        }

        @Test
        void allocate_unpaidOrder_holdsStockUntilPaymentConfirmsIt() {
            receive(SOUTH, SKU_1, 5);
            Order order = allocate(capture(2, 0, false));
            assertThat(reservations(order))
                    .singleElement()
                    .extracting(Reservation::status)
                    .isEqualTo(ReservationStatus.HELD);

            pay(order);

            assertThat(reservations(order))
                    .singleElement()
                    .extracting(Reservation::status)
                    .isEqualTo(ReservationStatus.CONFIRMED);
        }

        @Test
        void recordPayment_justAfterTheHoldLapsedBeforeTheSweep_keepsTheStock() {
            receive(SOUTH, SKU_1, 5);
            Order order = allocate(capture(2, 0, false));
            clock.advance(oms.config().unpaidHold().plus(Duration.ofSeconds(1)));

            pay(order);

            assertThat(reservations(order))
                    .singleElement()
                    .extracting(Reservation::status)
                    .isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(oms.expireStockHolds(100)).isZero();
            assertThat(oms.get(TENANT, order.id()).quantity(OrderStages.ALLOCATED))
                    .isEqualTo(2);
            assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isEqualTo(2);
        }

        @Test
        void expireStockHolds_unpaidOrderPastItsHold_isDeallocatedAndStockComesBack() {
            receive(SOUTH, SKU_1, 5);
            Order order = allocate(capture(2, 0, false));
            clock.advance(oms.config().unpaidHold().plus(Duration.ofSeconds(1)));

            assertThat(oms.expireStockHolds(100)).isEqualTo(1);

            Order after = oms.get(TENANT, order.id());
            assertThat(after.quantity(OrderStages.CREATED)).isEqualTo(2);
            assertThat(after.quantity(OrderStages.ALLOCATED)).isZero();
            assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isZero();
            assertThat(reservations(order))
                    .allSatisfy(r -> assertThat(r.status().isOpen()).isFalse());
        }
    }

    @Nested
    @DisplayName("after allocation")
    class AfterAllocation {
        Order order;

        @BeforeEach
        void allocated() {
            receive(SOUTH, SKU_1, 10);
            receive(SOUTH, SKU_2, 10);
            order = allocate(capture(3, 2, true));
        }

        @Test
        void cancelPartially_releasesExactlyTheCancelledUnits() {
            oms.cancel(CancelOrder.builder()
                    .tenant(TENANT)
                    .orderId(order.id())
                    .actor(Actor.agent("agent-1"))
                    .reason("customer changed mind")
                    .putLines(LineId.of("L1"), 2)
                    .build());

            assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isEqualTo(1);
            assertThat(inventory.level(TENANT, SKU_2, SOUTH).reserved()).isEqualTo(2);
        }

        @Test
        void cancelAll_releasesEverything() {
            oms.cancel(OrderFixtures.cancelAll(TENANT, order.id(), "fraud"));

            assertThat(inventory.level(TENANT, SKU_1, SOUTH)).isEqualTo(new StockLevel(SKU_1, SOUTH, 10, 0, 0, 0, 0));
            assertThat(reservations(order))
                    .singleElement()
                    .extracting(Reservation::status)
                    .isEqualTo(ReservationStatus.RELEASED);
        }

        @Test
        void ship_consumesTheReservedUnitsFromOnHand() {
            Order released = oms.transition(OrderFixtures.transition(order, OrderTriggers.RELEASE));
            oms.transition(OrderFixtures.transition(released, OrderTriggers.SHIP, "L1", 3));

            assertThat(inventory.level(TENANT, SKU_1, SOUTH)).isEqualTo(new StockLevel(SKU_1, SOUTH, 7, 0, 0, 0, 0));
            assertThat(inventory.level(TENANT, SKU_2, SOUTH).reserved()).isEqualTo(2);
            assertThat(inventory.ledger(TENANT, SKU_1, SOUTH, 0, 10))
                    .extracting(
                            e -> e.movement().kind().name() + " " + e.movement().onHand())
                    .containsExactly("RECEIPT 10", "SHIPMENT -3");
        }

        @Test
        void deallocate_releasesTheUnits() {
            oms.transition(OrderFixtures.transition(order, OrderTriggers.DEALLOCATE));

            assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isZero();
            assertThat(inventory.level(TENANT, SKU_2, SOUTH).reserved()).isZero();
        }

        @Test
        void edit_removingAnAllocatedLine_releasesItsUnits() {
            oms.edit(EditOrder.builder()
                    .tenant(TENANT)
                    .orderId(order.id())
                    .actor(Actor.agent("agent-1"))
                    .addRemoveLines(LineId.of("L2"))
                    .build());

            assertThat(inventory.level(TENANT, SKU_2, SOUTH).reserved()).isZero();
            assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isEqualTo(3);
        }

        @Test
        void reconcileStock_runTwice_changesNothingMore() {
            oms.cancel(OrderFixtures.cancelAll(TENANT, order.id(), "fraud"));
            StockLevel before = inventory.level(TENANT, SKU_1, SOUTH);

            oms.reconcileStock(TENANT, order.id());
            oms.reconcileStock(TENANT, order.id());

            assertThat(inventory.level(TENANT, SKU_1, SOUTH)).isEqualTo(before);
        }
    }

    @Test
    void close_detachesTheFacadeFromItsInventory_receiptsNoLongerFillItsBackorders() {
        Order order = oms.transition(OrderFixtures.transition(
                oms.capture(OrderFixtures.capture().build()).order(), OrderTriggers.BACKORDER));
        assertThat(inventory.openBackorders(TENANT, SKU_1, 10)).hasSize(1);
        oms.close();
        oms.close();

        receive(SOUTH, SKU_1, 5);

        assertThat(oms.get(TENANT, order.id()).quantity(OrderStages.BACKORDERED))
                .isEqualTo(2);
        assertThat(inventory.level(TENANT, SKU_1, SOUTH).reserved()).isZero();
    }

    @Test
    @DisplayName("orders racing for a hot SKU never allocate more than the stock")
    void allocate_manyThreadsOnOneHotSku_neverOversells() throws Exception {
        receive(SOUTH, SKU_1, 50);
        AtomicInteger allocatedUnits = new AtomicInteger();
        List<Integer> perThread = Race.run(8, t -> () -> {
            int mine = 0;
            for (int i = 0; i < 20; i++) {
                Order o = capture(1 + (i % 3), 0, true);
                try {
                    Order a = allocate(o);
                    mine += a.quantity(OrderStages.ALLOCATED);
                } catch (OrderRejectedException e) {
                    assertThat(e.rejection().code()).isEqualTo("INSUFFICIENT_STOCK");
                }
            }
            allocatedUnits.addAndGet(mine);
            return mine;
        });

        StockLevel level = inventory.level(TENANT, SKU_1, SOUTH);
        assertThat(perThread).hasSize(8);
        assertThat(level.reserved()).isEqualTo(allocatedUnits.get());
        assertThat(level.reserved()).isLessThanOrEqualTo(50);
        assertThat(level.available()).isLessThan(3);
        int allocatedInOrders = oms
                .query(
                        TENANT,
                        dev.omskit.core.spi.OrderQuery.builder().limit(1000).build())
                .stream()
                .mapToInt(o -> o.quantity(OrderStages.ALLOCATED))
                .sum();
        assertThat(allocatedInOrders).isEqualTo(level.reserved());
        assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
    }

    @Test
    @DisplayName(
            "8 threads mixing allocate, cancel, deallocate, release and ship on shared orders keep order and stock in step")
    void commands_eightThreadsOnSharedOrders_reservationsMatchUnits() throws Exception {
        receive(SOUTH, SKU_1, 40);
        receive(NORTH, SKU_1, 40);
        receive(SOUTH, SKU_2, 30);
        List<Order> shared = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            shared.add(capture(1 + i % 4, i % 3, true));
        }
        Race.run(8, t -> () -> {
            java.util.Random random = new java.util.Random(17L * t + 3);
            for (int n = 0; n < 150; n++) {
                Order target = oms.get(
                        TENANT, shared.get(random.nextInt(shared.size())).id());
                try {
                    switch (random.nextInt(6)) {
                        case 0, 1 -> allocate(target);
                        case 2 -> oms.transition(OrderFixtures.transition(target, OrderTriggers.DEALLOCATE));
                        case 3 -> oms.transition(OrderFixtures.transition(target, OrderTriggers.RELEASE));
                        case 4 -> oms.transition(OrderFixtures.transition(target, OrderTriggers.SHIP, "L1", 1));
                        default -> oms.cancel(CancelOrder.builder()
                                .tenant(TENANT)
                                .orderId(target.id())
                                .actor(Actor.agent("agent-1"))
                                .reason("race")
                                .putLines(LineId.of("L1"), 1)
                                .build());
                    }
                } catch (OrderRejectedException | dev.omskit.core.error.ConflictException expected) {
                    // the order was in a state that refuses it, or kept clashing
                }
            }
            return null;
        });

        int holding1 = 0;
        int shipped1 = 0;
        for (Order o : shared) {
            Order now = oms.get(TENANT, o.id());
            for (var line : now.lines()) {
                int holding = line.quantity(OrderStages.ALLOCATED) + line.quantity(OrderStages.RELEASED);
                int open = 0;
                int consumed = 0;
                for (Reservation r : reservations(now)) {
                    for (var rl : r.lines()) {
                        if (rl.ref().startsWith(line.id() + "@")) {
                            open += r.status().isOpen() ? rl.open() : 0;
                            consumed += rl.consumed();
                        }
                    }
                }
                assertThat(open)
                        .as("reserved units of %s %s", now.id(), line.id())
                        .isEqualTo(holding);
                assertThat(consumed)
                        .as("consumed units of %s %s", now.id(), line.id())
                        .isEqualTo(line.quantity(OrderStages.SHIPPED));
                if (line.sku().equals(SKU_1)) {
                    holding1 += holding;
                    shipped1 += line.quantity(OrderStages.SHIPPED);
                }
            }
        }
        StockLevel south = inventory.level(TENANT, SKU_1, SOUTH);
        StockLevel north = inventory.level(TENANT, SKU_1, NORTH);
        assertThat(south.reserved() + north.reserved()).isEqualTo(holding1);
        assertThat(south.onHand() + north.onHand()).isEqualTo(80 - shipped1);
        assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
    }
}
