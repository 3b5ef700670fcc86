package dev.omskit.testkit.inventory;

import static dev.omskit.testkit.inventory.InventoryFixture.ACTOR;
import static dev.omskit.testkit.inventory.InventoryFixture.CAP;
import static dev.omskit.testkit.inventory.InventoryFixture.MUG;
import static dev.omskit.testkit.inventory.InventoryFixture.STORE_Q1;
import static dev.omskit.testkit.inventory.InventoryFixture.TEE;
import static dev.omskit.testkit.inventory.InventoryFixture.TENANT;
import static dev.omskit.testkit.inventory.InventoryFixture.UNKNOWN;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_DN;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HCM;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HN;
import static dev.omskit.testkit.inventory.InventoryFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.BackorderKind;
import dev.omskit.core.inventory.CreatePurchaseOrder;
import dev.omskit.core.inventory.IncomingSupply;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.PurchaseOrderLine;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceivePurchaseOrder;
import dev.omskit.core.inventory.Replenishment;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockRejectedException;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.lifecycle.Lifecycle;
import dev.omskit.core.lifecycle.State;
import dev.omskit.core.lifecycle.Transition;
import dev.omskit.core.lifecycle.Trigger;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Purchase orders, incoming supply, suggested orders and preorder allowance")
class PurchaseOrderTest {
    private static final LocationId NOWHERE = LocationId.of("WH-NOWHERE");
    /** Preorderable with a cap of 5. */
    private static final Sku BOOK = Sku.of("BOOK-NEW");
    /** Preorderable without a cap. */
    private static final Sku GAME = Sku.of("GAME-NEW");

    private final InventoryFixture f = InventoryFixture.create();
    private final List<PurchaseOrderId> created = new ArrayList<>();
    private int next;

    @BeforeEach
    void catalogue() {
        f.catalog.put(product(TEE, "T-shirt black M")
                .replenishment(new Replenishment("SUP-A", 5, 20, 7))
                .build());
        f.catalog.put(product(MUG, "Mug white")
                .costPrice(InventoryFixture.MUG_COST)
                .replenishment(new Replenishment("SUP-A", 3, 10, 14))
                .build());
        f.catalog.put(product(CAP, "Cap red")
                .replenishment(new Replenishment("SUP-B", 2, 6, 3))
                .build());
        f.catalog.put(product(BOOK, "New book")
                .addFlags(ProductFlag.PREORDERABLE)
                .preorderCap(5)
                .build());
        f.catalog.put(
                product(GAME, "New game").addFlags(ProductFlag.PREORDERABLE).build());
    }

