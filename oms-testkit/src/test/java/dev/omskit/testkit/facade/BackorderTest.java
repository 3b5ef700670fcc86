package dev.omskit.testkit.facade;

import static dev.omskit.testkit.OrderFixtures.TENANT;
import static dev.omskit.testkit.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.Inventory;
import dev.omskit.core.Oms;
import dev.omskit.core.command.CancelOrder;
import dev.omskit.core.command.EditOrder;
import dev.omskit.core.command.PlaceHold;
import dev.omskit.core.command.ReleaseHold;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.BackorderKind;
import dev.omskit.core.inventory.CreatePurchaseOrder;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.order.HoldType;
import dev.omskit.core.order.Order;
import dev.omskit.core.order.OrderRejectedException;
import dev.omskit.core.order.OrderStages;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryInventoryStore;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.store.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DisplayName("An Oms with an inventory: backorders and preorders")
class BackorderTest {
    static final LocationId SOUTH = LocationId.of("WH-HCM");
    /** May be backordered. */
    static final Sku BACK = Sku.of("SKU-BACK");
    /** May neither be backordered nor preordered. */
    static final Sku PLAIN = Sku.of("SKU-PLAIN");
    /** May be preordered, at most 5 units waiting at once. */
    static final Sku PRE = Sku.of("SKU-PRE");

    static final Actor AGENT = Actor.agent("agent-1");
    static final LineId L1 = LineId.of("L1");

    ManualClock clock;
    Inventory inventory;
    Oms oms;
    InMemoryStorage storage;

    @BeforeEach
    void setUp() {
        clock = ManualClock.at(Harness.START);
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        catalog.put(product(BACK).addFlags(ProductFlag.BACKORDERABLE).build());
        catalog.put(product(PLAIN).build());
        catalog.put(
                product(PRE).addFlags(ProductFlag.PREORDERABLE).preorderCap(5).build());
        inventory = Inventory.builder()
                .store(InMemoryInventoryStore.create())
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .build();
        inventory.saveLocation(Location.builder()
                .tenant(TENANT)
                .id(SOUTH)
                .name("Warehouse " + SOUTH)
                .kind(LocationKind.WAREHOUSE_MAIN)
                .address(OrderFixtures.address())
                .addCapabilities(LocationCapability.SHIPS)
                .build());
        storage = InMemoryStorage.create();
        oms = Oms.builder()
                .storage(storage)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .inventory(inventory)
                .build();
    }

    @AfterEach
    void orderAndStockAgree() {
        assertThat(inventory.checkDrift(TENANT).isClean())
                .as("counters and ledger agree: %s", inventory.checkDrift(TENANT))
                .isTrue();
    }

    static Product.Builder product(Sku sku) {
        return Product.builder().tenant(TENANT).sku(sku).name("Product " + sku);
    }

    void receive(Sku sku, int units) {
        inventory.receive(ReceiveGoods.builder()
                .tenant(TENANT)
                .location(SOUTH)
                .addLines(ReceiptLine.good(sku, units))
                .actor(Actor.agent("receiver"))
                .build());
    }

    PurchaseOrder confirmedPurchaseOrder(Sku sku, int units) {
        PurchaseOrder po = inventory.createPurchaseOrder(CreatePurchaseOrder.builder()
                .tenant(TENANT)
                .supplier("SUP-1")
                .location(SOUTH)
                .putLines(sku, units)
                .expectedAt(clock.instant().plus(Duration.ofDays(7)))
                .actor(Actor.agent("buyer"))
                .build());
        return inventory.confirmPurchaseOrder(TENANT, po.id());
    }

    PurchaseOrder receivePurchaseOrder(PurchaseOrder po, Sku sku, int units) {
        return inventory.receivePurchaseOrder(ReceivePurchaseOrder.builder()
                .tenant(TENANT)
                .purchaseOrder(po.id())
                .addLines(ReceiptLine.good(sku, units))
                .actor(Actor.agent("receiver"))
                .build());
    }

