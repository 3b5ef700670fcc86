package dev.omskit.testkit.inventory;

import static dev.omskit.testkit.inventory.InventoryFixture.ACTOR;
import static dev.omskit.testkit.inventory.InventoryFixture.CAP;
import static dev.omskit.testkit.inventory.InventoryFixture.MUG;
import static dev.omskit.testkit.inventory.InventoryFixture.STORE_Q1;
import static dev.omskit.testkit.inventory.InventoryFixture.TEE;
import static dev.omskit.testkit.inventory.InventoryFixture.TENANT;
import static dev.omskit.testkit.inventory.InventoryFixture.UNKNOWN;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HCM;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HN;
import static dev.omskit.testkit.inventory.InventoryFixture.line;
import static dev.omskit.testkit.inventory.InventoryFixture.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.error.ErrorCategory;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.NotFoundException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.CountStock;
import dev.omskit.core.inventory.MoveQuarantine;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceiveTransfer;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.StockBucket;
import dev.omskit.core.inventory.StockRejectedException;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferId;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.model.LocationId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Inventory bad input: a typed error, nothing changed")
class InventoryBadInputTest {
    private static final LocationId NOWHERE = LocationId.of("WH-NOWHERE");

    private final InventoryFixture f = InventoryFixture.create();

    @BeforeEach
    void stock() {
        f.receive(TEE, WH_HCM, 10);
        f.receive(MUG, WH_HCM, 10);
        f.receive(CAP, STORE_Q1, 5);
    }

