package dev.omskit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omskit.core.Inventory;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReservationLine;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.Shortfall;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.StaleRecordException;
import dev.omskit.core.spi.StockCommit;
import dev.omskit.core.spi.StockCommitResult;
import dev.omskit.testkit.InventoryFixtures;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Grouped reservations: a batch of plain reservations decided in one transaction, each as if alone")
class GroupedReservationsTest {
    private static final DataSource DB = TestDatabase.fresh();
    private static final TenantId A = TenantId.of("tenant-a");
    private static final TenantId B = TenantId.of("tenant-b");
    private static final LocationId WH = LocationId.of("WH-1");
    private static final Sku HOT = Sku.of("HOT-1");
    private static final Sku OTHER = Sku.of("OTHER-1");
    private static final Actor ACTOR = Actor.system("test");
    private static final Instant NOW = Instant.parse("2026-12-02T07:00:00Z");

    private JdbcInventoryStore store;

    @BeforeEach
    void emptyStore() {
        TestDatabase.truncate(DB, JdbcTables.INVENTORY_TABLES);
        store = new JdbcInventoryStore(Database.of(DB));
    }

    @Test
    @DisplayName(
            "grants in order while the cell has units, refuses the rest with what each met, across tenants and cells")
    void commitAll_grantsInOrder_refusesTheRest_withTheirShortfalls() {
        receive(A, HOT, 5);
        receive(B, HOT, 1);
        receive(A, OTHER, 3);

        List<Object> results = store.commitAll(List.of(
                plain(A, "r1", HOT, 2),
                plain(A, "r2", HOT, 2),
                plain(B, "r1", HOT, 1),
                plain(A, "r3", HOT, 2),
                plain(A, "r4", OTHER, 3),
                plain(A, "r5", HOT, 1),
                plain(B, "r2", HOT, 1)));

        assertThat(results.get(0)).isInstanceOf(StockCommitResult.Applied.class);
        assertThat(results.get(1)).isInstanceOf(StockCommitResult.Applied.class);
        assertThat(results.get(2)).as("tenant B's own cell").isInstanceOf(StockCommitResult.Applied.class);
        assertThat(results.get(3))
                .isEqualTo(new StockCommitResult.Refused(List.of(new Shortfall(HOT, WH, "available", 2, 1))));
        assertThat(results.get(4)).isInstanceOf(StockCommitResult.Applied.class);
        assertThat(results.get(5)).as("the unit the refused one left").isInstanceOf(StockCommitResult.Applied.class);
        assertThat(results.get(6))
                .isEqualTo(new StockCommitResult.Refused(List.of(new Shortfall(HOT, WH, "available", 1, 0))));
        assertThat(store.level(A, HOT, WH).reserved()).isEqualTo(5);
        assertThat(store.level(B, HOT, WH).reserved()).isEqualTo(1);
        assertThat(store.level(A, OTHER, WH).reserved()).isEqualTo(3);
        assertThat(store.reservation(A, ReservationId.of("r3")))
                .as("a refused one stores nothing")
                .isEmpty();
        assertThat(store.reservation(A, ReservationId.of("r5"))).isPresent();
        assertThat(store.openReservations(A)).hasSize(4);
        assertThat(store.openReservations(B)).hasSize(1);
    }

    @Test
    @DisplayName("a reservation whose record exists already makes the batch go one by one: that caller gets the"
            + " stale record, the others land once")
    void commitAll_existingRecord_fallsBackToOneByOne() {
        receive(A, HOT, 10);
        assertThat(store.commitAll(List.of(plain(A, "taken", HOT, 1))))
                .first()
                .isInstanceOf(StockCommitResult.Applied.class);

        List<Object> results =
                store.commitAll(List.of(plain(A, "x1", HOT, 2), plain(A, "taken", HOT, 3), plain(A, "x2", HOT, 2)));

        assertThat(results.get(0)).isInstanceOf(StockCommitResult.Applied.class);
        assertThat(results.get(1)).isInstanceOf(StaleRecordException.class);
        assertThat(results.get(2)).isInstanceOf(StockCommitResult.Applied.class);
        assertThat(store.level(A, HOT, WH).reserved()).isEqualTo(5);
    }

    @Test
    @DisplayName("a cell never received is refused with nothing available")
    void commitAll_unknownCell_isRefused() {
        List<Object> results = store.commitAll(List.of(plain(A, "r1", Sku.of("NEVER"), 1)));

        assertThat(results)
                .containsExactly(
                        new StockCommitResult.Refused(List.of(new Shortfall(Sku.of("NEVER"), WH, "available", 1, 0))));
        assertThat(store.openReservations(A)).isEmpty();
    }

    @Test
    @DisplayName("16 threads reserving a 300-unit SKU through GroupedReservations, 600 attempts: exactly 300 land")
    void hotSku_sixteenThreads_sellsOutExactly() throws Exception {
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        catalog.put(dev.omskit.core.inventory.Product.builder()
                .tenant(A)
                .sku(HOT)
                .name("hot")
                .build());
        Inventory inventory = Inventory.builder()
                .store(new GroupedReservations(store, 64))
                .catalog(catalog)
                .build();
        inventory.saveLocation(InventoryFixtures.warehouse(A, WH, 1));
        inventory.receive(ReceiveGoods.builder()
                .tenant(A)
                .location(WH)
                .actor(ACTOR)
                .addLines(ReceiptLine.good(HOT, 300))
                .build());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    int landed = 0;
                    for (int i = 0; i < 600 / 16 + 1; i++) {
                        ReserveResult r = inventory.reserve(ReserveStock.builder()
                                .tenant(A)
                                .reference("order:" + thread + "-" + i)
                                .lines(List.of(StockLine.of("1", HOT, WH, 1)))
                                .actor(ACTOR)
                                .build());
                        landed += r.isReserved() ? 1 : 0;
                    }
                    return landed;
                }));
            }
            start.countDown();
            int landed = 0;
            for (Future<Integer> f : futures) {
                landed += f.get(120, TimeUnit.SECONDS);
            }

            assertThat(landed).isEqualTo(300);
            assertThat(store.level(A, HOT, WH).reserved()).isEqualTo(300);
            assertThat(store.level(A, HOT, WH).available()).isZero();
            assertThat(store.openReservations(A)).hasSize(300);
        } finally {
            pool.shutdownNow();
        }
    }

    private void receive(TenantId tenant, Sku sku, int units) {
        StockCommitResult r = store.commit(new StockCommit(
                tenant,
                List.of(new CellChange(sku, WH, units, 0, 0, 0)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                java.util.Optional.empty()));
        assertThat(r).isInstanceOf(StockCommitResult.Applied.class);
    }

    private static StockCommit plain(TenantId tenant, String id, Sku sku, int units) {
        Reservation r = Reservation.builder()
                .tenant(tenant)
                .id(ReservationId.of(id))
                .reference("order:" + id)
                .lines(List.of(ReservationLine.of("1", sku, WH, units)))
                .status(ReservationStatus.CONFIRMED)
                .createdBy(ACTOR)
                .createdAt(NOW)
                .updatedAt(NOW)
                .version(1)
                .build();
        return StockCommit.ofReservation(tenant, r, List.of(CellChange.reserve(sku, WH, units)));
    }
}
