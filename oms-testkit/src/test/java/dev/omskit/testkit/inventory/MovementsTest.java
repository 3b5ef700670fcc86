package dev.omskit.testkit.inventory;

import static dev.omskit.testkit.inventory.InventoryFixture.ACTOR;
import static dev.omskit.testkit.inventory.InventoryFixture.CAP;
import static dev.omskit.testkit.inventory.InventoryFixture.MUG;
import static dev.omskit.testkit.inventory.InventoryFixture.TEE;
import static dev.omskit.testkit.inventory.InventoryFixture.TENANT;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_DN;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HCM;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.CountReport;
import dev.omskit.core.inventory.CountStock;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.MoveQuarantine;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceiveTransfer;
import dev.omskit.core.inventory.StockBucket;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferLine;
import dev.omskit.core.inventory.TransferStatus;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Stock movements: receipts, adjustments, quarantine, transfers, counts")
class MovementsTest {
    private final InventoryFixture f = InventoryFixture.create();

    private static List<Object> kinds(List<LedgerEntry> entries) {
        return entries.stream().map(e -> (Object) e.movement().kind()).toList();
    }

    @Nested
    @DisplayName("receipts")
    class Receipts {
        @Test
        void receive_withInspection_putsGoodOnHandAndDamagedInQuarantineWithReason() {
            List<LedgerEntry> entries = f.inventory.receive(ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(WH_HCM)
                    .addLines(ReceiptLine.inspected(TEE, 8, 2, "crushed carton"), ReceiptLine.good(MUG, 5))
                    .cause("po:PO-7")
                    .actor(ACTOR)
                    .build());

            assertThat(f.level(TEE, WH_HCM))
                    .extracting(StockLevel::onHand, StockLevel::quarantined)
                    .containsExactly(8, 2);
            assertThat(f.level(MUG, WH_HCM).onHand()).isEqualTo(5);
            assertThat(entries)
                    .extracting(
                            e -> e.movement().kind(),
                            e -> e.movement().onHand(),
                            e -> e.movement().quarantined(),
                            e -> e.movement().reason())
                    .containsExactly(
                            tuple(MovementKind.RECEIPT, 8, 0, Optional.empty()),
                            tuple(MovementKind.RECEIPT_DAMAGED, 0, 2, Optional.of("crushed carton")),
                            tuple(MovementKind.RECEIPT, 5, 0, Optional.empty()));
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.movement().cause()).isEqualTo("po:PO-7");
                assertThat(e.movement().actor()).isEqualTo(ACTOR);
                assertThat(e.movement().at()).isEqualTo(f.clock.instant());
            });
            assertThat(f.ledger(TEE, WH_HCM)).containsExactlyElementsOf(entries.subList(0, 2));
        }

        @Test
        void receive_sameIdempotencyKeyTwice_countsOnce() {
            ReceiveGoods receipt = ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(WH_HCM)
                    .addLines(ReceiptLine.good(TEE, 5))
                    .idempotencyKey(IdempotencyKey.of("dn-1001"))
                    .actor(ACTOR)
                    .build();

            List<LedgerEntry> first = f.inventory.receive(receipt);
            List<LedgerEntry> second = f.inventory.receive(receipt);

            assertThat(second).isEqualTo(first);
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(5);
            assertThat(f.ledger(TEE, WH_HCM)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("adjustments and quarantine")
    class AdjustmentsAndQuarantine {
        private AdjustStock.Builder adjustment(int delta, String reason) {
            return AdjustStock.builder()
                    .tenant(TENANT)
                    .sku(TEE)
                    .location(WH_HCM)
                    .delta(delta)
                    .reason(reason)
                    .actor(ACTOR);
        }

        @Test
        void adjust_upAndDown_changesTheBucketAndRecordsTheReason() {
            f.receive(TEE, WH_HCM, 10);

            f.inventory.adjust(adjustment(3, "found in returns area").build());
            f.inventory.adjust(adjustment(-2, "eaten by the dog").build());
            f.inventory.adjust(adjustment(1, "blocked by QA")
                    .bucket(StockBucket.QUARANTINED)
                    .build());

            assertThat(f.level(TEE, WH_HCM))
                    .extracting(StockLevel::onHand, StockLevel::quarantined)
                    .containsExactly(11, 1);
            assertThat(f.ledger(TEE, WH_HCM).subList(1, 4))
                    .extracting(
                            e -> e.movement().kind(),
                            e -> e.movement().onHand(),
                            e -> e.movement().quarantined(),
                            e -> e.movement().reason().orElseThrow())
                    .containsExactly(
                            tuple(MovementKind.ADJUSTMENT, 3, 0, "found in returns area"),
                            tuple(MovementKind.ADJUSTMENT, -2, 0, "eaten by the dog"),
                            tuple(MovementKind.ADJUSTMENT, 0, 1, "blocked by QA"));
        }

        @Test
        void moveQuarantine_quarantineReleaseWriteOff_movesUnitsBetweenBuckets() {
            f.receive(TEE, WH_HCM, 10);

            f.inventory.moveQuarantine(move(MovementKind.QUARANTINE, 3, "stained"));
            assertThat(f.level(TEE, WH_HCM))
                    .extracting(StockLevel::onHand, StockLevel::quarantined)
                    .containsExactly(7, 3);
            f.inventory.moveQuarantine(move(MovementKind.QUARANTINE_RELEASE, 1, "washed, fine"));
            assertThat(f.level(TEE, WH_HCM))
                    .extracting(StockLevel::onHand, StockLevel::quarantined)
                    .containsExactly(8, 2);
            f.inventory.moveQuarantine(move(MovementKind.WRITE_OFF, 2, "scrapped"));
            assertThat(f.level(TEE, WH_HCM))
                    .extracting(StockLevel::onHand, StockLevel::quarantined)
                    .containsExactly(8, 0);

            assertThat(f.ledger(TEE, WH_HCM).subList(1, 4))
                    .extracting(
                            e -> e.movement().kind(),
                            e -> e.movement().onHand(),
                            e -> e.movement().quarantined(),
                            e -> e.movement().reason().orElseThrow())
                    .containsExactly(
                            tuple(MovementKind.QUARANTINE, -3, 3, "stained"),
                            tuple(MovementKind.QUARANTINE_RELEASE, 1, -1, "washed, fine"),
                            tuple(MovementKind.WRITE_OFF, 0, -2, "scrapped"));
        }

        private MoveQuarantine move(MovementKind kind, int units, String reason) {
            return MoveQuarantine.builder()
                    .tenant(TENANT)
                    .sku(TEE)
                    .location(WH_HCM)
                    .kind(kind)
                    .units(units)
                    .reason(reason)
                    .actor(ACTOR)
                    .build();
        }
    }

    @Nested
    @DisplayName("transfers")
    class Transfers {
        @Test
        void transfer_outInTransitThenReceivedWithDamageAndLoss_balancesEveryCell() {
            f.receive(TEE, WH_HCM, 10);
            f.receive(MUG, WH_HCM, 6);
            Instant expected = f.clock.instant().plus(Duration.ofDays(2));

            Transfer t = f.inventory.transfer(TransferStock.builder()
                    .tenant(TENANT)
                    .from(WH_HCM)
                    .to(WH_HN)
                    .putLines(TEE, 6)
                    .putLines(MUG, 4)
                    .expectedAt(expected)
                    .actor(ACTOR)
                    .build());

            assertThat(t.status()).isEqualTo(TransferStatus.IN_TRANSIT);
            assertThat(f.level(TEE, WH_HCM).onHand()).isEqualTo(4);
            assertThat(f.level(MUG, WH_HCM).onHand()).isEqualTo(2);
            assertThat(f.level(TEE, WH_HN))
                    .extracting(StockLevel::onHand, StockLevel::inTransit)
                    .containsExactly(0, 6);
            assertThat(f.inventory.incoming(TENANT, WH_HN)).containsExactly(t);
            assertThat(f.inventory.incoming(TENANT, WH_HN).get(0).expectedAt()).contains(expected);
            assertThat(f.inventory.incoming(TENANT, WH_DN)).isEmpty();
            assertThat(kinds(f.ledger(TEE, WH_HCM))).containsExactly(MovementKind.RECEIPT, MovementKind.TRANSFER_OUT);

            f.clock.advance(Duration.ofDays(2));
            Transfer received = f.inventory.receiveTransfer(ReceiveTransfer.builder()
                    .tenant(TENANT)
                    .transfer(t.id())
                    .putReceived(TEE, 4)
                    .putDamaged(TEE, 1)
                    .putReceived(MUG, 4)
                    .actor(ACTOR)
                    .build());

            assertThat(received.status()).isEqualTo(TransferStatus.RECEIVED);
            assertThat(received.lines())
                    .extracting(
                            TransferLine::sku,
                            TransferLine::shipped,
                            TransferLine::received,
                            TransferLine::damaged,
                            TransferLine::lost)
                    .containsExactlyInAnyOrder(tuple(TEE, 6, 4, 1, 1), tuple(MUG, 4, 4, 0, 0));
            assertThat(f.level(TEE, WH_HN))
                    .extracting(StockLevel::onHand, StockLevel::quarantined, StockLevel::inTransit)
                    .containsExactly(4, 1, 0);
            assertThat(f.level(MUG, WH_HN))
                    .extracting(StockLevel::onHand, StockLevel::quarantined, StockLevel::inTransit)
                    .containsExactly(4, 0, 0);
            assertThat(f.ledger(TEE, WH_HN))
                    .extracting(e -> e.movement().kind(), e -> e.movement().inTransit())
                    .containsExactly(
                            tuple(MovementKind.TRANSFER_IN_TRANSIT, 6),
                            tuple(MovementKind.TRANSFER_IN, -4),
                            tuple(MovementKind.RECEIPT_DAMAGED, -1),
                            tuple(MovementKind.TRANSFER_LOSS, -1));
            assertThat(f.ledger(TEE, WH_HN))
                    .allSatisfy(e -> assertThat(e.movement().cause()).isEqualTo("transfer:" + t.id()));
            assertThat(f.inventory.incoming(TENANT, WH_HN)).isEmpty();
            assertThat(f.inventory.transfer(TENANT, t.id())).contains(received);
        }

        @Test
        void receiveTransfer_nothingNamed_receivesEverythingShipped() {
            f.receive(CAP, WH_HCM, 5);
            Transfer t = f.inventory.transfer(TransferStock.builder()
                    .tenant(TENANT)
                    .from(WH_HCM)
                    .to(WH_DN)
                    .putLines(CAP, 5)
                    .actor(ACTOR)
                    .build());

            f.inventory.receiveTransfer(ReceiveTransfer.builder()
                    .tenant(TENANT)
                    .transfer(t.id())
                    .actor(ACTOR)
                    .build());

            assertThat(f.level(CAP, WH_DN))
                    .extracting(StockLevel::onHand, StockLevel::inTransit)
                    .containsExactly(5, 0);
            assertThat(f.level(CAP, WH_HCM).onHand()).isZero();
        }
    }

    @Nested
    @DisplayName("stock counts")
    class Counts {
        @Test
        void count_withVariances_reportsSystemCountedVarianceShrinkageAndValue() {
            f.receive(TEE, WH_HCM, 10);
            f.receive(MUG, WH_HCM, 10);
            f.receive(CAP, WH_HCM, 3);

            CountReport report = f.inventory.count(CountStock.builder()
                    .tenant(TENANT)
                    .location(WH_HCM)
                    .putCounted(TEE, 10)
                    .putCounted(MUG, 7)
                    .putCounted(CAP, 5)
                    .actor(ACTOR)
                    .build());

            assertThat(report.location()).isEqualTo(WH_HCM);
            assertThat(report.lines())
                    .extracting(
                            CountReport.Line::sku,
                            CountReport.Line::system,
                            CountReport.Line::counted,
                            CountReport.Line::variance)
                    .containsExactly(tuple(CAP, 3, 5, 2), tuple(MUG, 10, 7, -3), tuple(TEE, 10, 10, 0));
            assertThat(report.lines().get(1).valueAtCost()).contains(Money.of("-120000", "VND"));
            assertThat(report.lines().get(0).valueAtCost()).isEmpty();
            assertThat(report.shrinkageUnits()).isEqualTo(3);
            assertThat(report.surplusUnits()).isEqualTo(2);
            assertThat(report.variances()).extracting(CountReport.Line::sku).containsExactly(CAP, MUG);
            assertThat(report.entries())
                    .extracting(e -> e.movement().sku(), e -> e.movement().kind(), e -> e.movement()
                            .onHand())
                    .containsExactly(tuple(CAP, MovementKind.COUNT, 2), tuple(MUG, MovementKind.COUNT, -3));
            assertThat(f.level(MUG, WH_HCM).onHand()).isEqualTo(7);
            assertThat(f.level(CAP, WH_HCM).onHand()).isEqualTo(5);
            assertThat(report.toText())
                    .contains("Stock count at WH-HCM")
                    .contains("MUG-WHT")
                    .contains("-120000 VND")
                    .contains("CAP-RED")
                    .contains("TEE-BLK-M")
                    .contains("shrinkage 3 unit(s), surplus 2 unit(s)");
        }

        @Test
        void count_postedTwiceWithOneKey_countsOnceAndReportsTheFirstCountAgain() {
            f.receive(TEE, WH_HCM, 10);
            f.receive(MUG, WH_HCM, 10);
            CountStock count = CountStock.builder()
                    .tenant(TENANT)
                    .location(WH_HCM)
                    .putCounted(TEE, 10)
                    .putCounted(MUG, 7)
                    .idempotencyKey(IdempotencyKey.of("count-1"))
                    .actor(ACTOR)
                    .build();

            CountReport first = f.inventory.count(count);
            CountReport again = f.inventory.count(count);

            assertThat(again.lines()).isEqualTo(first.lines());
            assertThat(again.lines())
                    .extracting(CountReport.Line::sku, CountReport.Line::system, CountReport.Line::variance)
                    .containsExactly(tuple(MUG, 10, -3), tuple(TEE, 10, 0));
            assertThat(again.entries()).isEqualTo(first.entries());
            assertThat(f.level(MUG, WH_HCM).onHand()).isEqualTo(7);
            assertThat(f.ledger(MUG, WH_HCM)).hasSize(2);
        }

        @Test
        void count_atReserved_isAccepted() {
            f.receive(TEE, WH_HCM, 10);
            f.allocate("order:o-1", InventoryFixture.line("a", TEE, WH_HCM, 4));

            CountReport report = f.inventory.count(CountStock.builder()
                    .tenant(TENANT)
                    .location(WH_HCM)
                    .putCounted(TEE, 4)
                    .actor(ACTOR)
                    .build());

            assertThat(report.shrinkageUnits()).isEqualTo(6);
            assertThat(f.level(TEE, WH_HCM))
                    .extracting(StockLevel::onHand, StockLevel::reserved)
                    .containsExactly(4, 4);
        }
    }
}