    private void assertInvalid(ThrowingCallable call, Tuple... violations) {
        InventoryFixture.Snapshot before = f.snapshot();
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_ARGUMENT);
            assertThat(e.violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactlyInAnyOrder(violations);
        });
        assertThat(f.snapshot()).isEqualTo(before);
    }

    private void assertRejected(ThrowingCallable call, String code) {
        InventoryFixture.Snapshot before = f.snapshot();
        assertThatThrownBy(call).isInstanceOfSatisfying(StockRejectedException.class, e -> assertThat(e.code())
                .isEqualTo(code));
        assertThat(f.snapshot()).isEqualTo(before);
    }

    private void assertNotFound(ThrowingCallable call) {
        InventoryFixture.Snapshot before = f.snapshot();
        assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Nested
    @DisplayName("reserve")
    class Reserve {
        @Test
        void reserve_zeroQuantity_isNotPositive() {
            assertInvalid(
                    () -> f.inventory.reserve(
                            reservation("order:o-1", line("a", TEE, WH_HCM, 0)).build()),
                    tuple("lines[0].quantity", "NOT_POSITIVE"));
        }

        @Test
        void reserve_negativeQuantity_isNotPositive() {
            assertInvalid(
                    () -> f.inventory.reserve(
                            reservation("order:o-1", line("a", TEE, WH_HCM, 1), line("b", MUG, WH_HCM, -2))
                                    .build()),
                    tuple("lines[1].quantity", "NOT_POSITIVE"));
        }

        @Test
        void reserve_unknownSku_isUnknownSku() {
            assertInvalid(
                    () -> f.inventory.reserve(reservation("order:o-1", line("a", UNKNOWN, WH_HCM, 1))
                            .build()),
                    tuple("lines[0].sku", "UNKNOWN_SKU"));
        }

        @Test
        void reserve_unknownLocation_isUnknownLocation() {
            assertInvalid(
                    () -> f.inventory.reserve(
                            reservation("order:o-1", line("a", TEE, NOWHERE, 1)).build()),
                    tuple("lines[0].location", "UNKNOWN_LOCATION"));
        }

        @Test
        void reserve_inactiveLocation_isInactiveLocation() {
            f.deactivate(STORE_Q1);
            assertInvalid(
                    () -> f.inventory.reserve(reservation("order:o-1", line("a", CAP, STORE_Q1, 1))
                            .build()),
                    tuple("lines[0].location", "INACTIVE_LOCATION"));
            assertThat(f.level(CAP, STORE_Q1).onHand()).isEqualTo(5);
        }

        @Test
        void reserve_duplicateLineRef_isDuplicateRef() {
            assertInvalid(
                    () -> f.inventory.reserve(
                            reservation("order:o-1", line("a", TEE, WH_HCM, 1), line("a", MUG, WH_HCM, 1))
                                    .build()),
                    tuple("lines[1].ref", "DUPLICATE_REF"));
        }

        @Test
        void reserve_noLines_isEmpty() {
            assertInvalid(() -> f.inventory.reserve(reservation("order:o-1").build()), tuple("lines", "EMPTY"));
        }

        @Test
        void reserve_zeroHold_isOutOfRange() {
            assertInvalid(
                    () -> f.inventory.reserve(reservation("order:o-1", line("a", TEE, WH_HCM, 1))
                            .holdFor(Duration.ZERO)
                            .build()),
                    tuple("holdFor", "OUT_OF_RANGE"));
        }

        @Test
        void reserve_holdLongerThanConfigured_isOutOfRange() {
            assertInvalid(
                    () -> f.inventory.reserve(reservation("order:o-1", line("a", TEE, WH_HCM, 1))
                            .holdFor(f.inventory.config().maxHoldTime().plusSeconds(1))
                            .build()),
                    tuple("holdFor", "OUT_OF_RANGE"));
        }

        @Test
        void reserve_severalProblems_listsEveryOne() {
            assertInvalid(
                    () -> f.inventory.reserve(reservation(
                                    "order:o-1",
                                    line("a", TEE, WH_HCM, 0),
                                    line("b", UNKNOWN, WH_HCM, 1),
                                    line("c", MUG, NOWHERE, 1),
                                    line("a", CAP, STORE_Q1, 1))
                            .holdFor(Duration.ofMinutes(-5))
                            .build()),
                    tuple("holdFor", "OUT_OF_RANGE"),
                    tuple("lines[0].quantity", "NOT_POSITIVE"),
                    tuple("lines[1].sku", "UNKNOWN_SKU"),
                    tuple("lines[2].location", "UNKNOWN_LOCATION"),
                    tuple("lines[3].ref", "DUPLICATE_REF"));
        }
    }

    @Nested
    @DisplayName("receipts, adjustments, quarantine")
    class Movements {
        private ReceiveGoods.Builder receipt(ReceiptLine... lines) {
            return ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(WH_HCM)
                    .addLines(lines)
                    .actor(ACTOR);
        }

        private AdjustStock.Builder adjustment(int delta) {
            return AdjustStock.builder()
                    .tenant(TENANT)
                    .sku(TEE)
                    .location(WH_HCM)
                    .delta(delta)
                    .reason("found behind the shelf")
                    .actor(ACTOR);
        }

        @Test
        void receive_zeroUnits_isNotPositive() {
            assertInvalid(
                    () -> f.inventory.receive(receipt(ReceiptLine.good(TEE, 0)).build()),
                    tuple("lines[0]", "NOT_POSITIVE"));
        }

        @Test
        void receive_negativeGoodUnits_isNotPositive() {
            assertInvalid(
                    () -> f.inventory.receive(receipt(ReceiptLine.inspected(TEE, -1, 3, "crushed"))
                            .build()),
                    tuple("lines[0]", "NOT_POSITIVE"));
        }

        @Test
        void receive_damagedUnitsWithoutReason_isMissingReason() {
            assertInvalid(
                    () -> f.inventory.receive(
                            receipt(ReceiptLine.inspected(TEE, 3, 2, null)).build()),
                    tuple("lines[0].damageReason", "MISSING"));
            assertInvalid(
                    () -> f.inventory.receive(
                            receipt(ReceiptLine.inspected(TEE, 3, 2, "  ")).build()),
                    tuple("lines[0].damageReason", "MISSING"));
        }

        @Test
        void receive_severalProblems_listsEveryOne() {
            assertInvalid(
                    () -> f.inventory.receive(
                            receipt(ReceiptLine.good(UNKNOWN, 1), ReceiptLine.good(TEE, 0), ReceiptLine.good(TEE, 2))
                                    .location(NOWHERE)
                                    .build()),
                    tuple("location", "UNKNOWN_LOCATION"),
                    tuple("lines[0].sku", "UNKNOWN_SKU"),
                    tuple("lines[1]", "NOT_POSITIVE"),
                    tuple("lines[2].sku", "DUPLICATE_SKU"));
        }

        @Test
        void adjust_zeroDelta_isZero() {
            assertInvalid(() -> f.inventory.adjust(adjustment(0).build()), tuple("delta", "ZERO"));
        }

        @Test
        void adjust_blankReasonUnknownSkuAndLocation_listsEveryOne() {
            assertInvalid(
                    () -> f.inventory.adjust(adjustment(2)
                            .sku(UNKNOWN)
                            .location(NOWHERE)
                            .reason(" ")
                            .build()),
                    tuple("sku", "UNKNOWN_SKU"),
                    tuple("location", "UNKNOWN_LOCATION"),
                    tuple("reason", "MISSING"));
        }

        @Test
        void adjust_belowReserved_isInsufficientStock() {
            f.allocate("order:o-1", line("a", TEE, WH_HCM, 8));
            assertRejected(() -> f.inventory.adjust(adjustment(-3).build()), StockRejectedException.INSUFFICIENT_STOCK);
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(10);
        }

        @Test
        void adjust_quarantineBelowZero_isInsufficientStock() {
            assertRejected(
                    () -> f.inventory.adjust(
                            adjustment(-1).bucket(StockBucket.QUARANTINED).build()),
                    StockRejectedException.INSUFFICIENT_STOCK);
        }

        @Test
        void moveQuarantine_zeroUnitsAndWrongKind_listsEveryOne() {
            assertInvalid(
                    () -> f.inventory.moveQuarantine(MoveQuarantine.builder()
                            .tenant(TENANT)
                            .sku(TEE)
                            .location(WH_HCM)
                            .kind(MovementKind.RECEIPT)
                            .units(0)
                            .reason("scratched")
                            .actor(ACTOR)
                            .build()),
                    tuple("units", "NOT_POSITIVE"),
                    tuple("kind", "UNSUPPORTED"));
        }

        @Test
        void moveQuarantine_moreThanQuarantined_isInsufficientStock() {
            assertRejected(
                    () -> f.inventory.moveQuarantine(MoveQuarantine.builder()
                            .tenant(TENANT)
                            .sku(TEE)
                            .location(WH_HCM)
                            .kind(MovementKind.WRITE_OFF)
                            .units(1)
                            .reason("scrapped")
                            .actor(ACTOR)
                            .build()),
                    StockRejectedException.INSUFFICIENT_STOCK);
        }

        @Test
        void setSafetyStock_negative_isOutOfRange() {
            assertInvalid(() -> f.inventory.setSafetyStock(TENANT, TEE, WH_HCM, -1), tuple("units", "OUT_OF_RANGE"));
        }
    }

    @Nested
    @DisplayName("transfers and counts")
    class TransfersAndCounts {
        private TransferStock.Builder transfer(LocationId from, LocationId to, int units) {
            return TransferStock.builder()
                    .tenant(TENANT)
                    .from(from)
                    .to(to)
                    .putLines(TEE, units)
                    .actor(ACTOR);
        }

        private CountStock.Builder count(LocationId location) {
            return CountStock.builder().tenant(TENANT).location(location).actor(ACTOR);
        }

        @Test
        void transfer_sameLocation_isSameLocation() {
            assertInvalid(
                    () -> f.inventory.transfer(transfer(WH_HCM, WH_HCM, 1).build()), tuple("to", "SAME_LOCATION"));
        }

        @Test
        void transfer_zeroUnits_isNotPositive() {
            assertInvalid(
                    () -> f.inventory.transfer(transfer(WH_HCM, WH_HN, 0).build()),
                    tuple("lines[TEE-BLK-M]", "NOT_POSITIVE"));
        }

        @Test
        void transfer_negativeUnitsUnknownSkuAndLocation_listsEveryOne() {
            assertInvalid(
                    () -> f.inventory.transfer(
                            transfer(NOWHERE, WH_HN, -4).putLines(UNKNOWN, 1).build()),
                    tuple("from", "UNKNOWN_LOCATION"),
                    tuple("lines[TEE-BLK-M]", "NOT_POSITIVE"),
                    tuple("lines[NOPE-1]", "UNKNOWN_SKU"));
        }

        @Test
        void transfer_moreThanAvailable_isInsufficientStock() {
            f.allocate("order:o-1", line("a", TEE, WH_HCM, 4));
            assertRejected(
                    () -> f.inventory.transfer(transfer(WH_HCM, WH_HN, 7).build()),
                    StockRejectedException.INSUFFICIENT_STOCK);
        }

        @Test
        void count_negative_isNegative() {
            assertInvalid(
                    () -> f.inventory.count(count(WH_HCM).putCounted(TEE, -1).build()),
                    tuple("counted[TEE-BLK-M]", "NEGATIVE"));
        }

        @Test
        void count_locationThatDoesNotExist_isUnknownLocation() {
            assertInvalid(
                    () -> f.inventory.count(count(NOWHERE).putCounted(TEE, 3).build()),
                    tuple("location", "UNKNOWN_LOCATION"));
        }

        @Test
        void count_nothingCounted_isEmpty() {
            assertInvalid(() -> f.inventory.count(count(WH_HCM).build()), tuple("counted", "EMPTY"));
        }

        @Test
        void count_belowReserved_isBelowReserved() {
            f.allocate("order:o-1", line("a", TEE, WH_HCM, 6));
            assertRejected(
                    () -> f.inventory.count(
                            count(WH_HCM).putCounted(TEE, 5).putCounted(MUG, 1).build()),
                    StockRejectedException.BELOW_RESERVED);
            assertThat(f.level(MUG, WH_HCM).onHand()).isEqualTo(10);
        }

        @Test
        void receiveTransfer_twice_isAlreadyReceived() {
            Transfer t = f.inventory.transfer(transfer(WH_HCM, WH_HN, 3).build());
            ReceiveTransfer receive = ReceiveTransfer.builder()
                    .tenant(TENANT)
                    .transfer(t.id())
                    .actor(ACTOR)
                    .build();
            f.inventory.receiveTransfer(receive);
            assertRejected(() -> f.inventory.receiveTransfer(receive), StockRejectedException.ALREADY_RECEIVED);
            assertThat(f.level(TEE, WH_HN).onHand()).isEqualTo(3);
        }

        @Test
        void receiveTransfer_moreThanShippedAndOtherSku_listsEveryOne() {
            Transfer t = f.inventory.transfer(transfer(WH_HCM, WH_HN, 3).build());
            assertInvalid(
                    () -> f.inventory.receiveTransfer(ReceiveTransfer.builder()
                            .tenant(TENANT)
                            .transfer(t.id())
                            .putReceived(TEE, 3)
                            .putDamaged(TEE, 1)
                            .putReceived(MUG, 1)
                            .actor(ACTOR)
                            .build()),
                    tuple("received[TEE-BLK-M]", "OUT_OF_RANGE"),
                    tuple("received[MUG-WHT]", "UNKNOWN_SKU"));
        }
    }

    @Nested
    @DisplayName("reservations in the wrong state")
    class ReservationState {
        @Test
        void confirm_expiredHold_isHoldExpired() {
            Reservation hold = f.hold("cart:c-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            f.clock.advance(Duration.ofMinutes(15));
            assertRejected(() -> f.inventory.confirm(TENANT, hold.id()), StockRejectedException.HOLD_EXPIRED);
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(2);
        }

        @Test
        void extend_expiredHold_isHoldExpired() {
            Reservation hold = f.hold("cart:c-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            f.clock.advance(Duration.ofMinutes(16));
            assertRejected(
                    () -> f.inventory.extend(TENANT, hold.id(), Duration.ofMinutes(5)),
                    StockRejectedException.HOLD_EXPIRED);
        }

        @Test
        void extend_zeroDuration_isOutOfRange() {
            Reservation hold = f.hold("cart:c-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            assertInvalid(() -> f.inventory.extend(TENANT, hold.id(), Duration.ZERO), tuple("holdFor", "OUT_OF_RANGE"));
        }

        @Test
        void extend_allocation_isNotOpen() {
            Reservation r = f.allocate("order:o-1", line("a", TEE, WH_HCM, 2));
            assertRejected(
                    () -> f.inventory.extend(TENANT, r.id(), Duration.ofMinutes(5)), StockRejectedException.NOT_OPEN);
        }

        @Test
        void release_moreThanHeldAndUnknownLine_listsEveryOne() {
            Reservation r = f.allocate("order:o-1", line("a", TEE, WH_HCM, 2), line("b", MUG, WH_HCM, 1));
            assertInvalid(
                    () -> f.inventory.release(TENANT, r.id(), Map.of("a", 3, "zz", 1, "b", 0)),
                    tuple("units[a]", "MORE_THAN_HELD"),
                    tuple("units[zz]", "UNKNOWN_LINE"),
                    tuple("units[b]", "NOT_POSITIVE"));
        }

        @Test
        void consume_moreThanHeld_isMoreThanHeld() {
            Reservation r = f.allocate("order:o-1", line("a", TEE, WH_HCM, 2));
            assertInvalid(
                    () -> f.inventory.consume(TENANT, r.id(), Map.of("a", 3), "shipment:s-1", ACTOR),
                    tuple("units[a]", "MORE_THAN_HELD"));
        }

        @Test
        void confirmConsumeOrPartlyRelease_releasedReservation_isNotOpen() {
            Reservation hold = f.hold("order:o-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            f.inventory.release(TENANT, hold.id(), Map.of());

            assertRejected(() -> f.inventory.confirm(TENANT, hold.id()), StockRejectedException.NOT_OPEN);
            assertRejected(
                    () -> f.inventory.consume(TENANT, hold.id(), Map.of(), "shipment:s-1", ACTOR),
                    StockRejectedException.NOT_OPEN);
            assertRejected(
                    () -> f.inventory.release(TENANT, hold.id(), Map.of("a", 1)), StockRejectedException.NOT_OPEN);
        }

        @Test
        void expire_holdNotYetDue_isNotOpen() {
            Reservation hold = f.hold("cart:c-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            f.clock.advance(Duration.ofMinutes(14));
            assertRejected(() -> f.inventory.expire(TENANT, hold.id()), StockRejectedException.NOT_OPEN);
        }

        @Test
        void expire_confirmedAllocation_isNotOpenAndKeepsTheStock() {
            Reservation r = f.allocate("order:o-1", line("a", TEE, WH_HCM, 2));
            assertRejected(() -> f.inventory.expire(TENANT, r.id()), StockRejectedException.NOT_OPEN);
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("unknown reservations and transfers")
    class Unknown {
        private final ReservationId missing = ReservationId.of("res-404");

        @Test
        void reservationCommands_unknownReservation_areNotFound() {
            assertNotFound(() -> f.inventory.confirm(TENANT, missing));
            assertNotFound(() -> f.inventory.extend(TENANT, missing, Duration.ofMinutes(5)));
            assertNotFound(() -> f.inventory.release(TENANT, missing, Map.of()));
            assertNotFound(() -> f.inventory.expire(TENANT, missing));
            assertNotFound(() -> f.inventory.consume(TENANT, missing, Map.of(), "shipment:s-1", ACTOR));
            assertThat(f.inventory.reservation(TENANT, missing)).isEqualTo(Optional.empty());
        }

        @Test
        void receiveTransfer_unknownTransfer_isNotFound() {
            assertNotFound(() -> f.inventory.receiveTransfer(ReceiveTransfer.builder()
                    .tenant(TENANT)
                    .transfer(TransferId.of("trf-404"))
                    .actor(ACTOR)
                    .build()));
        }

        @Test
        void product_unknownSku_isNotFound() {
            assertNotFound(() -> f.inventory.product(TENANT, UNKNOWN));
        }
    }
}