    /** A paid order of {@code units} of {@code sku} (line L1). */
    Order capture(Sku sku, int units) {
        return oms.capture(OrderFixtures.capture()
                        .lines(List.of())
                        .addLines(line(sku.value(), units, 100_000))
                        .build())
                .order();
    }

    Order allocate(Order order) {
        return oms.allocate(TENANT, order.id(), AGENT);
    }

    Order get(Order order) {
        return oms.get(TENANT, order.id());
    }

    List<Backorder> backorders(Order order) {
        return inventory.backordersFor(TENANT, "order:" + order.id());
    }

    int reserved(Sku sku) {
        return inventory.level(TENANT, sku, SOUTH).reserved();
    }

    static int units(Order order, dev.omskit.core.lifecycle.State stage) {
        return order.line(L1).orElseThrow().quantity(stage);
    }

    // ------------------------------------------------------------------------------------------ allocate

    @Nested
    @DisplayName("allocate")
    class Allocate {
        @Test
        void allocate_enoughStock_allocatesEverythingWithoutBackorder() {
            receive(BACK, 5);

            Order order = allocate(capture(BACK, 3));

            assertThat(units(order, OrderStages.ALLOCATED)).isEqualTo(3);
            assertThat(units(order, OrderStages.BACKORDERED)).isZero();
            assertThat(reserved(BACK)).isEqualTo(3);
            assertThat(backorders(order)).isEmpty();
        }

        @Test
        void allocate_shortOnBackorderableSku_allocatesWhatThereIsAndBackordersTheRest() {
            receive(BACK, 2);

            Order order = allocate(capture(BACK, 5));

            assertThat(order.line(L1).orElseThrow().quantities().byStage())
                    .containsEntry(OrderStages.ALLOCATED, 2)
                    .containsEntry(OrderStages.BACKORDERED, 3);
            assertThat(get(order)).isEqualTo(order);
            assertThat(reserved(BACK)).isEqualTo(2);
            assertThat(backorders(order)).singleElement().satisfies(b -> {
                assertThat(b.sku()).isEqualTo(BACK);
                assertThat(b.lineRef()).isEqualTo("L1");
                assertThat(b.units()).isEqualTo(3);
                assertThat(b.kind()).isEqualTo(BackorderKind.BACKORDER);
                assertThat(b.since()).isEqualTo(clock.instant());
            });
            assertThat(inventory.openBackorders(TENANT, BACK, 10)).isEqualTo(backorders(order));
        }

        @Test
        void allocate_noStockAtAllOnBackorderableSku_backordersEverything() {
            Order order = allocate(capture(BACK, 4));

            assertThat(units(order, OrderStages.BACKORDERED)).isEqualTo(4);
            assertThat(units(order, OrderStages.ALLOCATED)).isZero();
            assertThat(backorders(order)).extracting(Backorder::units).containsExactly(4);
        }

        @Test
        void allocate_shortOnPlainSku_isRefusedNotBackorderableAndChangesNothing() {
            receive(PLAIN, 2);
            Order order = capture(PLAIN, 5);
            StockLevel before = inventory.level(TENANT, PLAIN, SOUTH);

            assertThatThrownBy(() -> allocate(order))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("NOT_BACKORDERABLE"))
                    .hasMessageContaining("L1");

            assertThat(get(order).version()).isEqualTo(order.version());
            assertThat(get(order)).isEqualTo(order);
            assertThat(inventory.level(TENANT, PLAIN, SOUTH)).isEqualTo(before);
            assertThat(inventory.reservationsFor(TENANT, "order:" + order.id())).isEmpty();
            assertThat(backorders(order)).isEmpty();
        }

