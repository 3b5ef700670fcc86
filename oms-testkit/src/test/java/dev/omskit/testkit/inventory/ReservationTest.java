package dev.omskit.testkit.inventory;

import static dev.omskit.testkit.inventory.InventoryFixture.ACTOR;
import static dev.omskit.testkit.inventory.InventoryFixture.CAP;
import static dev.omskit.testkit.inventory.InventoryFixture.GIFT_SET;
import static dev.omskit.testkit.inventory.InventoryFixture.MUG;
import static dev.omskit.testkit.inventory.InventoryFixture.STORE_Q1;
import static dev.omskit.testkit.inventory.InventoryFixture.TEE;
import static dev.omskit.testkit.inventory.InventoryFixture.TENANT;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HCM;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HN;
import static dev.omskit.testkit.inventory.InventoryFixture.line;
import static dev.omskit.testkit.inventory.InventoryFixture.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.error.IdempotencyConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReservationLine;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.Shortfall;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Reservations: all lines or none, holds, release and consumption")
class ReservationTest {
    private final InventoryFixture f = InventoryFixture.create();

    @BeforeEach
    void stock() {
        f.receive(TEE, WH_HCM, 10);
        f.receive(MUG, WH_HCM, 10);
        f.receive(TEE, WH_HN, 3);
        f.receive(CAP, STORE_Q1, 5);
    }

    @Nested
    @DisplayName("all or nothing")
    class AllOrNothing {
        @Test
        void reserve_everyLineAvailable_reservesEveryLine() {
            ReserveResult result = f.inventory.reserve(reservation(
                            "order:o-1",
                            line("a", TEE, WH_HCM, 4),
                            line("b", MUG, WH_HCM, 10),
                            line("c", CAP, STORE_Q1, 1))
                    .build());

            assertThat(result.isReserved()).isTrue();
            Reservation r = result.reservation().orElseThrow();
            assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(r.expiresAt()).isEmpty();
            assertThat(r.openUnits()).isEqualTo(15);
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(4);
            assertThat(f.level(MUG, WH_HCM).available()).isZero();
            assertThat(f.level(CAP, STORE_Q1).reserved()).isEqualTo(1);
            assertThat(f.inventory.reservationsFor(TENANT, "order:o-1")).containsExactly(r);
        }

        @Test
        void reserve_oneLineShort_reservesNothing() {
            ReserveResult result =
                    f.inventory.reserve(reservation("order:o-1", line("a", TEE, WH_HCM, 2), line("b", MUG, WH_HCM, 11))
                            .build());

            assertThat(result.isReserved()).isFalse();
            assertThat(result.shortfalls()).containsExactly(new Shortfall(MUG, WH_HCM, "available", 11, 10));
            assertThat(f.level(TEE, WH_HCM).reserved()).isZero();
            assertThat(f.level(MUG, WH_HCM).reserved()).isZero();
            assertThat(f.inventory.reservationsFor(TENANT, "order:o-1")).isEmpty();
        }

        @Test
        void reserve_severalLinesShort_listsEveryShortfall() {
            ReserveResult result = f.inventory.reserve(reservation(
                            "order:o-1",
                            line("a", MUG, WH_HCM, 11),
                            line("b", TEE, WH_HN, 4),
                            line("c", CAP, STORE_Q1, 1))
                    .build());

            assertThat(result.shortfalls())
                    .extracting(Shortfall::sku, Shortfall::location, Shortfall::requested, Shortfall::available)
                    .containsExactlyInAnyOrder(tuple(MUG, WH_HCM, 11, 10), tuple(TEE, WH_HN, 4, 3));
            assertThat(f.level(CAP, STORE_Q1).reserved()).isZero();
        }

        @Test
        void reserve_twoLinesOnOneCell_addsThemUp() {
            ReserveResult result =
                    f.inventory.reserve(reservation("order:o-1", line("a", TEE, WH_HCM, 6), line("b", TEE, WH_HCM, 5))
                            .build());

            assertThat(result.shortfalls()).containsExactly(new Shortfall(TEE, WH_HCM, "available", 11, 10));
        }

        @Test
        void reserve_afterOtherReservations_seesOnlyWhatIsLeft() {
            f.allocate("order:o-1", line("a", TEE, WH_HCM, 7));

            ReserveResult result = f.inventory.reserve(
                    reservation("order:o-2", line("a", TEE, WH_HCM, 4)).build());

            assertThat(result.shortfalls()).containsExactly(new Shortfall(TEE, WH_HCM, "available", 4, 3));
        }
    }

