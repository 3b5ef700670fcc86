package dev.omskit.testkit.inventory;

import static dev.omskit.testkit.inventory.InventoryFixture.ACTOR;
import static dev.omskit.testkit.inventory.InventoryFixture.MUG;
import static dev.omskit.testkit.inventory.InventoryFixture.TEE;
import static dev.omskit.testkit.inventory.InventoryFixture.TENANT;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HCM;
import static dev.omskit.testkit.inventory.InventoryFixture.WH_HN;
import static dev.omskit.testkit.inventory.InventoryFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.omskit.core.inventory.DriftReport;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.MoveQuarantine;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.model.Actor;
import dev.omskit.core.spi.CellChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Drift between counters and ledger: check and repair")
class DriftRepairTest {
    private static final Actor REPAIRER = Actor.system("drift-repair");

    private final InventoryFixture f = InventoryFixture.create();

    @BeforeEach
    void history() {
        f.receive(TEE, WH_HCM, 10);
        f.receive(MUG, WH_HCM, 8);
        f.allocate("order:o-1", line("a", TEE, WH_HCM, 4));
        var hold = f.hold("cart:c-1", Duration.ofMinutes(10), line("a", MUG, WH_HCM, 2));
        f.inventory.consume(TENANT, hold.id(), Map.of("a", 1), "shipment:s-1", ACTOR);
        f.inventory.transfer(TransferStock.builder()
                .tenant(TENANT)
                .from(WH_HCM)
                .to(WH_HN)
                .putLines(MUG, 3)
                .actor(ACTOR)
                .build());
        f.inventory.moveQuarantine(MoveQuarantine.builder()
                .tenant(TENANT)
                .sku(TEE)
                .location(WH_HCM)
                .kind(MovementKind.QUARANTINE)
                .units(1)
                .reason("torn")
                .actor(ACTOR)
                .build());
    }

    @Test
    void checkDrift_cleanStore_isClean() {
        DriftReport report = f.inventory.checkDrift(TENANT);

        assertThat(report.isClean()).isTrue();
        assertThat(report.repairs()).isEmpty();
        assertThat(f.inventory.repairDrift(TENANT, REPAIRER).drifts()).isEmpty();
    }

    @Test
    void checkDrift_corruptedCounters_namesCellBucketCounterAndExpected() {
        f.store.corruptCountersForTesting(TENANT, new CellChange(TEE, WH_HCM, 3, -2, 0, 0));
        f.store.corruptCountersForTesting(TENANT, new CellChange(MUG, WH_HN, 0, 0, 1, 2));

        DriftReport report = f.inventory.checkDrift(TENANT);

        assertThat(report.isClean()).isFalse();
        assertThat(report.drifts())
                .extracting(
                        DriftReport.Drift::sku,
                        DriftReport.Drift::location,
                        DriftReport.Drift::bucket,
                        DriftReport.Drift::counter,
                        DriftReport.Drift::expected)
                .containsExactlyInAnyOrder(
                        tuple(TEE, WH_HCM, "onHand", 12, 9),
                        tuple(TEE, WH_HCM, "reserved", 2, 4),
                        tuple(MUG, WH_HN, "quarantined", 1, 0),
                        tuple(MUG, WH_HN, "inTransit", 5, 3));
        assertThat(report.drifts())
                .anySatisfy(d -> assertThat(d.toString()).isEqualTo("TEE-BLK-M@WH-HCM onHand: counter 12, expected 9"));
    }

    @Test
    void repairDrift_corruptedCounters_fixesThemWithRepairEntriesByTheActor() {
        StockLevel teeBefore = f.level(TEE, WH_HCM);
        List<LedgerEntry> ledgerBefore = f.ledger(TEE, WH_HCM);
        f.store.corruptCountersForTesting(TENANT, new CellChange(TEE, WH_HCM, 3, -2, 0, 0));
        f.store.corruptCountersForTesting(TENANT, new CellChange(MUG, WH_HN, 0, 0, 1, 2));

        DriftReport repair = f.inventory.repairDrift(TENANT, REPAIRER);

        assertThat(repair.drifts()).hasSize(4);
        assertThat(repair.repairs())
                .extracting(
                        e -> e.movement().sku(),
                        e -> e.movement().kind(),
                        e -> e.movement().onHand(),
                        e -> e.movement().reserved(),
                        e -> e.movement().quarantined(),
                        e -> e.movement().inTransit())
                .containsExactlyInAnyOrder(
                        tuple(TEE, MovementKind.REPAIR, -3, 2, 0, 0), tuple(MUG, MovementKind.REPAIR, 0, 0, -1, -2));
        assertThat(repair.repairs()).allSatisfy(e -> {
            assertThat(e.movement().actor()).isEqualTo(REPAIRER);
            assertThat(e.movement().at()).isEqualTo(f.clock.instant());
            assertThat(e.movement().reason()).isPresent();
        });
        assertThat(f.level(TEE, WH_HCM)).isEqualTo(teeBefore);
        assertThat(f.level(MUG, WH_HN))
                .extracting(StockLevel::quarantined, StockLevel::inTransit)
                .containsExactly(0, 3);
        assertThat(f.ledger(TEE, WH_HCM)).startsWith(ledgerBefore.toArray(LedgerEntry[]::new));
        assertThat(f.ledger(TEE, WH_HCM))
                .last()
                .satisfies(e -> assertThat(e.movement().kind()).isEqualTo(MovementKind.REPAIR));
        assertThat(f.inventory.checkDrift(TENANT).isClean()).isTrue();
    }
}