    private static Product.Builder product(Sku sku, String name) {
        return Product.builder().tenant(TENANT).sku(sku).name(name);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private CreatePurchaseOrder.Builder command(LocationId location, Map<Sku, Integer> lines) {
        return CreatePurchaseOrder.builder()
                .tenant(TENANT)
                .supplier("SUP-A")
                .location(location)
                .lines(lines)
                .actor(ACTOR);
    }

    private PurchaseOrder create(LocationId location, Map<Sku, Integer> lines, Optional<Instant> expectedAt) {
        PurchaseOrderId id = PurchaseOrderId.of("PO-" + (++next));
        PurchaseOrder po = f.inventory.createPurchaseOrder(
                command(location, lines).id(id).expectedAt(expectedAt).build());
        created.add(id);
        return po;
    }

    private PurchaseOrder confirmed(LocationId location, Map<Sku, Integer> lines, Duration expectedIn) {
        PurchaseOrder po = create(location, lines, Optional.of(f.clock.instant().plus(expectedIn)));
        return f.inventory.confirmPurchaseOrder(TENANT, po.id());
    }

    private static ReceivePurchaseOrder receipt(PurchaseOrderId id, ReceiptLine... lines) {
        return ReceivePurchaseOrder.builder()
                .tenant(TENANT)
                .purchaseOrder(id)
                .addLines(lines)
                .actor(ACTOR)
                .build();
    }

    private PurchaseOrder receive(PurchaseOrderId id, ReceiptLine... lines) {
        return f.inventory.receivePurchaseOrder(receipt(id, lines));
    }

    private PurchaseOrder po(PurchaseOrderId id) {
        return f.inventory.purchaseOrder(TENANT, id).orElseThrow();
    }

    /** Stock, ledgers, reservations, transfers, every purchase order and the open backorders. */
    private record Snapshot(
            InventoryFixture.Snapshot stock,
            Map<PurchaseOrderId, Optional<PurchaseOrder>> purchaseOrders,
            List<PurchaseOrder> open,
            Map<Sku, List<Backorder>> backorders) {}

    private Snapshot snapshot() {
        Map<PurchaseOrderId, Optional<PurchaseOrder>> pos = new LinkedHashMap<>();
        for (PurchaseOrderId id : created) {
            pos.put(id, f.inventory.purchaseOrder(TENANT, id));
        }
        Map<Sku, List<Backorder>> backorders = new LinkedHashMap<>();
        for (Sku sku : List.of(TEE, MUG, CAP, BOOK, GAME)) {
            backorders.put(sku, f.inventory.openBackorders(TENANT, sku, 100));
        }
        return new Snapshot(f.snapshot(), pos, f.inventory.openPurchaseOrders(TENANT), backorders);
    }

    private void assertRejected(ThrowingCallable call, String code) {
        Snapshot before = snapshot();
        assertThatThrownBy(call).isInstanceOfSatisfying(StockRejectedException.class, e -> assertThat(e.code())
                .isEqualTo(code));
        assertThat(snapshot()).isEqualTo(before);
    }

    private void assertInvalid(ThrowingCallable call, Tuple... violations) {
        Snapshot before = snapshot();
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.violations())
                .extracting(Violation::field, Violation::code)
                .containsExactlyInAnyOrder(violations));
        assertThat(snapshot()).isEqualTo(before);
    }

    private void assertNotFound(ThrowingCallable call) {
        Snapshot before = snapshot();
        assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    // --------------------------------------------------------------------------------------- lifecycle

    /** A purchase order for 10 {@link #TEE} at {@link InventoryFixture#WH_HCM}, brought into {@code state}. */
    private PurchaseOrder inState(State state) {
        PurchaseOrder po = create(WH_HCM, Map.of(TEE, 10), Optional.empty());
        if (state.equals(PurchaseOrderLifecycle.CANCELLED)) {
            return f.inventory.cancelPurchaseOrder(TENANT, po.id());
        }
        if (state.equals(PurchaseOrderLifecycle.DRAFT)) {
            return po;
        }
        po = f.inventory.confirmPurchaseOrder(TENANT, po.id());
        if (state.equals(PurchaseOrderLifecycle.PARTIALLY_RECEIVED)) {
            po = receive(po.id(), ReceiptLine.good(TEE, 4));
        } else if (state.equals(PurchaseOrderLifecycle.RECEIVED) || state.equals(PurchaseOrderLifecycle.CLOSED)) {
            po = receive(po.id(), ReceiptLine.good(TEE, 10));
        }
        if (state.equals(PurchaseOrderLifecycle.CLOSED)) {
            po = f.inventory.closePurchaseOrder(TENANT, po.id());
        }
        assertThat(po.status()).as("set-up of %s", state).isEqualTo(state);
        return po;
    }

    /** Fires {@code trigger} through the facade: receipts of one unit (part) or of everything outstanding. */
    private PurchaseOrder fire(PurchaseOrder po, Trigger trigger) {
        if (trigger.equals(PurchaseOrderLifecycle.CONFIRM)) {
            return f.inventory.confirmPurchaseOrder(TENANT, po.id());
        }
        if (trigger.equals(PurchaseOrderLifecycle.CLOSE)) {
            return f.inventory.closePurchaseOrder(TENANT, po.id());
        }
        if (trigger.equals(PurchaseOrderLifecycle.CANCEL)) {
            return f.inventory.cancelPurchaseOrder(TENANT, po.id());
        }
        if (trigger.equals(PurchaseOrderLifecycle.RECEIVE_PART)) {
            return receive(po.id(), ReceiptLine.good(TEE, 1));
        }
        if (trigger.equals(PurchaseOrderLifecycle.RECEIVE_REST)) {
            return receive(po.id(), ReceiptLine.good(TEE, Math.max(1, po.outstanding())));
        }
        throw new AssertionError("no facade operation for trigger " + trigger);
    }

    static Stream<Arguments> everyStateAndTrigger() {
        Lifecycle<PurchaseOrder> lifecycle = PurchaseOrderLifecycle.get();
        return lifecycle.states().stream()
                .flatMap(s -> lifecycle.triggers().stream().map(t -> Arguments.of(s, t)));
    }

    @Nested
    @DisplayName("lifecycle")
    class LifecycleTable {
        @Test
        void lifecycle_table_hasEveryStateAndTriggerOfTheFacade() {
            Lifecycle<PurchaseOrder> lifecycle = PurchaseOrderLifecycle.get();
            assertThat(lifecycle.states())
                    .containsExactlyInAnyOrder(
                            PurchaseOrderLifecycle.DRAFT,
                            PurchaseOrderLifecycle.CONFIRMED,
                            PurchaseOrderLifecycle.PARTIALLY_RECEIVED,
                            PurchaseOrderLifecycle.RECEIVED,
                            PurchaseOrderLifecycle.CLOSED,
                            PurchaseOrderLifecycle.CANCELLED);
            assertThat(lifecycle.triggers())
                    .containsExactlyInAnyOrder(
                            PurchaseOrderLifecycle.CONFIRM,
                            PurchaseOrderLifecycle.RECEIVE_PART,
                            PurchaseOrderLifecycle.RECEIVE_REST,
                            PurchaseOrderLifecycle.CLOSE,
                            PurchaseOrderLifecycle.CANCEL);
            assertThat(lifecycle.initialStates()).containsExactly(PurchaseOrderLifecycle.DRAFT);
            assertThat(lifecycle.finalStates())
                    .containsExactlyInAnyOrder(PurchaseOrderLifecycle.CLOSED, PurchaseOrderLifecycle.CANCELLED);
        }

        @ParameterizedTest(name = "{0} x {1}")
        @MethodSource("dev.omskit.testkit.inventory.PurchaseOrderTest#everyStateAndTrigger")
        void fire_everyStateAndTrigger_allowedReachDeclaredStateOthersRefusedChangingNothing(
                State state, Trigger trigger) {
            PurchaseOrder po = inState(state);
            Optional<Transition<PurchaseOrder>> declared =
                    PurchaseOrderLifecycle.get().transition(state, trigger);

            if (declared.isPresent()) {
                PurchaseOrder after = fire(po, trigger);
                assertThat(after.status()).isEqualTo(declared.get().to());
                assertThat(after.version()).isEqualTo(po.version() + 1);
                assertThat(po(po.id())).isEqualTo(after);
            } else {
                boolean receipt = trigger.equals(PurchaseOrderLifecycle.RECEIVE_PART)
                        || trigger.equals(PurchaseOrderLifecycle.RECEIVE_REST);
                String code = !receipt
                        ? StockRejectedException.ILLEGAL_TRANSITION
                        : state.equals(PurchaseOrderLifecycle.DRAFT)
                                ? StockRejectedException.NOT_CONFIRMED
                                : StockRejectedException.PURCHASE_ORDER_CLOSED;
                assertRejected(() -> fire(po, trigger), code);
                assertThat(po(po.id())).isEqualTo(po);
            }
        }

        @Test
        void lifecycle_everyState_reachesAFinalState() {
            Lifecycle<PurchaseOrder> lifecycle = PurchaseOrderLifecycle.get();
            for (State start : lifecycle.states()) {
                Set<State> seen = new HashSet<>();
                Deque<State> todo = new ArrayDeque<>(List.of(start));
                while (!todo.isEmpty()) {
                    State s = todo.pop();
                    if (seen.add(s)) {
                        lifecycle.transitionsFrom(s).forEach(t -> todo.push(t.to()));
                    }
                }
                assertThat(seen).as("states reachable from %s", start).containsAnyElementsOf(lifecycle.finalStates());
            }
            for (State end : lifecycle.finalStates()) {
                assertThat(lifecycle.transitionsFrom(end))
                        .as("from final %s", end)
                        .isEmpty();
            }
        }

        @Test
        void close_partiallyReceived_endsTheExpectedSupply() {
            PurchaseOrder po = inState(PurchaseOrderLifecycle.PARTIALLY_RECEIVED);
            assertThat(f.inventory.incomingSupply(TENANT, TEE))
                    .extracting(IncomingSupply::units)
                    .containsExactly(6);

            PurchaseOrder closed = f.inventory.closePurchaseOrder(TENANT, po.id());

            assertThat(closed.status()).isEqualTo(PurchaseOrderLifecycle.CLOSED);
            assertThat(closed.line(TEE)).contains(new PurchaseOrderLine(TEE, 10, 4));
            assertThat(f.inventory.incomingSupply(TENANT, TEE)).isEmpty();
            assertThat(f.inventory.openPurchaseOrders(TENANT)).isEmpty();
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(4);
        }
    }

    // ---------------------------------------------------------------------------------------- receiving

    @Nested
    @DisplayName("receiving")
    class Receiving {
        @Test
        void create_draft_isStoredWithSortedLinesAndNothingReceived() {
            PurchaseOrder po = create(WH_HCM, Map.of(TEE, 10, MUG, 5), Optional.empty());

            assertThat(po.status()).isEqualTo(PurchaseOrderLifecycle.DRAFT);
            assertThat(po.version()).isEqualTo(1);
            assertThat(po.createdAt()).isEqualTo(f.clock.instant());
            assertThat(po.lines()).containsExactly(new PurchaseOrderLine(MUG, 5, 0), new PurchaseOrderLine(TEE, 10, 0));
            assertThat(po.outstanding()).isEqualTo(15);
            assertThat(po(po.id())).isEqualTo(po);
            assertThat(f.inventory.openPurchaseOrders(TENANT)).containsExactly(po);
            assertThat(f.inventory.incomingSupply(TENANT, TEE))
                    .as("a draft is not expected supply")
                    .isEmpty();
        }

        @Test
        void create_withoutId_generatesOne() {
            PurchaseOrder po = f.inventory.createPurchaseOrder(
                    command(WH_HCM, Map.of(TEE, 3)).build());

            assertThat(po.id().value()).isNotBlank();
            assertThat(f.inventory.purchaseOrder(TENANT, po.id())).contains(po);
        }

        @Test
        void receive_partThenRest_goodOnHandDamagedInQuarantineThenReceivedThenClosed() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10, MUG, 5), Duration.ofDays(3));
            f.clock.advance(Duration.ofHours(1));

            PurchaseOrder part = receive(po.id(), ReceiptLine.inspected(TEE, 4, 1, "crushed box"));

            assertThat(part.status()).isEqualTo(PurchaseOrderLifecycle.PARTIALLY_RECEIVED);
            assertThat(part.lines())
                    .containsExactly(new PurchaseOrderLine(MUG, 5, 0), new PurchaseOrderLine(TEE, 10, 5));
            assertThat(part.outstanding()).isEqualTo(10);
            assertThat(part.updatedAt()).isEqualTo(f.clock.instant());
            assertThat(f.level(TEE, WH_HCM)).isEqualTo(new StockLevel(TEE, WH_HCM, 4, 0, 1, 0, 0));
            assertThat(f.ledger(TEE, WH_HCM))
                    .extracting(
                            e -> e.movement().kind(),
                            e -> e.movement().onHand(),
                            e -> e.movement().quarantined(),
                            e -> e.movement().cause(),
                            e -> e.movement().reason())
                    .containsExactly(
                            tuple(MovementKind.RECEIPT, 4, 0, "po:" + po.id(), Optional.empty()),
                            tuple(MovementKind.RECEIPT_DAMAGED, 0, 1, "po:" + po.id(), Optional.of("crushed box")));
            assertThat(f.inventory.incomingSupply(TENANT, TEE))
                    .extracting(IncomingSupply::units)
                    .containsExactly(5);

            PurchaseOrder rest = receive(po.id(), ReceiptLine.good(TEE, 5), ReceiptLine.good(MUG, 5));

            assertThat(rest.status()).isEqualTo(PurchaseOrderLifecycle.RECEIVED);
            assertThat(rest.outstanding()).isZero();
            assertThat(f.level(TEE, WH_HCM)).isEqualTo(new StockLevel(TEE, WH_HCM, 9, 0, 1, 0, 0));
            assertThat(f.level(MUG, WH_HCM).onHand()).isEqualTo(5);
            assertThat(f.inventory.openPurchaseOrders(TENANT)).isEmpty();
            assertThat(f.inventory.incomingSupply(TENANT, TEE)).isEmpty();

            PurchaseOrder closed = f.inventory.closePurchaseOrder(TENANT, po.id());

            assertThat(closed.status()).isEqualTo(PurchaseOrderLifecycle.CLOSED);
            assertThat(closed.version()).isEqualTo(rest.version() + 1);
            assertThat(f.level(TEE, WH_HCM)).isEqualTo(new StockLevel(TEE, WH_HCM, 9, 0, 1, 0, 0));
            assertThat(f.inventory.checkDrift(TENANT).isClean()).isTrue();
        }

        @Test
        void receive_sameKeyTwice_countsOnce() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));
            ReceivePurchaseOrder command = ReceivePurchaseOrder.builder()
                    .from(receipt(po.id(), ReceiptLine.good(TEE, 3)))
                    .idempotencyKey(IdempotencyKey.of("asn-1"))
                    .build();

            PurchaseOrder first = f.inventory.receivePurchaseOrder(command);
            PurchaseOrder second = f.inventory.receivePurchaseOrder(command);

            assertThat(second).isEqualTo(first);
            assertThat(first.line(TEE)).contains(new PurchaseOrderLine(TEE, 10, 3));
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(3);
            assertThat(f.ledger(TEE, WH_HCM)).hasSize(1);
            assertThat(f.inventory.checkDrift(TENANT).isClean()).isTrue();
        }

        @Test
        void receive_sameKeyTwiceForMoreThanHalfTheOrder_countsOnceWithoutOverReceipt() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));
            ReceivePurchaseOrder command = ReceivePurchaseOrder.builder()
                    .from(receipt(po.id(), ReceiptLine.good(TEE, 6)))
                    .idempotencyKey(IdempotencyKey.of("asn-6"))
                    .build();

            PurchaseOrder first = f.inventory.receivePurchaseOrder(command);
            PurchaseOrder second = f.inventory.receivePurchaseOrder(command);

            assertThat(second).isEqualTo(first);
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(6);
            assertThat(f.ledger(TEE, WH_HCM)).hasSize(1);
        }

        @Test
        void receive_sameKeyTwiceForTheWholeOrder_secondReturnsTheReceivedOrder() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));
            ReceivePurchaseOrder command = ReceivePurchaseOrder.builder()
                    .from(receipt(po.id(), ReceiptLine.good(TEE, 10)))
                    .idempotencyKey(IdempotencyKey.of("asn-all"))
                    .build();

            PurchaseOrder first = f.inventory.receivePurchaseOrder(command);
            PurchaseOrder second = f.inventory.receivePurchaseOrder(command);

            assertThat(first.status()).isEqualTo(PurchaseOrderLifecycle.RECEIVED);
            assertThat(second).isEqualTo(first);
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(10);
            assertThat(f.ledger(TEE, WH_HCM)).hasSize(1);
        }

        @Test
        void receive_overReceiptWithUnusedKey_isRefusedAndLeavesTheKeyUnused() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));
            IdempotencyKey key = IdempotencyKey.of("asn-over");
            assertInvalid(
                    () -> f.inventory.receivePurchaseOrder(ReceivePurchaseOrder.builder()
                            .from(receipt(po.id(), ReceiptLine.good(TEE, 11)))
                            .idempotencyKey(key)
                            .build()),
                    tuple("lines[0]", "OVER_RECEIPT"));

            PurchaseOrder received = f.inventory.receivePurchaseOrder(ReceivePurchaseOrder.builder()
                    .from(receipt(po.id(), ReceiptLine.good(TEE, 10)))
                    .idempotencyKey(key)
                    .build());

            assertThat(received.status()).isEqualTo(PurchaseOrderLifecycle.RECEIVED);
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(10);
        }

        @Test
        void receive_closedOrderWithUnusedKey_isStillPurchaseOrderClosed() {
            PurchaseOrder po = inState(PurchaseOrderLifecycle.CLOSED);
            assertRejected(
                    () -> f.inventory.receivePurchaseOrder(ReceivePurchaseOrder.builder()
                            .from(receipt(po.id(), ReceiptLine.good(TEE, 1)))
                            .idempotencyKey(IdempotencyKey.of("asn-late"))
                            .build()),
                    StockRejectedException.PURCHASE_ORDER_CLOSED);
        }

        @Test
        void receive_withoutKeyTwice_countsTwice() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));

            receive(po.id(), ReceiptLine.good(TEE, 3));
            PurchaseOrder second = receive(po.id(), ReceiptLine.good(TEE, 3));

            assertThat(second.line(TEE)).contains(new PurchaseOrderLine(TEE, 10, 6));
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(6);
        }
    }

    // --------------------------------------------------------------------------------------- bad input

    @Nested
    @DisplayName("bad input: a typed error, nothing changed")
    class BadInput {
        @BeforeEach
        void stock() {
            f.receive(TEE, WH_HCM, 7);
        }

        @Test
        void receive_draft_isNotConfirmed() {
            PurchaseOrder po = create(WH_HCM, Map.of(TEE, 10), Optional.empty());
            assertRejected(() -> receive(po.id(), ReceiptLine.good(TEE, 1)), StockRejectedException.NOT_CONFIRMED);
        }

        @Test
        void receive_receivedClosedOrCancelled_isPurchaseOrderClosed() {
            for (State state : List.of(
                    PurchaseOrderLifecycle.RECEIVED, PurchaseOrderLifecycle.CLOSED, PurchaseOrderLifecycle.CANCELLED)) {
                PurchaseOrder po = inState(state);
                assertRejected(
                        () -> receive(po.id(), ReceiptLine.good(TEE, 1)), StockRejectedException.PURCHASE_ORDER_CLOSED);
            }
        }

        @Test
        void receive_skuNotOnTheOrder_isNotOnPurchaseOrder() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));
            assertInvalid(
                    () -> receive(po.id(), ReceiptLine.good(TEE, 1), ReceiptLine.good(CAP, 1)),
                    tuple("lines[1].sku", "NOT_ON_PURCHASE_ORDER"));
        }

        @Test
        void receive_moreThanOrdered_isOverReceipt() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));
            assertInvalid(() -> receive(po.id(), ReceiptLine.good(TEE, 11)), tuple("lines[0]", "OVER_RECEIPT"));
        }

        @Test
        void receive_moreThanOutstandingCountingDamaged_isOverReceipt() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(1));
            receive(po.id(), ReceiptLine.good(TEE, 4));
            assertInvalid(
                    () -> receive(po.id(), ReceiptLine.inspected(TEE, 5, 2, "wet")), tuple("lines[0]", "OVER_RECEIPT"));
        }

        @Test
        void receive_damagedWithoutReasonAndZeroUnits_listsEveryProblem() {
            PurchaseOrder po = confirmed(WH_HCM, Map.of(TEE, 10, MUG, 5), Duration.ofDays(1));
            assertInvalid(
                    () -> receive(
                            po.id(),
                            new ReceiptLine(TEE, 1, 1, Optional.empty()),
                            new ReceiptLine(MUG, 0, 0, Optional.empty())),
                    tuple("lines[0].damageReason", "MISSING"),
                    tuple("lines[1]", "NOT_POSITIVE"));
        }

        @Test
        void receive_unknownPurchaseOrder_isNotFound() {
            assertNotFound(() -> receive(PurchaseOrderId.of("PO-404"), ReceiptLine.good(TEE, 1)));
        }

        @Test
        void moves_unknownPurchaseOrder_areNotFound() {
            PurchaseOrderId unknown = PurchaseOrderId.of("PO-404");
            assertNotFound(() -> f.inventory.confirmPurchaseOrder(TENANT, unknown));
            assertNotFound(() -> f.inventory.closePurchaseOrder(TENANT, unknown));
            assertNotFound(() -> f.inventory.cancelPurchaseOrder(TENANT, unknown));
        }

        @Test
        void create_unknownSku_isUnknownSku() {
            assertInvalid(
                    () -> create(WH_HCM, Map.of(UNKNOWN, 1), Optional.empty()),
                    tuple("lines[" + UNKNOWN + "]", "UNKNOWN_SKU"));
        }

        @Test
        void create_unknownLocation_isUnknownLocation() {
            assertInvalid(
                    () -> create(NOWHERE, Map.of(TEE, 1), Optional.empty()), tuple("location", "UNKNOWN_LOCATION"));
        }

        @Test
        void create_zeroQuantity_isNotPositive() {
            assertInvalid(
                    () -> create(WH_HCM, Map.of(TEE, 0, MUG, 2), Optional.empty()),
                    tuple("lines[" + TEE + "]", "NOT_POSITIVE"));
        }

        @Test
        void create_noLines_isEmpty() {
            assertInvalid(() -> create(WH_HCM, Map.of(), Optional.empty()), tuple("lines", "EMPTY"));
        }

        @Test
        void create_blankSupplier_isInvalid() {
            assertInvalid(
                    () -> f.inventory.createPurchaseOrder(
                            command(WH_HCM, Map.of(TEE, 1)).supplier(" ").build()),
                    tuple("supplier", "INVALID"));
        }

        @Test
        void create_takenId_isConflictAndKeepsTheFirst() {
            PurchaseOrder first = create(WH_HCM, Map.of(TEE, 1), Optional.empty());
            Snapshot before = snapshot();

            assertThatThrownBy(() -> f.inventory.createPurchaseOrder(
                            command(WH_HN, Map.of(MUG, 9)).id(first.id()).build()))
                    .isInstanceOf(dev.omskit.core.error.ConflictException.class);

            assertThat(snapshot()).isEqualTo(before);
            assertThat(po(first.id())).isEqualTo(first);
        }
    }

    // ---------------------------------------------------------------------------------- incoming supply

    @Nested
    @DisplayName("incoming supply")
    class Incoming {
        @Test
        void incomingSupply_confirmedOrdersAndTransfers_outstandingUnitsEarliestFirst() {
            f.receive(TEE, WH_DN, 5);
            PurchaseOrder late = confirmed(WH_HCM, Map.of(TEE, 10), Duration.ofDays(5));
            PurchaseOrder soon = confirmed(WH_HN, Map.of(TEE, 4, MUG, 2), Duration.ofDays(2));
            receive(soon.id(), ReceiptLine.good(TEE, 1));
            create(WH_HCM, Map.of(TEE, 50), Optional.of(f.clock.instant().plus(Duration.ofDays(1))));
            PurchaseOrder received = confirmed(WH_HCM, Map.of(TEE, 3), Duration.ofDays(1));
            receive(received.id(), ReceiptLine.good(TEE, 3));
            PurchaseOrder cancelled = confirmed(WH_HCM, Map.of(TEE, 8), Duration.ofDays(1));
            f.inventory.cancelPurchaseOrder(TENANT, cancelled.id());
            PurchaseOrder mugsOnly = confirmed(WH_HCM, Map.of(MUG, 7), Duration.ofDays(1));
            var transfer = f.inventory.transfer(TransferStock.builder()
                    .tenant(TENANT)
                    .from(WH_DN)
                    .to(STORE_Q1)
                    .lines(Map.of(TEE, 2))
                    .expectedAt(f.clock.instant().plus(Duration.ofDays(3)))
                    .actor(ACTOR)
                    .build());
            PurchaseOrder undated = create(WH_HCM, Map.of(TEE, 6), Optional.empty());
            f.inventory.confirmPurchaseOrder(TENANT, undated.id());

            List<IncomingSupply> supply = f.inventory.incomingSupply(TENANT, TEE);

            Instant now = f.clock.instant();
            assertThat(supply)
                    .containsExactly(
                            new IncomingSupply(WH_HN, 3, Optional.of(now.plus(Duration.ofDays(2))), "po:" + soon.id()),
                            new IncomingSupply(
                                    STORE_Q1,
                                    2,
                                    Optional.of(now.plus(Duration.ofDays(3))),
                                    "transfer:" + transfer.id()),
                            new IncomingSupply(
                                    WH_HCM, 10, Optional.of(now.plus(Duration.ofDays(5))), "po:" + late.id()),
                            new IncomingSupply(WH_HCM, 6, Optional.empty(), "po:" + undated.id()));
            assertThat(f.inventory.incomingSupply(TENANT, MUG))
                    .extracting(IncomingSupply::source, IncomingSupply::units)
                    .containsExactly(tuple("po:" + mugsOnly.id(), 7), tuple("po:" + soon.id(), 2));
            assertThat(f.inventory.incomingSupply(TENANT, CAP)).isEmpty();
        }

        @Test
        void incomingSupply_transferReceived_isNoLongerListed() {
            f.receive(TEE, WH_DN, 5);
            var transfer = f.inventory.transfer(TransferStock.builder()
                    .tenant(TENANT)
                    .from(WH_DN)
                    .to(STORE_Q1)
                    .lines(Map.of(TEE, 2))
                    .actor(ACTOR)
                    .build());
            assertThat(f.inventory.incomingSupply(TENANT, TEE)).hasSize(1);

            f.inventory.receiveTransfer(dev.omskit.core.inventory.ReceiveTransfer.builder()
                    .tenant(TENANT)
                    .transfer(transfer.id())
                    .putReceived(TEE, 2)
                    .actor(ACTOR)
                    .build());

            assertThat(f.inventory.incomingSupply(TENANT, TEE)).isEmpty();
        }

        @Test
        void openPurchaseOrders_mixedStatuses_draftsAndOpenOnesOldestFirst() {
            PurchaseOrder draft = create(WH_HCM, Map.of(TEE, 1), Optional.empty());
            f.clock.advance(Duration.ofMinutes(1));
            PurchaseOrder partly = confirmed(WH_HCM, Map.of(TEE, 5), Duration.ofDays(1));
            partly = receive(partly.id(), ReceiptLine.good(TEE, 1));
            f.clock.advance(Duration.ofMinutes(1));
            inState(PurchaseOrderLifecycle.RECEIVED);
            inState(PurchaseOrderLifecycle.CLOSED);
            inState(PurchaseOrderLifecycle.CANCELLED);
            f.clock.advance(Duration.ofMinutes(1));
            PurchaseOrder open = confirmed(WH_HN, Map.of(MUG, 2), Duration.ofDays(1));

            assertThat(f.inventory.openPurchaseOrders(TENANT)).containsExactly(draft, partly, open);
        }
    }

    // --------------------------------------------------------------------------------------- suggestions

    @Nested
    @DisplayName("suggested purchase orders")
    class Suggestions {
        @Test
        void suggest_lowStock_onePerSupplierFromAvailablePlusIncomingMinusBackorders() {
            f.receive(TEE, WH_HCM, 4);
            f.receive(TEE, WH_DN, 100);
            f.deactivate(WH_DN);
            confirmed(WH_HN, Map.of(TEE, 2), Duration.ofDays(1));
            f.inventory.recordBackorder(TENANT, "order:o-1", "L1", TEE, 3, BackorderKind.BACKORDER);
            f.receive(MUG, WH_HN, 2);
            f.allocate("order:o-2", line("l1", MUG, WH_HN, 1));
            f.receive(CAP, STORE_Q1, 1);
            Snapshot before = snapshot();

            List<CreatePurchaseOrder> suggestions = f.inventory.suggestPurchaseOrders(TENANT, WH_HCM, ACTOR);

            Instant now = f.clock.instant();
            assertThat(suggestions)
                    .extracting(
                            CreatePurchaseOrder::supplier,
                            CreatePurchaseOrder::location,
                            CreatePurchaseOrder::lines,
                            CreatePurchaseOrder::expectedAt)
                    .containsExactly(
                            // TEE: 4 available + 2 incoming - 3 backordered = 3 <= 5 -> 5 - 3 + 20 = 22
                            // MUG: 1 available <= 3 -> 3 - 1 + 10 = 12; lead time the longer of 7 and 14 days
                            tuple(
                                    "SUP-A",
                                    WH_HCM,
                                    Map.of(TEE, 22, MUG, 12),
                                    Optional.of(now.plus(Duration.ofDays(14)))),
                            // CAP: 1 available <= 2 -> 2 - 1 + 6 = 7
                            tuple("SUP-B", WH_HCM, Map.of(CAP, 7), Optional.of(now.plus(Duration.ofDays(3)))));
            assertThat(suggestions).allSatisfy(s -> {
                assertThat(s.tenant()).isEqualTo(TENANT);
                assertThat(s.actor()).isEqualTo(ACTOR);
                assertThat(s.id()).isEmpty();
            });
            assertThat(snapshot()).as("suggesting stores nothing").isEqualTo(before);
        }

        @Test
        void suggest_stockAboveReorderPoints_suggestsNothing() {
            f.receive(TEE, WH_HCM, 6);
            f.receive(MUG, WH_HN, 2);
            confirmed(WH_HN, Map.of(MUG, 2), Duration.ofDays(1));
            f.receive(CAP, STORE_Q1, 3);

            assertThat(f.inventory.suggestPurchaseOrders(TENANT, WH_HCM, ACTOR)).isEmpty();
        }

        @Test
        void suggest_atTheReorderPoint_suggests() {
            f.receive(CAP, STORE_Q1, 2);

            assertThat(f.inventory.suggestPurchaseOrders(TENANT, WH_HCM, ACTOR))
                    .singleElement()
                    .satisfies(s -> assertThat(s.lines()).isEqualTo(Map.of(CAP, 6)));
        }

        @Test
        void suggest_thenCreate_storesTheSuggestionAsADraft() {
            f.receive(CAP, STORE_Q1, 1);
            CreatePurchaseOrder suggestion =
                    f.inventory.suggestPurchaseOrders(TENANT, WH_HN, ACTOR).get(0);

            PurchaseOrder po = f.inventory.createPurchaseOrder(suggestion);

            assertThat(po.status()).isEqualTo(PurchaseOrderLifecycle.DRAFT);
            assertThat(po.supplier()).isEqualTo("SUP-B");
            assertThat(po.location()).isEqualTo(WH_HN);
            assertThat(po.lines()).containsExactly(new PurchaseOrderLine(CAP, 7, 0));
        }

        @Test
        void suggest_unknownLocation_isUnknownLocation() {
            assertInvalid(
                    () -> f.inventory.suggestPurchaseOrders(TENANT, NOWHERE, ACTOR),
                    tuple("location", "UNKNOWN_LOCATION"));
        }
    }

    // ------------------------------------------------------------------------------------------ preorders

    @Nested
    @DisplayName("preorder allowance")
    class Preorders {
        @Test
        void preorderAllowance_capBelowIncoming_isCapMinusOpenPreorders() {
            confirmed(WH_HCM, Map.of(BOOK, 8), Duration.ofDays(10));
            assertThat(f.inventory.preorderAllowance(TENANT, BOOK)).isEqualTo(5);

            f.inventory.recordBackorder(TENANT, "order:o-1", "L1", BOOK, 2, BackorderKind.PREORDER);
            f.inventory.recordBackorder(TENANT, "order:o-2", "L1", BOOK, 1, BackorderKind.BACKORDER);

            assertThat(f.inventory.preorderAllowance(TENANT, BOOK)).isEqualTo(3);
        }

        @Test
        void preorderAllowance_incomingBelowCap_isIncomingMinusOpenPreorders() {
            confirmed(WH_HCM, Map.of(BOOK, 3), Duration.ofDays(10));
            f.inventory.recordBackorder(TENANT, "order:o-1", "L1", BOOK, 1, BackorderKind.PREORDER);

            assertThat(f.inventory.preorderAllowance(TENANT, BOOK)).isEqualTo(2);
        }

        @Test
        void preorderAllowance_withoutCap_isIncomingMinusOpenPreorders() {
            confirmed(WH_HCM, Map.of(GAME, 40), Duration.ofDays(10));
            f.inventory.recordBackorder(TENANT, "order:o-1", "L1", GAME, 15, BackorderKind.PREORDER);

            assertThat(f.inventory.preorderAllowance(TENANT, GAME)).isEqualTo(25);
        }

        @Test
        void preorderAllowance_noIncomingOrOnlyADraft_isZero() {
            create(WH_HCM, Map.of(BOOK, 8), Optional.empty());
            assertThat(f.inventory.preorderAllowance(TENANT, BOOK)).isZero();
        }

        @Test
        void preorderAllowance_moreOpenPreordersThanSupply_isZeroNotNegative() {
            confirmed(WH_HCM, Map.of(BOOK, 2), Duration.ofDays(10));
            f.inventory.recordBackorder(TENANT, "order:o-1", "L1", BOOK, 4, BackorderKind.PREORDER);

            assertThat(f.inventory.preorderAllowance(TENANT, BOOK)).isZero();
        }

        @Test
        void preorderAllowance_closedPreorder_isNotCounted() {
            confirmed(WH_HCM, Map.of(BOOK, 8), Duration.ofDays(10));
            f.inventory.recordBackorder(TENANT, "order:o-1", "L1", BOOK, 4, BackorderKind.PREORDER);
            f.inventory.recordBackorder(TENANT, "order:o-1", "L1", BOOK, 0, BackorderKind.PREORDER);

            assertThat(f.inventory.preorderAllowance(TENANT, BOOK)).isEqualTo(5);
        }

        @Test
        void preorderAllowance_notPreorderable_isZero() {
            confirmed(WH_HCM, Map.of(TEE, 8), Duration.ofDays(10));
            assertThat(f.inventory.preorderAllowance(TENANT, TEE)).isZero();
        }

        @Test
        void preorderAllowance_unknownSku_isNotFound() {
            assertThatThrownBy(() -> f.inventory.preorderAllowance(TENANT, UNKNOWN))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void recordBackorder_changedUnits_keepsItsPlaceInTheQueue() {
            Backorder first = f.inventory.recordBackorder(TENANT, "order:o-1", "L1", TEE, 2, BackorderKind.BACKORDER);
            f.clock.advance(Duration.ofMinutes(5));
            f.inventory.recordBackorder(TENANT, "order:o-2", "L1", TEE, 1, BackorderKind.BACKORDER);
            f.clock.advance(Duration.ofMinutes(5));

            Backorder changed = f.inventory.recordBackorder(TENANT, "order:o-1", "L1", TEE, 5, BackorderKind.BACKORDER);

            assertThat(changed.since()).isEqualTo(first.since());
            assertThat(changed.updatedAt()).isEqualTo(f.clock.instant());
            assertThat(changed.version()).isEqualTo(2);
            assertThat(f.inventory.openBackorders(TENANT, TEE, 10))
                    .extracting(Backorder::reference, Backorder::units)
                    .containsExactly(tuple("order:o-1", 5), tuple("order:o-2", 1));
        }

        @Test
        void recordBackorder_negativeUnitsOrUnknownSku_isInvalidAndStoresNothing() {
            assertInvalid(
                    () -> f.inventory.recordBackorder(TENANT, "order:o-1", "L1", UNKNOWN, -1, BackorderKind.BACKORDER),
                    tuple("sku", "UNKNOWN_SKU"),
                    tuple("units", "OUT_OF_RANGE"));
            assertThat(f.inventory.backordersFor(TENANT, "order:o-1")).isEmpty();
        }
    }
}