        @Test
        void allocate_oneShortLineMayWaitTheOtherMayNot_isRefusedAndAllocatesNothing() {
            receive(BACK, 1);
            receive(PLAIN, 1);
            Order order = oms.capture(OrderFixtures.capture()
                            .lines(List.of())
                            .addLines(line(BACK.value(), 3, 100_000))
                            .addLines(line(PLAIN.value(), 2, 50_000))
                            .build())
                    .order();

            assertThatThrownBy(() -> allocate(order))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("NOT_BACKORDERABLE"))
                    .hasMessageContaining("L2")
                    .hasMessageNotContaining("line 'L1'");

            assertThat(get(order)).isEqualTo(order);
            assertThat(reserved(BACK)).isZero();
            assertThat(reserved(PLAIN)).isZero();
            assertThat(backorders(order)).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ preorders

    @Nested
    @DisplayName("preorders")
    class Preorders {
        @Test
        void allocate_preorderWithinAllowance_waitsAsPreorder() {
            confirmedPurchaseOrder(PRE, 8);
            assertThat(inventory.preorderAllowance(TENANT, PRE)).isEqualTo(5);

            Order order = allocate(capture(PRE, 3));

            assertThat(units(order, OrderStages.BACKORDERED)).isEqualTo(3);
            assertThat(backorders(order))
                    .extracting(Backorder::kind, Backorder::units)
                    .containsExactly(tuple(BackorderKind.PREORDER, 3));
            assertThat(inventory.preorderAllowance(TENANT, PRE)).isEqualTo(2);
        }

        @Test
        void allocate_preorderBeyondAllowance_isRefusedAndChangesNothing() {
            confirmedPurchaseOrder(PRE, 8);
            allocate(capture(PRE, 3));
            Order order = capture(PRE, 3);

            assertThatThrownBy(() -> allocate(order))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("NOT_BACKORDERABLE"))
                    .hasMessageContaining("only 2 more may be preordered");

            assertThat(get(order)).isEqualTo(order);
            assertThat(backorders(order)).isEmpty();
            assertThat(inventory.preorderAllowance(TENANT, PRE)).isEqualTo(2);
        }

        @Test
        void allocate_twoLinesOfOnePreorderSkuTogetherBeyondAllowance_isRefused() {
            confirmedPurchaseOrder(PRE, 8);
            Order order = oms.capture(OrderFixtures.capture()
                            .lines(List.of())
                            .addLines(line(PRE.value(), 3, 100_000))
                            .addLines(line(PRE.value(), 3, 90_000))
                            .build())
                    .order();

            assertThatThrownBy(() -> allocate(order))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("NOT_BACKORDERABLE"));