    @Nested
    @DisplayName("holds")
    class Holds {
        @Test
        void hold_thenConfirm_becomesAllocationWithoutExpiry() {
            Instant start = f.clock.instant();
            Reservation hold = f.hold("order:o-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            assertThat(hold.status()).isEqualTo(ReservationStatus.HELD);
            assertThat(hold.expiresAt()).contains(start.plus(Duration.ofMinutes(15)));

            f.clock.advance(Duration.ofMinutes(5));
            Reservation confirmed = f.inventory.confirm(TENANT, hold.id());

            assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(confirmed.expiresAt()).isEmpty();
            assertThat(confirmed.version()).isEqualTo(2);
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(2);
            assertThat(f.inventory.confirm(TENANT, hold.id())).isEqualTo(confirmed);
        }

        @Test
        void expireHolds_afterExpiry_releasesOnlyLapsedHolds() {
            Reservation lapsing = f.hold("cart:c-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            Reservation longer = f.hold("order:o-1", Duration.ofHours(1), line("a", TEE, WH_HCM, 3));
            Reservation confirmed = f.hold("order:o-2", Duration.ofMinutes(15), line("a", MUG, WH_HCM, 4));
            f.inventory.confirm(TENANT, confirmed.id());
            Reservation allocation = f.allocate("order:o-3", line("a", CAP, STORE_Q1, 1));

            f.clock.advance(Duration.ofMinutes(20));
            assertThat(f.inventory.expiredHolds(10)).extracting(Reservation::id).containsExactly(lapsing.id());
            List<Reservation> expired = f.inventory.expireHolds(100);

            assertThat(expired).extracting(Reservation::id).containsExactly(lapsing.id());
            assertThat(expired.get(0).status()).isEqualTo(ReservationStatus.EXPIRED);
            assertThat(expired.get(0).openUnits()).isZero();
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(3);
            assertThat(f.inventory
                            .reservation(TENANT, longer.id())
                            .orElseThrow()
                            .status())
                    .isEqualTo(ReservationStatus.HELD);
            assertThat(f.inventory
                            .reservation(TENANT, confirmed.id())
                            .orElseThrow()
                            .status())
                    .isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(f.level(MUG, WH_HCM).reserved()).isEqualTo(4);
            assertThat(f.inventory.reservation(TENANT, allocation.id())).contains(allocation);
            assertThat(f.inventory.expireHolds(100)).isEmpty();
        }

        @Test
        void expire_lapsedHold_releasesItAsExpired() {
            Reservation hold = f.hold("cart:c-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            f.clock.advance(Duration.ofMinutes(15));

            Reservation expired = f.inventory.expire(TENANT, hold.id());

            assertThat(expired.status()).isEqualTo(ReservationStatus.EXPIRED);
            assertThat(f.level(TEE, WH_HCM).reserved()).isZero();
        }

        @Test
        void extend_beforeExpiry_movesTheExpiry() {
            Reservation hold = f.hold("cart:c-1", Duration.ofMinutes(15), line("a", TEE, WH_HCM, 2));
            Instant later = f.clock.advance(Duration.ofMinutes(10));

            Reservation extended = f.inventory.extend(TENANT, hold.id(), Duration.ofMinutes(30));

            assertThat(extended.expiresAt()).contains(later.plus(Duration.ofMinutes(30)));
            f.clock.advance(Duration.ofMinutes(20));
            assertThat(f.inventory.expireHolds(100)).isEmpty();
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(2);
            f.clock.advance(Duration.ofMinutes(10));
            assertThat(f.inventory.expireHolds(100)).extracting(Reservation::id).containsExactly(hold.id());
        }
    }

    @Nested
    @DisplayName("release and consumption")
    class ReleaseAndConsume {
        @Test
        void release_part_keepsTheRestHeld() {
            Reservation r = f.allocate("order:o-1", line("a", TEE, WH_HCM, 5), line("b", MUG, WH_HCM, 3));

            Reservation after = f.inventory.release(TENANT, r.id(), Map.of("a", 2));

            assertThat(after.status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(after.line("a").orElseThrow().open()).isEqualTo(3);
            assertThat(after.line("a").orElseThrow().released()).isEqualTo(2);
            assertThat(after.line("b").orElseThrow().open()).isEqualTo(3);
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(3);

            Reservation all = f.inventory.release(TENANT, r.id(), Map.of());
            assertThat(all.status()).isEqualTo(ReservationStatus.RELEASED);
            assertThat(all.openUnits()).isZero();
            assertThat(f.level(TEE, WH_HCM).reserved()).isZero();
            assertThat(f.level(MUG, WH_HCM).reserved()).isZero();
            assertThat(f.inventory.release(TENANT, r.id(), Map.of())).isEqualTo(all);
        }

        @Test
        void consume_part_writesShipmentEntriesAndLowersOnHandAndReserved() {
            Reservation r = f.allocate("order:o-1", line("a", TEE, WH_HCM, 4), line("b", MUG, WH_HCM, 2));

            Reservation after = f.inventory.consume(TENANT, r.id(), Map.of("a", 3), "shipment:s-1", ACTOR);

            assertThat(after.status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(after.line("a").orElseThrow().consumed()).isEqualTo(3);
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(7);
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(1);
            assertThat(f.level(MUG, WH_HCM).onHand()).isEqualTo(10);
            LedgerEntry last = f.ledger(TEE, WH_HCM).get(f.ledger(TEE, WH_HCM).size() - 1);
            assertThat(last.movement().kind()).isEqualTo(MovementKind.SHIPMENT);
            assertThat(last.movement().onHand()).isEqualTo(-3);
            assertThat(last.movement().reserved()).isEqualTo(-3);
            assertThat(last.movement().cause()).isEqualTo("shipment:s-1");
            assertThat(last.movement().actor()).isEqualTo(ACTOR);

            Reservation done = f.inventory.consume(TENANT, r.id(), Map.of(), "shipment:s-2", ACTOR);
            assertThat(done.status()).isEqualTo(ReservationStatus.FULFILLED);
            assertThat(f.level(TEE, WH_HCM))
                    .extracting(l -> l.onHand(), l -> l.reserved())
                    .containsExactly(6, 0);
            assertThat(f.level(MUG, WH_HCM))
                    .extracting(l -> l.onHand(), l -> l.reserved())
                    .containsExactly(8, 0);
            assertThat(f.ledger(MUG, WH_HCM))
                    .extracting(e -> e.movement().kind())
                    .containsExactly(MovementKind.RECEIPT, MovementKind.SHIPMENT);
        }
    }

    @Nested
    @DisplayName("idempotency and kits")
    class IdempotencyAndKits {
        @Test
        void reserve_sameExplicitIdTwice_replaysTheFirst() {
            ReservationId id = ReservationId.of("res-order-1");
            ReserveResult first = f.inventory.reserve(
                    reservation("order:o-1", line("a", TEE, WH_HCM, 4)).id(id).build());
            f.clock.advance(Duration.ofMinutes(1));
            ReserveResult second = f.inventory.reserve(
                    reservation("order:o-1", line("a", TEE, WH_HCM, 4)).id(id).build());

            assertThat(second.reservation()).isEqualTo(first.reservation());
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(4);
            assertThat(f.inventory.reservationsFor(TENANT, "order:o-1")).hasSize(1);
        }

        @Test
        void reserve_sameExplicitIdOtherLines_isIdempotencyConflict() {
            ReservationId id = ReservationId.of("res-order-1");
            f.inventory.reserve(
                    reservation("order:o-1", line("a", TEE, WH_HCM, 4)).id(id).build());
            InventoryFixture.Snapshot before = f.snapshot();

            assertThatThrownBy(() -> f.inventory.reserve(reservation("order:o-1", line("a", TEE, WH_HCM, 5))
                            .id(id)
                            .build()))
                    .isInstanceOf(IdempotencyConflictException.class);
            assertThat(f.snapshot()).isEqualTo(before);
        }

        @Test
        void reserve_kit_reservesItsComponentsUnderComponentRefs() {
            Reservation r = f.allocate("order:o-1", line("k", GIFT_SET, WH_HCM, 2));

            assertThat(r.lines())
                    .extracting(ReservationLine::ref, ReservationLine::sku, ReservationLine::quantity)
                    .containsExactly(tuple("k/MUG-WHT", MUG, 4), tuple("k/TEE-BLK-M", TEE, 2));
            assertThat(f.level(MUG, WH_HCM).reserved()).isEqualTo(4);
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(2);
            assertThat(f.level(GIFT_SET, WH_HCM).onHand()).isZero();
        }

        @Test
        void reserve_kitWithShortComponent_reservesNothing() {
            ReserveResult result = f.inventory.reserve(
                    reservation("order:o-1", line("k", GIFT_SET, WH_HCM, 6)).build());

            assertThat(result.shortfalls()).containsExactly(new Shortfall(MUG, WH_HCM, "available", 12, 10));
            assertThat(f.level(TEE, WH_HCM).reserved()).isZero();
            assertThat(result.reservation()).isEqualTo(Optional.empty());
        }
    }

    @Nested
    @DisplayName("merging one holder's reservation into another's")
    class Merge {
        @Test
        void merge_intoANewReservation_movesTheOpenUnitsWithoutTouchingTheCounters() {
            f.receive(TEE, WH_HCM, 10);
            Reservation pending = f.hold(
                    "order:o-1#pending", Duration.ofMinutes(5), InventoryFixture.line("L1@WH-HCM", TEE, WH_HCM, 3));
            StockLevel before = f.level(TEE, WH_HCM);

            Reservation merged =
                    f.inventory.merge(TENANT, pending.id(), ReservationId.of("order-o-1"), "order:o-1", true);

            assertThat(merged.status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(merged.openUnits()).isEqualTo(3);
            assertThat(merged.reference()).isEqualTo("order:o-1");
            assertThat(f.inventory
                            .reservation(TENANT, pending.id())
                            .orElseThrow()
                            .status())
                    .isEqualTo(ReservationStatus.RELEASED);
            assertThat(f.level(TEE, WH_HCM)).isEqualTo(before);
            assertThat(f.inventory.reservationsFor(TENANT, "order:o-1")).containsExactly(merged);
            assertThat(f.inventory.checkDrift(TENANT).isClean()).isTrue();
        }

        @Test
        void merge_intoAnExistingLine_addsTheUnitsToIt_andReopensAnEndedTarget() {
            f.receive(TEE, WH_HCM, 10);
            Reservation first = f.hold(
                    "order:o-1#pending", Duration.ofMinutes(5), InventoryFixture.line("L1@WH-HCM", TEE, WH_HCM, 2));
            ReservationId into = ReservationId.of("order-o-1");
            f.inventory.merge(TENANT, first.id(), into, "order:o-1", false);
            f.inventory.release(TENANT, into, Map.of());
            Reservation second = f.hold(
                    "order:o-1#pending", Duration.ofMinutes(5), InventoryFixture.line("L1@WH-HCM", TEE, WH_HCM, 3));

            Reservation merged = f.inventory.merge(TENANT, second.id(), into, "order:o-1", false);

            assertThat(merged.status()).isEqualTo(ReservationStatus.HELD);
            assertThat(merged.lines()).singleElement().satisfies(l -> {
                assertThat(l.quantity()).isEqualTo(5);
                assertThat(l.released()).isEqualTo(2);
                assertThat(l.open()).isEqualTo(3);
            });
            assertThat(f.level(TEE, WH_HCM).reserved()).isEqualTo(3);
            assertThat(f.inventory.checkDrift(TENANT).isClean()).isTrue();
        }

        @Test
        void merge_ofAReleasedReservation_isNotOpenAndChangesNothing() {
            f.receive(TEE, WH_HCM, 10);
            Reservation r = f.hold("cart:c-1", Duration.ofMinutes(5), InventoryFixture.line("a", TEE, WH_HCM, 1));
            f.inventory.release(TENANT, r.id(), Map.of());

            assertThatThrownBy(
                            () -> f.inventory.merge(TENANT, r.id(), ReservationId.of("order-o-9"), "order:o-9", true))
                    .isInstanceOfSatisfying(StockRejectedException.class, e -> assertThat(e.code())
                            .isEqualTo(StockRejectedException.NOT_OPEN));
            assertThat(f.inventory.reservation(TENANT, ReservationId.of("order-o-9")))
                    .isEmpty();
            assertThatThrownBy(() -> f.inventory.merge(TENANT, r.id(), r.id(), "cart:c-1", true))
                    .isInstanceOf(InvalidArgumentException.class);
        }
    }
}