            assertThat(get(order)).isEqualTo(order);
            assertThat(inventory.openBackorders(TENANT, PRE, 10)).isEmpty();
            assertThat(inventory.preorderAllowance(TENANT, PRE)).isEqualTo(5);
        }

        @Test
        void allocate_twoLinesOfOnePreorderSkuTogetherWithinAllowance_preordersBoth() {
            confirmedPurchaseOrder(PRE, 8);
            Order order = oms.capture(OrderFixtures.capture()
                            .lines(List.of())
                            .addLines(line(PRE.value(), 3, 100_000))
                            .addLines(line(PRE.value(), 2, 90_000))
                            .build())
                    .order();

            Order after = allocate(order);

            assertThat(after.quantity(OrderStages.BACKORDERED)).isEqualTo(5);
            assertThat(backorders(order))
                    .extracting(Backorder::lineRef, Backorder::units, Backorder::kind)
                    .containsExactlyInAnyOrder(
                            tuple("L1", 3, BackorderKind.PREORDER), tuple("L2", 2, BackorderKind.PREORDER));
            assertThat(inventory.preorderAllowance(TENANT, PRE)).isZero();
        }

        @Test
        void allocate_againWhilePreordered_keepsThePreorderInsteadOfCountingItAgainstItself() {
            confirmedPurchaseOrder(PRE, 8);
            Order order = allocate(capture(PRE, 4));
            Backorder before = backorders(order).get(0);
            assertThat(inventory.preorderAllowance(TENANT, PRE)).isEqualTo(1);

            Order again = allocate(get(order));

            assertThat(units(again, OrderStages.BACKORDERED)).isEqualTo(4);
            assertThat(backorders(order)).containsExactly(before);
        }

        @Test
        void allocate_againWhilePreorderedWithSomeStockArrived_allocatesItAndTheRestWaits() {
            confirmedPurchaseOrder(PRE, 8);
            Order order = allocate(capture(PRE, 4));
            oms.placeHold(PlaceHold.builder()
                    .tenant(TENANT)
                    .orderId(order.id())
                    .actor(AGENT)
                    .type(HoldType.MANUAL)
                    .reason("check payment")
                    .build());
            receive(PRE, 1);
            oms.releaseHold(ReleaseHold.builder()
                    .tenant(TENANT)
                    .orderId(order.id())
                    .actor(AGENT)
                    .type(HoldType.MANUAL)
                    .note("paid")
                    .build());

            Order again = allocate(get(order));

            assertThat(units(again, OrderStages.ALLOCATED)).isEqualTo(1);
            assertThat(units(again, OrderStages.BACKORDERED)).isEqualTo(3);
            assertThat(backorders(order)).extracting(Backorder::units).containsExactly(3);
        }

        @Test
        void allocate_preorderWithoutExpectedSupply_isRefused() {
            Order order = capture(PRE, 1);

            assertThatThrownBy(() -> allocate(order))
                    .isInstanceOfSatisfying(
                            OrderRejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("NOT_BACKORDERABLE"));
            assertThat(get(order)).isEqualTo(order);
        }

        @Test
        void receivePurchaseOrder_preorderWaiting_isAllocatedAndThePreorderClosed() {
            PurchaseOrder po = confirmedPurchaseOrder(PRE, 8);
            Order order = allocate(capture(PRE, 3));

            receivePurchaseOrder(po, PRE, 8);

            assertThat(units(get(order), OrderStages.ALLOCATED)).isEqualTo(3);
            assertThat(backorders(order)).singleElement().satisfies(b -> assertThat(b.isOpen())
                    .isFalse());
            assertThat(reserved(PRE)).isEqualTo(3);
            assertThat(inventory.preorderAllowance(TENANT, PRE))
                    .as("nothing incoming any more")
                    .isZero();
        }
    }

    // ------------------------------------------------------------------------------------------ filling

    @Nested
    @DisplayName("filling backorders from new supply")
    class Filling {
        Order first;
        Order second;
        Order third;

        @BeforeEach
        void threeBackorderedOrders() {
            first = allocate(capture(BACK, 2));
            clock.advance(Duration.ofMinutes(1));
            second = allocate(capture(BACK, 2));
            clock.advance(Duration.ofMinutes(1));
            third = allocate(capture(BACK, 2));
            assertThat(inventory.openBackorders(TENANT, BACK, 10))
                    .extracting(Backorder::reference)
                    .containsExactly("order:" + first.id(), "order:" + second.id(), "order:" + third.id());
        }

        @Test
        void receive_coveringTheTwoOldest_allocatesThemAndTheThirdStillWaits() {
            receive(BACK, 4);

            assertThat(units(get(first), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(second), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(third), OrderStages.BACKORDERED)).isEqualTo(2);
            assertThat(units(get(third), OrderStages.ALLOCATED)).isZero();
            assertThat(inventory.openBackorders(TENANT, BACK, 10))
                    .extracting(Backorder::reference, Backorder::units)
                    .containsExactly(tuple("order:" + third.id(), 2));
            assertThat(backorders(first)).extracting(Backorder::units).containsExactly(0);
            assertThat(inventory.level(TENANT, BACK, SOUTH)).isEqualTo(new StockLevel(BACK, SOUTH, 4, 4, 0, 0, 0));
        }

        @Test
        void receive_coveringTheOldestInPart_fillsItPartlyAndKeepsItsPlace() {
            Backorder before = backorders(first).get(0);

            receive(BACK, 1);

            Order after = get(first);
            assertThat(units(after, OrderStages.ALLOCATED)).isEqualTo(1);
            assertThat(units(after, OrderStages.BACKORDERED)).isEqualTo(1);
            assertThat(units(get(second), OrderStages.BACKORDERED)).isEqualTo(2);
            assertThat(inventory.openBackorders(TENANT, BACK, 10))
                    .extracting(Backorder::reference, Backorder::units)
                    .containsExactly(
                            tuple("order:" + first.id(), 1),
                            tuple("order:" + second.id(), 2),
                            tuple("order:" + third.id(), 2));
            assertThat(backorders(first).get(0).since()).isEqualTo(before.since());

            receive(BACK, 3);

            assertThat(units(get(first), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(second), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(third), OrderStages.BACKORDERED)).isEqualTo(2);
            assertThat(reserved(BACK)).isEqualTo(4);
        }

        @Test
        void receivePurchaseOrder_fillsOldestFirst() {
            PurchaseOrder po = confirmedPurchaseOrder(BACK, 10);

            receivePurchaseOrder(po, BACK, 3);

            assertThat(units(get(first), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(second), OrderStages.ALLOCATED)).isEqualTo(1);
            assertThat(units(get(second), OrderStages.BACKORDERED)).isEqualTo(1);
            assertThat(units(get(third), OrderStages.BACKORDERED)).isEqualTo(2);
            assertThat(inventory.openBackorders(TENANT, BACK, 10))
                    .extracting(Backorder::reference, Backorder::units)
                    .containsExactly(tuple("order:" + second.id(), 1), tuple("order:" + third.id(), 2));
        }

        @Test
        void receive_moreThanAllBackorders_fillsThemAllAndLeavesTheRestAvailable() {
            receive(BACK, 10);

            for (Order o : List.of(first, second, third)) {
                assertThat(units(get(o), OrderStages.ALLOCATED)).isEqualTo(2);
            }
            assertThat(inventory.openBackorders(TENANT, BACK, 10)).isEmpty();
            assertThat(inventory.level(TENANT, BACK, SOUTH).available()).isEqualTo(4);
        }

        @Test
        void cancel_backorderedOrder_closesItsBackorderAndTheNextInLineIsFilled() {
            oms.cancel(OrderFixtures.cancelAll(TENANT, first.id(), "customer gave up"));

            assertThat(backorders(first)).extracting(Backorder::units).containsExactly(0);

            receive(BACK, 2);

            assertThat(units(get(first), OrderStages.CANCELLED)).isEqualTo(2);
            assertThat(units(get(second), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(third), OrderStages.BACKORDERED)).isEqualTo(2);
        }

        @Test
        void placeHold_onTheOldest_isSkippedNotLost() {
            oms.placeHold(PlaceHold.builder()
                    .tenant(TENANT)
                    .orderId(first.id())
                    .actor(AGENT)
                    .type(HoldType.MANUAL)
                    .reason("customer asked to wait")
                    .build());

            receive(BACK, 2);

            assertThat(units(get(first), OrderStages.BACKORDERED)).isEqualTo(2);
            assertThat(units(get(second), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(inventory.openBackorders(TENANT, BACK, 10))
                    .extracting(Backorder::reference)
                    .containsExactly("order:" + first.id(), "order:" + third.id());

            oms.releaseHold(ReleaseHold.builder()
                    .tenant(TENANT)
                    .orderId(first.id())
                    .actor(AGENT)
                    .type(HoldType.MANUAL)
                    .note("customer is ready")
                    .build());
            receive(BACK, 2);

            assertThat(units(get(first), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(third), OrderStages.BACKORDERED)).isEqualTo(2);
        }

        @Test
        void releaseHold_withStockArrivedMeanwhile_waitsUntilAllocatedAgain() {
            oms.placeHold(PlaceHold.builder()
                    .tenant(TENANT)
                    .orderId(first.id())
                    .actor(AGENT)
                    .type(HoldType.MANUAL)
                    .reason("check address")
                    .build());
            oms.cancel(OrderFixtures.cancelAll(TENANT, second.id(), "duplicate"));
            oms.cancel(OrderFixtures.cancelAll(TENANT, third.id(), "duplicate"));
            receive(BACK, 2);
            assertThat(units(get(first), OrderStages.BACKORDERED)).isEqualTo(2);
            assertThat(inventory.level(TENANT, BACK, SOUTH).available()).isEqualTo(2);

            oms.releaseHold(ReleaseHold.builder()
                    .tenant(TENANT)
                    .orderId(first.id())
                    .actor(AGENT)
                    .type(HoldType.MANUAL)
                    .note("address fine")
                    .build());
            Order allocated = allocate(get(first));

            assertThat(units(allocated, OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(backorders(first)).extracting(Backorder::units).containsExactly(0);
        }

        @Test
        void adjust_positive_fillsTheOldest() {
            inventory.adjust(AdjustStock.builder()
                    .tenant(TENANT)
                    .sku(BACK)
                    .location(SOUTH)
                    .delta(2)
                    .reason("found in the back room")
                    .actor(AGENT)
                    .build());

            assertThat(units(get(first), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(units(get(second), OrderStages.BACKORDERED)).isEqualTo(2);
        }

        @Test
        void edit_removingTheBackorderedLine_closesItsBackorder() {
            oms.edit(EditOrder.builder()
                    .tenant(TENANT)
                    .orderId(first.id())
                    .actor(AGENT)
                    .addLines(List.of(line(BACK.value(), 1, 100_000)))
                    .addRemoveLines(L1)
                    .build());

            assertThat(backorders(first))
                    .filteredOn(b -> b.lineRef().equals("L1"))
                    .extracting(Backorder::units)
                    .containsExactly(0);
            receive(BACK, 2);
            assertThat(units(get(second), OrderStages.ALLOCATED)).isEqualTo(2);
        }

        @Test
        void receive_backorderOfAnOrderThatDoesNotExist_isClosedAndTheNextIsFilled() {
            clock.set(java.time.Instant.parse(Harness.START).minusSeconds(60));
            inventory.recordBackorder(TENANT, "order:ghost", "L1", BACK, 2, BackorderKind.BACKORDER);

            receive(BACK, 2);

            assertThat(inventory.backordersFor(TENANT, "order:ghost"))
                    .extracting(Backorder::units)
                    .containsExactly(0);
            assertThat(units(get(first), OrderStages.ALLOCATED)).isEqualTo(2);
        }

        @Test
        void receive_backorderOfAnotherKindOfHolder_isLeftAloneAndTheNextIsFilled() {
            clock.set(java.time.Instant.parse(Harness.START).minusSeconds(60));
            Backorder cart = inventory.recordBackorder(TENANT, "cart:c-1", "L1", BACK, 2, BackorderKind.BACKORDER);

            receive(BACK, 2);

            assertThat(inventory.backordersFor(TENANT, "cart:c-1")).containsExactly(cart);
            assertThat(units(get(first), OrderStages.ALLOCATED)).isEqualTo(2);
        }
    }

    // ----------------------------------------------------------------------------- cancel and release

    @Nested
    @DisplayName("cancelling and releasing")
    class CancelAndRelease {
        @Test
        void cancel_partOfTheBackorderedUnits_shrinksTheBackorder() {
            Order order = allocate(capture(BACK, 4));

            oms.cancel(CancelOrder.builder()
                    .tenant(TENANT)
                    .orderId(order.id())
                    .actor(AGENT)
                    .reason("customer wants fewer")
                    .putLines(L1, 1)
                    .build());

            assertThat(units(get(order), OrderStages.BACKORDERED)).isEqualTo(3);
            assertThat(backorders(order)).extracting(Backorder::units).containsExactly(3);
        }

        @Test
        void cancel_orderAllocatedInPartAndBackorderedInPart_releasesStockAndClosesTheBackorder() {
            receive(BACK, 2);
            Order order = allocate(capture(BACK, 5));

            oms.cancel(OrderFixtures.cancelAll(TENANT, order.id(), "fraud"));

            assertThat(units(get(order), OrderStages.CANCELLED)).isEqualTo(5);
            assertThat(backorders(order)).singleElement().satisfies(b -> assertThat(b.isOpen())
                    .isFalse());
            assertThat(inventory.openBackorders(TENANT, BACK, 10)).isEmpty();
            assertThat(inventory.level(TENANT, BACK, SOUTH)).isEqualTo(new StockLevel(BACK, SOUTH, 2, 0, 0, 0, 0));
        }

        @Test
        void cancel_ofAnAllocatedOrder_releasedStockFillsTheBackorders() {
            receive(BACK, 3);
            Order allocated = allocate(capture(BACK, 3));
            clock.advance(Duration.ofMinutes(1));
            Order waiting = allocate(capture(BACK, 2));
            assertThat(units(waiting, OrderStages.BACKORDERED)).isEqualTo(2);

            oms.cancel(OrderFixtures.cancelAll(TENANT, allocated.id(), "customer changed mind"));

            assertThat(units(get(waiting), OrderStages.ALLOCATED)).isEqualTo(2);
            assertThat(backorders(waiting)).extracting(Backorder::units).containsExactly(0);
            assertThat(inventory.level(TENANT, BACK, SOUTH)).isEqualTo(new StockLevel(BACK, SOUTH, 3, 2, 0, 0, 0));
        }

        @Test
        void reconcileStock_backorderedOrder_keepsOneRecordEqualToItsBackorderedUnits() {
            receive(BACK, 1);
            Order order = allocate(capture(BACK, 3));

            oms.reconcileStock(TENANT, order.id());
            oms.reconcileStock(TENANT, order.id());

            assertThat(backorders(order))
                    .extracting(Backorder::lineRef, Backorder::units)
                    .containsExactly(tuple("L1", 2));
            assertThat(backorders(order).get(0).version()).isEqualTo(1);
            assertThat(reserved(BACK)).isEqualTo(1);
        }

        @Test
        void allocate_againWithoutNewStock_keepsTheBackorderAsItIs() {
            Order order = allocate(capture(BACK, 3));
            Backorder before = backorders(order).get(0);

            Order again = allocate(get(order));

            assertThat(units(again, OrderStages.BACKORDERED)).isEqualTo(3);
            assertThat(backorders(order)).containsExactly(before);
            assertThat(reserved(BACK)).isZero();
        }
    }

    @RepeatedTest(10)
    @DisplayName("receipts racing on eight threads fill every backorder and the orders' units are all held")
    void receive_eightThreadsRacing_fillEveryBackorderWithoutOverAllocating() throws Exception {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(allocate(capture(BACK, 4)));
            clock.advance(Duration.ofSeconds(1));
        }

        Race.run(8, t -> () -> {
            for (int i = 0; i < 2; i++) {
                receive(BACK, 1);
            }
            return t;
        });

        int allocated = 0;
        for (Order o : orders) {
            allocated += units(get(o), OrderStages.ALLOCATED);
        }
        StockLevel level = inventory.level(TENANT, BACK, SOUTH);
        assertThat(level.onHand()).isEqualTo(16);
        assertThat(allocated).as("units allocated in orders are reserved").isEqualTo(level.reserved());
        assertThat(allocated).as("every received unit went to a waiting order").isEqualTo(16);
        assertThat(inventory.openBackorders(TENANT, BACK, 10)).isEmpty();
    }
}
