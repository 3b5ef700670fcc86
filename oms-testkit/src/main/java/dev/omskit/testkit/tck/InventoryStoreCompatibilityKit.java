package dev.omskit.testkit.tck;

import static dev.omskit.testkit.tck.Races.failures;
import static dev.omskit.testkit.tck.Races.race;
import static dev.omskit.testkit.tck.Races.successes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.Inventory;
import dev.omskit.core.error.ConflictException;
import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.AdjustStock;
import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.BackorderKind;
import dev.omskit.core.inventory.DriftReport;
import dev.omskit.core.inventory.InventoryConfig;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Movement;
import dev.omskit.core.inventory.MovementKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.PurchaseOrderLine;
import dev.omskit.core.inventory.ReceiptLine;
import dev.omskit.core.inventory.ReceiveGoods;
import dev.omskit.core.inventory.ReceiveTransfer;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReservationLine;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.ReserveResult;
import dev.omskit.core.inventory.ReserveStock;
import dev.omskit.core.inventory.Shortfall;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.StockLine;
import dev.omskit.core.inventory.StockRejectedException;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferId;
import dev.omskit.core.inventory.TransferLine;
import dev.omskit.core.inventory.TransferStatus;
import dev.omskit.core.inventory.TransferStock;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.StaleRecordException;
import dev.omskit.core.spi.StockCommit;
import dev.omskit.core.spi.StockCommitResult;
import dev.omskit.testkit.ManualClock;
import dev.omskit.testkit.OrderFixtures;
import dev.omskit.testkit.SequentialIds;
import dev.omskit.testkit.store.InMemoryProductCatalog;
import dev.omskit.testkit.tck.Races.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit of the inventory SPI: it proves that an {@link InventoryStore} keeps the contract
 * stated in its {@code @implSpec}: cell invariants checked and applied in one atomic step (no overselling),
 * all-or-nothing commits across cells, records and movements, version-checked reservation, transfer,
 * purchase order and backorder records (a reservation is never released twice), idempotency keys that
 * apply once (also when racing), an ordered append-only ledger with paging, strict tenant isolation in
 * every read, the queries (holders, open reservations, lapsed holds, transfers in transit, sorted levels,
 * open purchase orders, open backorders oldest first, a holder's backorders), and, with real threads, exact
 * sell-out of a hot SKU and exact counters after a random mix of every inventory operation.
 *
 * <p>A platform vendor proves their implementation with a ten-line subclass in their own test sources:
 *
 * <pre>{@code
 * class JdbcInventoryStoreCompatibilityTest extends InventoryStoreCompatibilityKit {
 *     static final DataSource DATA_SOURCE = TestDatabase.start();
 *
 *     @Override
 *     protected InventoryStore createStore() {
 *         TestDatabase.truncateAll(DATA_SOURCE); // every test starts from an empty store
 *         return JdbcInventoryStore.create(DATA_SOURCE);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #createStore()} is called once before every test. It must return a store that is <b>empty</b>
 * (no locations, cells, reservations, transfers, ledger entries or idempotency keys in any tenant: {@link
 * InventoryStore#expiredHolds} reads across all tenants) and <b>isolated</b> from every other store the
 * kit has created. A store that is {@link AutoCloseable} is closed after the test.
 *
 * <p>The tests drive the store two ways: through an {@link Inventory} facade running on it (the real decide
 * path, with an {@link InMemoryProductCatalog}, a {@link ManualClock} and {@link SequentialIds}), and with
 * hand-made {@link StockCommit}s where the contract is about the store itself (versions, keys, refusals).
 * The concurrency tests use {@value #THREADS} real threads released together by a start gate, with bounded
 * work; each race waits at most 60 seconds.
 *
 * <p>The drift repair test needs a way to change a counter behind the ledger's back, which only the store
 * knows: override {@link #corrupter()}; without it that test is skipped.
 */
public abstract class InventoryStoreCompatibilityKit {
    /** The tenant most tests write to. */
    protected static final TenantId TENANT = TenantId.of("tck-inv-a");
    /** A second tenant, for the isolation tests. */
    protected static final TenantId OTHER_TENANT = TenantId.of("tck-inv-b");

    private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    private static final int THREADS = Races.THREADS;
    private static final Actor ACTOR = Actor.system("inventory-tck");
    private static final LocationId WH1 = LocationId.of("WH-1");
    private static final LocationId WH2 = LocationId.of("WH-2");
    private static final LocationId WH3 = LocationId.of("WH-3");
    private static final List<LocationId> LOCATIONS = List.of(WH1, WH2, WH3);
    private static final Sku SKU_A = Sku.of("SKU-A");
    private static final Sku SKU_B = Sku.of("SKU-B");
    private static final Sku SKU_C = Sku.of("SKU-C");
    private static final Sku HOT = Sku.of("HOT-1");
    private static final List<Sku> MIX_SKUS =
            List.of(Sku.of("MIX-0"), Sku.of("MIX-1"), Sku.of("MIX-2"), Sku.of("MIX-3"));

    private InventoryStore store;
    private ManualClock clock;
    private Inventory inventory;

    /**
     * A new, empty store, isolated from every other one this kit has created. Called once before each test;
     * the result is used by that test only.
     */
    protected abstract InventoryStore createStore();

    /**
     * A way to change a cell's counters without a ledger entry (simulating a bug or a hand-edited database)
     * so that the drift repair can be tested; the change keeps the cell invariants. Empty by default, which
     * skips the repair test.
     */
    protected Optional<BiConsumer<TenantId, CellChange>> corrupter() {
        return Optional.empty();
    }

    /** Creates the store and the facade of the test; not meant to be called by subclasses. */
    @BeforeEach
    protected final void createFreshStore() {
        store = createStore();
        assertThat(store).as("createStore()").isNotNull();
        assertThat(store.allLevels(TENANT))
                .as("createStore() must return an empty store, but it has cells")
                .isEmpty();
        assertThat(store.expiredHolds(FAR_FUTURE, 1))
                .as("createStore() must return an empty store, but it has holds")
                .isEmpty();
        clock = ManualClock.at(T0);
        InMemoryProductCatalog catalog = InMemoryProductCatalog.create();
        List<Sku> skus = new ArrayList<>(List.of(SKU_A, SKU_B, SKU_C, HOT));
        skus.addAll(MIX_SKUS);
        for (TenantId tenant : List.of(TENANT, OTHER_TENANT)) {
            for (Sku sku : skus) {
                catalog.put(Product.builder()
                        .tenant(tenant)
                        .sku(sku)
                        .name("Product " + sku)
                        .build());
            }
        }
        inventory = Inventory.builder()
                .store(store)
                .catalog(catalog)
                .clock(clock)
                .idGenerator(SequentialIds.create())
                .config(InventoryConfig.builder().maxCommitAttempts(1_000).build())
                .build();
        for (TenantId tenant : List.of(TENANT, OTHER_TENANT)) {
            for (LocationId id : LOCATIONS) {
                inventory.saveLocation(location(tenant, id));
            }
        }
    }

    /** Closes the store of the test if it is {@link AutoCloseable}. */
    @AfterEach
    protected final void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    // ===================================================================================== cell invariants

    @Nested
    @DisplayName("A commit that would break a cell invariant is refused, names the short cells and applies nothing")
    class CellInvariants {
        @Test
        @DisplayName("reserving more than is available is refused naming the cell, and no record is stored")
        void commit_reservingMoreThanAvailable_isRefusedNamingCellAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 3);
            State before = state(TENANT);
            Reservation r = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 5));

            StockCommitResult result =
                    store.commit(StockCommit.ofReservation(TENANT, r, List.of(CellChange.reserve(SKU_A, WH1, 5))));

            assertThat(result)
                    .isInstanceOfSatisfying(StockCommitResult.Refused.class, refused -> assertThat(refused.shortfalls())
                            .containsExactly(new Shortfall(SKU_A, WH1, "available", 5, 3)));
            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.reservation(TENANT, r.id())).isEmpty();
            assertThat(store.reservationsFor(TENANT, "order:o-1")).isEmpty();
        }

        @Test
        @DisplayName("taking on-hand units that are reserved (reserved > on hand) is refused and applies nothing")
        void commit_onHandBelowReserved_isRefusedAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 8));
            State before = state(TENANT);

            StockCommitResult result = store.commit(cellsCommit(
                    TENANT,
                    List.of(new CellChange(SKU_A, WH1, -3, 0, 0, 0)),
                    List.of(movement(SKU_A, WH1, MovementKind.ADJUSTMENT, -3, 0, 0))));

            assertThat(result)
                    .isInstanceOfSatisfying(StockCommitResult.Refused.class, refused -> assertThat(refused.shortfalls())
                            .extracting(Shortfall::sku, Shortfall::location)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(SKU_A, WH1)));
            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(10);
        }

        @Test
        @DisplayName("negative on hand, quarantined or in transit on several cells is refused naming only short"
                + " cells, and the cells that had room are untouched")
        void commit_severalShortCells_isRefusedNamingShortCellsAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 5);
            receive(TENANT, WH2, SKU_B, 5);
            State before = state(TENANT);
            List<CellChange> cells = List.of(
                    new CellChange(SKU_A, WH1, -2, 0, 0, 0),
                    new CellChange(SKU_B, WH2, 0, 0, -1, 0),
                    new CellChange(SKU_C, WH3, 0, 0, 0, -4),
                    new CellChange(SKU_B, WH1, -1, 0, 0, 0));

            StockCommitResult result = store.commit(cellsCommit(
                    TENANT,
                    cells,
                    List.of(
                            movement(SKU_A, WH1, MovementKind.ADJUSTMENT, -2, 0, 0),
                            movement(SKU_B, WH2, MovementKind.WRITE_OFF, 0, -1, 0))));

            assertThat(result).isInstanceOfSatisfying(StockCommitResult.Refused.class, refused -> {
                assertThat(refused.shortfalls()).isNotEmpty();
                assertThat(refused.shortfalls())
                        .extracting(s -> s.sku() + "@" + s.location())
                        .isSubsetOf("SKU-B@WH-2", "SKU-C@WH-3", "SKU-B@WH-1")
                        .doesNotHaveDuplicates();
            });
            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(5);
        }

        @Test
        @DisplayName("several deltas of one cell add up before the check: a release and a reservation in one"
                + " commit that fit together are applied")
        void commit_deltasOfOneCellAddUp_appliedWhenTheSumFits() {
            receive(TENANT, WH1, SKU_A, 4);
            reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 4));

            StockCommitResult result = store.commit(cellsCommit(
                    TENANT,
                    List.of(new CellChange(SKU_A, WH1, 0, -2, 0, 0), CellChange.reserve(SKU_A, WH1, 2)),
                    List.of()));

            assertThat(result).isInstanceOf(StockCommitResult.Applied.class);
            assertThat(store.level(TENANT, SKU_A, WH1).reserved()).isEqualTo(4);
        }

        @Test
        @DisplayName("on hand added and reserved in one commit are checked together: reserving what the same"
                + " commit brings in is applied, on a sold-out cell and on a new one")
        void commit_addAndReserveOnOneCell_appliedWhenTheSumFits() {
            receive(TENANT, WH1, SKU_A, 5);
            reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 5));

            StockCommitResult soldOut = store.commit(cellsCommit(
                    TENANT,
                    List.of(new CellChange(SKU_A, WH1, 5, 5, 0, 0)),
                    List.of(movement(SKU_A, WH1, MovementKind.REPAIR, 5, 5, 0))));
            StockCommitResult fresh = store.commit(cellsCommit(
                    TENANT,
                    List.of(new CellChange(SKU_B, WH2, 4, 3, 0, 0)),
                    List.of(movement(SKU_B, WH2, MovementKind.REPAIR, 4, 3, 0))));

            assertThat(soldOut).isInstanceOf(StockCommitResult.Applied.class);
            assertThat(fresh).isInstanceOf(StockCommitResult.Applied.class);
            assertThat(store.level(TENANT, SKU_A, WH1)).isEqualTo(new StockLevel(SKU_A, WH1, 10, 10, 0, 0, 0));
            assertThat(store.level(TENANT, SKU_B, WH2)).isEqualTo(new StockLevel(SKU_B, WH2, 4, 3, 0, 0, 0));
        }

        @Test
        @DisplayName("a refused commit creates no cell: levels, levels by SKU and allLevels are as before")
        void commit_refusedOnCellsThatNeverExisted_createsNoCell() {
            receive(TENANT, WH1, SKU_A, 1);
            List<StockLevel> before = store.allLevels(TENANT);

            StockCommitResult result = store.commit(cellsCommit(
                    TENANT,
                    List.of(CellChange.reserve(SKU_C, WH2, 1), new CellChange(SKU_B, WH3, 0, 0, -1, 0)),
                    List.of()));

            assertThat(result).isInstanceOf(StockCommitResult.Refused.class);
            assertThat(store.allLevels(TENANT)).isEqualTo(before);
            assertThat(store.levels(TENANT, SKU_C)).isEmpty();
            assertThat(store.levels(TENANT, SKU_B)).isEmpty();
        }

        @Test
        @DisplayName("an adjustment through the facade below the reserved units is refused with"
                + " INSUFFICIENT_STOCK and changes nothing")
        void adjust_belowReserved_isRejectedAndChangesNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 7));
            State before = state(TENANT);

            assertThatThrownBy(() -> inventory.adjust(adjustment(TENANT, SKU_A, WH1, -4, Optional.empty())))
                    .isInstanceOfSatisfying(StockRejectedException.class, e -> assertThat(e.code())
                            .isEqualTo(StockRejectedException.INSUFFICIENT_STOCK));

            assertThat(state(TENANT)).isEqualTo(before);
        }
    }

    // ======================================================================================= all or nothing

    @Nested
    @DisplayName("A commit applies every cell delta, record and movement, or none of them")
    class AllOrNothing {
        @Test
        @DisplayName("a multi-line reservation with one short line reserves nothing on any line")
        void reserve_multiLineWithOneShortLine_reservesNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            receive(TENANT, WH1, SKU_B, 10);
            receive(TENANT, WH2, SKU_C, 1);
            State before = state(TENANT);

            ReserveResult result = inventory.reserve(reserveCommand(
                    TENANT,
                    "order:o-1",
                    Optional.empty(),
                    line("l1", SKU_A, WH1, 4),
                    line("l2", SKU_B, WH1, 4),
                    line("l3", SKU_C, WH2, 2)));

            assertThat(result.isReserved()).isFalse();
            assertThat(result.shortfalls()).containsExactly(new Shortfall(SKU_C, WH2, "available", 2, 1));
            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.reservationsFor(TENANT, "order:o-1")).isEmpty();
            assertThat(store.openReservations(TENANT)).isEmpty();
        }

        @Test
        @DisplayName("a multi-cell commit with records and movements applies every delta, writes every record"
                + " and appends every movement")
        void commit_multiCell_appliesEveryDeltaRecordAndMovement() {
            receive(TENANT, WH1, SKU_A, 10);
            receive(TENANT, WH1, SKU_B, 10);
            Reservation r = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 3));
            Transfer t = newTransfer(TENANT, "t-1", WH1, WH2, SKU_B, 4);
            List<Movement> movements = List.of(
                    movement(SKU_B, WH1, MovementKind.TRANSFER_OUT, -4, 0, 0),
                    movement(SKU_B, WH2, MovementKind.TRANSFER_IN_TRANSIT, 0, 0, 4));

            StockCommitResult result = store.commit(new StockCommit(
                    TENANT,
                    List.of(
                            CellChange.reserve(SKU_A, WH1, 3),
                            new CellChange(SKU_B, WH1, -4, 0, 0, 0),
                            new CellChange(SKU_B, WH2, 0, 0, 0, 4)),
                    List.of(r),
                    List.of(t),
                    movements,
                    Optional.empty()));

            assertThat(result)
                    .isInstanceOfSatisfying(StockCommitResult.Applied.class, applied -> assertThat(applied.entries())
                            .extracting(LedgerEntry::movement)
                            .containsExactlyElementsOf(movements));
            assertThat(store.level(TENANT, SKU_A, WH1)).isEqualTo(new StockLevel(SKU_A, WH1, 10, 3, 0, 0, 0));
            assertThat(store.level(TENANT, SKU_B, WH1)).isEqualTo(new StockLevel(SKU_B, WH1, 6, 0, 0, 0, 0));
            assertThat(store.level(TENANT, SKU_B, WH2)).isEqualTo(new StockLevel(SKU_B, WH2, 0, 0, 0, 4, 0));
            assertThat(store.reservation(TENANT, r.id())).contains(r);
            assertThat(store.transfer(TENANT, t.id())).contains(t);
            assertThat(wholeLedger(TENANT, SKU_B, WH2))
                    .extracting(LedgerEntry::movement)
                    .containsExactly(movements.get(1));
        }

        @Test
        @DisplayName("a multi-cell commit with one short cell writes no record, appends no movement and leaves"
                + " every cell as it was")
        void commit_multiCellWithOneShortCell_appliesNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            receive(TENANT, WH1, SKU_B, 2);
            State before = state(TENANT);
            Reservation r = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 3));
            Transfer t = newTransfer(TENANT, "t-1", WH1, WH2, SKU_B, 4);

            StockCommitResult result = store.commit(new StockCommit(
                    TENANT,
                    List.of(
                            CellChange.reserve(SKU_A, WH1, 3),
                            new CellChange(SKU_B, WH1, -4, 0, 0, 0),
                            new CellChange(SKU_B, WH2, 0, 0, 0, 4)),
                    List.of(r),
                    List.of(t),
                    List.of(
                            movement(SKU_B, WH1, MovementKind.TRANSFER_OUT, -4, 0, 0),
                            movement(SKU_B, WH2, MovementKind.TRANSFER_IN_TRANSIT, 0, 0, 4)),
                    Optional.empty()));

            assertThat(result)
                    .isInstanceOfSatisfying(StockCommitResult.Refused.class, refused -> assertThat(refused.shortfalls())
                            .containsExactly(new Shortfall(SKU_B, WH1, "available", 4, 2)));
            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.reservation(TENANT, r.id())).isEmpty();
            assertThat(store.transfer(TENANT, t.id())).isEmpty();
            assertThat(store.transfersInTransit(TENANT, WH2)).isEmpty();
            assertThat(store.ledger(TENANT, SKU_B, WH2, Long.MIN_VALUE, 10)).isEmpty();
        }

        @Test
        @DisplayName("a transfer through the facade moves on hand out of the source into transit at the"
                + " destination, and its receipt books what arrived, what was damaged and what was lost")
        void transferAndReceive_partialArrival_countersAndLedgerAgree() {
            receive(TENANT, WH1, SKU_A, 10);

            Transfer shipped = inventory.transfer(TransferStock.builder()
                    .tenant(TENANT)
                    .from(WH1)
                    .to(WH2)
                    .lines(Map.of(SKU_A, 6))
                    .id(TransferId.of("t-1"))
                    .actor(ACTOR)
                    .build());
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(4);
            assertThat(store.level(TENANT, SKU_A, WH2).inTransit()).isEqualTo(6);
            assertThat(store.transfersInTransit(TENANT, WH2)).containsExactly(shipped);

            Transfer received = inventory.receiveTransfer(ReceiveTransfer.builder()
                    .tenant(TENANT)
                    .transfer(shipped.id())
                    .received(Map.of(SKU_A, 4))
                    .damaged(Map.of(SKU_A, 1))
                    .actor(ACTOR)
                    .build());

            assertThat(received.status()).isEqualTo(TransferStatus.RECEIVED);
            assertThat(received.lines()).containsExactly(new TransferLine(SKU_A, 6, 4, 1));
            assertThat(store.level(TENANT, SKU_A, WH2)).isEqualTo(new StockLevel(SKU_A, WH2, 4, 0, 1, 0, 0));
            assertThat(store.transfersInTransit(TENANT, WH2)).isEmpty();
            assertThat(wholeLedger(TENANT, SKU_A, WH2))
                    .extracting(e -> e.movement().kind())
                    .containsExactly(
                            MovementKind.TRANSFER_IN_TRANSIT,
                            MovementKind.TRANSFER_IN,
                            MovementKind.RECEIPT_DAMAGED,
                            MovementKind.TRANSFER_LOSS);
            assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
        }
    }

    // ============================================================================================= records

    @Nested
    @DisplayName("Reservation and transfer records are version checked: a stale write throws and applies nothing")
    class Records {
        @Test
        @DisplayName("a second new reservation at version 1 with a taken id throws StaleRecordException and"
                + " its cells are untouched")
        void commit_newReservationTwice_secondThrowsStaleAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            Reservation first = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 2));
            assertApplied(
                    store.commit(StockCommit.ofReservation(TENANT, first, List.of(CellChange.reserve(SKU_A, WH1, 2)))));
            State before = state(TENANT);
            Reservation second = newReservation(TENANT, "r-1", "order:o-2", line("l1", SKU_A, WH1, 5));

            assertThatThrownBy(() -> store.commit(
                            StockCommit.ofReservation(TENANT, second, List.of(CellChange.reserve(SKU_A, WH1, 5)))))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.reservation(TENANT, first.id())).contains(first);
            assertThat(store.reservationsFor(TENANT, "order:o-2")).isEmpty();
        }

        @Test
        @DisplayName("an update expecting the wrong version throws StaleRecordException and leaves cells,"
                + " records and ledger untouched")
        void commit_updateWithWrongExpectedVersion_throwsStaleAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            Reservation v1 = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 4));
            assertApplied(
                    store.commit(StockCommit.ofReservation(TENANT, v1, List.of(CellChange.reserve(SKU_A, WH1, 4)))));
            Reservation v2 = v1.after(Map.of("l1", 1), false, ReservationStatus.RELEASED, T0);
            assertApplied(store.commit(
                    StockCommit.ofReservation(TENANT, v2, List.of(new CellChange(SKU_A, WH1, 0, -1, 0, 0)))));
            State before = state(TENANT);
            Reservation staleV2 = v1.after(Map.of("l1", 4), false, ReservationStatus.RELEASED, T0);
            Reservation aheadV4 = Reservation.builder().from(staleV2).version(4).build();

            for (Reservation wrong : List.of(staleV2, aheadV4)) {
                assertThatThrownBy(() -> store.commit(new StockCommit(
                                TENANT,
                                List.of(new CellChange(SKU_A, WH1, -4, -4, 0, 0)),
                                List.of(wrong),
                                List.of(),
                                List.of(movement(SKU_A, WH1, MovementKind.SHIPMENT, -4, -4, 0)),
                                Optional.empty())))
                        .isInstanceOf(StaleRecordException.class);
            }

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.reservation(TENANT, v1.id())).contains(v2);
        }

        @Test
        @DisplayName(
                "an update of a reservation that does not exist throws StaleRecordException and stores" + " nothing")
        void commit_updateOfMissingReservation_throwsStaleAndStoresNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            State before = state(TENANT);
            Reservation v1 = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 4));
            Reservation v2 = v1.confirmed(T0);

            assertThatThrownBy(() -> store.commit(StockCommit.ofReservation(TENANT, v2, List.of())))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.reservation(TENANT, v1.id())).isEmpty();
        }

        @Test
        @DisplayName("a stale record anywhere in a commit undoes the records written before it in the commit")
        void commit_secondRecordStale_undoesFirstRecord() {
            receive(TENANT, WH1, SKU_A, 10);
            Reservation taken = newReservation(TENANT, "r-2", "order:o-2", line("l1", SKU_A, WH1, 1));
            assertApplied(
                    store.commit(StockCommit.ofReservation(TENANT, taken, List.of(CellChange.reserve(SKU_A, WH1, 1)))));
            State before = state(TENANT);
            Reservation fresh = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 2));
            Reservation clash = newReservation(TENANT, "r-2", "order:o-3", line("l1", SKU_A, WH1, 2));

            assertThatThrownBy(() -> store.commit(new StockCommit(
                            TENANT,
                            List.of(CellChange.reserve(SKU_A, WH1, 4)),
                            List.of(fresh, clash),
                            List.of(),
                            List.of(),
                            Optional.empty())))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.reservation(TENANT, fresh.id())).isEmpty();
            assertThat(store.reservationsFor(TENANT, "order:o-1")).isEmpty();
            assertThat(store.reservation(TENANT, taken.id())).contains(taken);
        }

        @Test
        @DisplayName("a new transfer with a taken id, or a transfer update at the wrong version, throws"
                + " StaleRecordException and applies nothing")
        void commit_transferTakenOrStale_throwsStaleAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 10);
            Transfer t = newTransfer(TENANT, "t-1", WH1, WH2, SKU_A, 2);
            assertApplied(store.commit(new StockCommit(
                    TENANT,
                    List.of(new CellChange(SKU_A, WH1, -2, 0, 0, 0), new CellChange(SKU_A, WH2, 0, 0, 0, 2)),
                    List.of(),
                    List.of(t),
                    List.of(),
                    Optional.empty())));
            State before = state(TENANT);
            Transfer again = newTransfer(TENANT, "t-1", WH1, WH3, SKU_A, 3);
            Transfer ahead = Transfer.builder()
                    .from(t)
                    .status(TransferStatus.RECEIVED)
                    .version(3)
                    .build();

            assertThatThrownBy(() -> store.commit(new StockCommit(
                            TENANT,
                            List.of(new CellChange(SKU_A, WH1, -3, 0, 0, 0)),
                            List.of(),
                            List.of(again),
                            List.of(),
                            Optional.empty())))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.commit(new StockCommit(
                            TENANT,
                            List.of(new CellChange(SKU_A, WH2, 2, 0, 0, -2)),
                            List.of(),
                            List.of(ahead),
                            List.of(),
                            Optional.empty())))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.transfer(TENANT, t.id())).contains(t);
        }

        @Test
        @DisplayName("of threads racing to release the same reservation version, exactly one succeeds and"
                + " reserved drops exactly once")
        void commit_racingReleasesOfSameVersion_exactlyOneAppliesAndReservedDropsOnce() throws Exception {
            receive(TENANT, WH1, SKU_A, 1_000);
            int rounds = 20;
            for (int round = 0; round < rounds; round++) {
                Reservation v1 = newReservation(TENANT, "race-" + round, "order:race", line("l1", SKU_A, WH1, 5));
                assertApplied(store.commit(
                        StockCommit.ofReservation(TENANT, v1, List.of(CellChange.reserve(SKU_A, WH1, 5)))));
                Reservation released = v1.after(Map.of(), false, ReservationStatus.RELEASED, T0);
                Reservation v2 = v1.after(Map.of("l1", 5), false, ReservationStatus.RELEASED, T0);
                assertThat(released.version()).isEqualTo(2);

                List<Outcome<StockCommitResult>> outcomes = race(
                        THREADS,
                        i -> () -> store.commit(StockCommit.ofReservation(
                                TENANT, v2, List.of(new CellChange(SKU_A, WH1, 0, -5, 0, 0)))));

                assertThat(successes(outcomes)).hasSize(1);
                assertThat(successes(outcomes).get(0)).isInstanceOf(StockCommitResult.Applied.class);
                assertThat(failures(outcomes))
                        .hasSize(THREADS - 1)
                        .allMatch(e -> e instanceof StaleRecordException, "is a StaleRecordException");
                assertThat(store.level(TENANT, SKU_A, WH1).reserved()).isZero();
                assertThat(store.reservation(TENANT, v1.id())).contains(v2);
            }
        }

        @Test
        @DisplayName("threads releasing one unit each of a reservation through the facade release exactly"
                + " their units, and two full releases release once")
        void release_concurrentPartialAndFullReleases_reservedDropsExactly() throws Exception {
            receive(TENANT, WH1, SKU_A, 100);
            Reservation r = reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, THREADS + 2));

            List<Outcome<Reservation>> partial =
                    race(THREADS, i -> () -> inventory.release(TENANT, r.id(), Map.of("l1", 1)));

            assertThat(failures(partial)).isEmpty();
            assertThat(store.level(TENANT, SKU_A, WH1).reserved()).isEqualTo(2);
            Reservation afterPartial = store.reservation(TENANT, r.id()).orElseThrow();
            assertThat(afterPartial.lines().get(0).released()).isEqualTo(THREADS);
            assertThat(afterPartial.version()).isEqualTo(1 + THREADS);

            List<Outcome<Reservation>> full = race(2, i -> () -> inventory.release(TENANT, r.id(), Map.of()));

            assertThat(failures(full)).isEmpty();
            assertThat(store.level(TENANT, SKU_A, WH1).reserved()).isZero();
            Reservation end = store.reservation(TENANT, r.id()).orElseThrow();
            assertThat(end.status()).isEqualTo(ReservationStatus.RELEASED);
            assertThat(end.lines().get(0).released()).isEqualTo(THREADS + 2);
            assertThat(end.version()).isEqualTo(2 + THREADS);
            assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
        }

        @Test
        @DisplayName("two threads consuming all of a reservation ship it once: on hand drops once, one SHIPMENT")
        void consume_twoThreadsConsumingAll_onHandDropsOnce() throws Exception {
            receive(TENANT, WH1, SKU_A, 10);
            Reservation r = reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 4));

            List<Outcome<Reservation>> outcomes =
                    race(2, i -> () -> inventory.consume(TENANT, r.id(), Map.of(), "shipment:s-" + i, ACTOR));

            assertThat(successes(outcomes)).hasSize(1);
            assertThat(failures(outcomes)).singleElement().isInstanceOfSatisfying(StockRejectedException.class, e -> {
                assertThat(e.code()).isEqualTo(StockRejectedException.NOT_OPEN);
            });
            assertThat(store.level(TENANT, SKU_A, WH1)).isEqualTo(new StockLevel(SKU_A, WH1, 6, 0, 0, 0, 0));
            assertThat(wholeLedger(TENANT, SKU_A, WH1))
                    .filteredOn(e -> e.movement().kind() == MovementKind.SHIPMENT)
                    .hasSize(1);
            assertThat(store.reservation(TENANT, r.id()).orElseThrow().status()).isEqualTo(ReservationStatus.FULFILLED);
        }
    }

    // ======================================================================================== idempotency

    @Nested
    @DisplayName("A commit with an idempotency key used before in the tenant replays the first one and applies nothing")
    class Idempotency {
        @Test
        @DisplayName("the same key twice returns Replayed with the first commit's entries and applies nothing")
        void commit_sameKeyTwice_replaysFirstEntriesAndAppliesNothing() {
            StockCommit first = receiptCommit(TENANT, WH1, SKU_A, 5, Optional.of("grn-1"));
            StockCommitResult applied = store.commit(first);
            List<LedgerEntry> entries = assertApplied(applied);
            State before = state(TENANT);

            StockCommitResult again = store.commit(receiptCommit(TENANT, WH1, SKU_A, 7, Optional.of("grn-1")));

            assertThat(again).isEqualTo(new StockCommitResult.Replayed(entries));
            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(5);
        }

        @Test
        @DisplayName(
                "a receipt posted twice through the facade with one key counts once and returns the same" + " entries")
        void receive_sameKeyTwice_countsOnce() {
            ReceiveGoods receipt = ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(WH1)
                    .lines(List.of(ReceiptLine.good(SKU_A, 5), ReceiptLine.inspected(SKU_B, 2, 1, "crushed")))
                    .idempotencyKey(IdempotencyKey.of("asn-1"))
                    .actor(ACTOR)
                    .build();

            List<LedgerEntry> first = inventory.receive(receipt);
            List<LedgerEntry> second = inventory.receive(receipt);

            assertThat(second).isEqualTo(first).hasSize(3);
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(5);
            assertThat(store.level(TENANT, SKU_B, WH1)).isEqualTo(new StockLevel(SKU_B, WH1, 2, 0, 1, 0, 0));
        }

        @Test
        @DisplayName("eight threads posting one receipt with the same key: on hand grows exactly once and all"
                + " see the same entries")
        void receive_eightThreadsRacingOneKey_onHandGrowsOnce() throws Exception {
            for (int round = 0; round < 10; round++) {
                String key = "race-grn-" + round;
                List<Outcome<List<LedgerEntry>>> outcomes = race(
                        THREADS,
                        i -> () -> inventory.receive(ReceiveGoods.builder()
                                .tenant(TENANT)
                                .location(WH1)
                                .lines(List.of(ReceiptLine.good(SKU_A, 3)))
                                .idempotencyKey(IdempotencyKey.of(key))
                                .actor(ACTOR)
                                .build()));

                assertThat(failures(outcomes)).isEmpty();
                assertThat(new HashSet<>(successes(outcomes))).hasSize(1);
                assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(3 * (round + 1));
            }
            assertThat(wholeLedger(TENANT, SKU_A, WH1)).hasSize(10);
        }

        @Test
        @DisplayName("eight threads committing with one key directly: exactly one Applied, the rest Replayed"
                + " with its entries")
        void commit_eightThreadsRacingOneKey_exactlyOneApplies() throws Exception {
            List<Outcome<StockCommitResult>> outcomes =
                    race(THREADS, i -> () -> store.commit(receiptCommit(TENANT, WH2, SKU_B, 4, Optional.of("k-1"))));

            assertThat(failures(outcomes)).isEmpty();
            List<StockCommitResult> results = successes(outcomes);
            List<StockCommitResult> applied = results.stream()
                    .filter(r -> r instanceof StockCommitResult.Applied)
                    .toList();
            assertThat(applied).hasSize(1);
            List<LedgerEntry> entries = ((StockCommitResult.Applied) applied.get(0)).entries();
            assertThat(results)
                    .filteredOn(r -> !(r instanceof StockCommitResult.Applied))
                    .hasSize(THREADS - 1)
                    .allMatch(r -> r.equals(new StockCommitResult.Replayed(entries)), "replays the first entries");
            assertThat(store.level(TENANT, SKU_B, WH2).onHand()).isEqualTo(4);
        }

        @Test
        @DisplayName("a refused or stale commit does not use its key: the retry with the same key applies")
        void commit_refusedOrStaleWithKey_doesNotUseTheKey() {
            receive(TENANT, WH1, SKU_A, 2);
            Reservation taken = newReservation(TENANT, "r-1", "order:o-1", line("l1", SKU_A, WH1, 1));
            assertApplied(store.commit(StockCommit.ofReservation(TENANT, taken, List.of())));
            IdempotencyKey key = IdempotencyKey.of("count-1");

            StockCommitResult refused = store.commit(new StockCommit(
                    TENANT,
                    List.of(new CellChange(SKU_A, WH1, -5, 0, 0, 0)),
                    List.of(),
                    List.of(),
                    List.of(movement(SKU_A, WH1, MovementKind.COUNT, -5, 0, 0)),
                    Optional.of(key)));
            assertThat(refused).isInstanceOf(StockCommitResult.Refused.class);
            assertThatThrownBy(() -> store.commit(new StockCommit(
                            TENANT,
                            List.of(new CellChange(SKU_A, WH1, -1, 0, 0, 0)),
                            List.of(taken),
                            List.of(),
                            List.of(movement(SKU_A, WH1, MovementKind.COUNT, -1, 0, 0)),
                            Optional.of(key))))
                    .isInstanceOf(StaleRecordException.class);
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(2);

            StockCommitResult retry = store.commit(new StockCommit(
                    TENANT,
                    List.of(new CellChange(SKU_A, WH1, -1, 0, 0, 0)),
                    List.of(),
                    List.of(),
                    List.of(movement(SKU_A, WH1, MovementKind.COUNT, -1, 0, 0)),
                    Optional.of(key)));

            assertThat(retry).isInstanceOf(StockCommitResult.Applied.class);
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(1);
        }

        @Test
        @DisplayName("keys are per tenant: the same key in another tenant applies")
        void commit_sameKeyInOtherTenant_applies() {
            assertApplied(store.commit(receiptCommit(TENANT, WH1, SKU_A, 5, Optional.of("grn-1"))));

            StockCommitResult other = store.commit(receiptCommit(OTHER_TENANT, WH1, SKU_A, 9, Optional.of("grn-1")));

            assertThat(other).isInstanceOf(StockCommitResult.Applied.class);
            assertThat(store.level(TENANT, SKU_A, WH1).onHand()).isEqualTo(5);
            assertThat(store.level(OTHER_TENANT, SKU_A, WH1).onHand()).isEqualTo(9);
        }
    }

    // ============================================================================================== ledger

    @Nested
    @DisplayName("The ledger is appended in commit order with increasing sequences and is read in pages")
    class Ledger {
        @Test
        @DisplayName("movements are appended in order, with sequences increasing within and across commits and"
                + " cells, equal to the entries the commits returned")
        void commit_movements_appendedInOrderWithIncreasingSequences() {
            List<LedgerEntry> returned = new ArrayList<>();
            returned.addAll(assertApplied(store.commit(cellsCommit(
                    TENANT,
                    List.of(new CellChange(SKU_A, WH1, 7, 0, 2, 0)),
                    List.of(
                            movement(SKU_A, WH1, MovementKind.RECEIPT, 5, 0, 0),
                            movement(SKU_A, WH1, MovementKind.RECEIPT_DAMAGED, 0, 2, 0),
                            movement(SKU_A, WH1, MovementKind.RECEIPT, 2, 0, 0))))));
            returned.addAll(assertApplied(store.commit(receiptCommit(TENANT, WH2, SKU_A, 1, Optional.empty()))));
            returned.addAll(assertApplied(store.commit(receiptCommit(TENANT, WH1, SKU_A, 3, Optional.empty()))));

            assertThat(returned).extracting(LedgerEntry::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(returned).allMatch(e -> e.tenant().equals(TENANT), "belongs to the tenant");
            List<LedgerEntry> wh1 = wholeLedger(TENANT, SKU_A, WH1);
            assertThat(wh1).containsExactly(returned.get(0), returned.get(1), returned.get(2), returned.get(4));
            assertThat(wh1).extracting(e -> e.movement().onHand()).containsExactly(5, 0, 2, 3);
            assertThat(wholeLedger(TENANT, SKU_A, WH2)).containsExactly(returned.get(3));
        }

        @Test
        @DisplayName("pages after a sequence with a limit add up to the whole ledger of the cell, in order")
        void ledger_afterSequenceAndLimit_pagesThroughTheCell() {
            for (int i = 1; i <= 10; i++) {
                receive(TENANT, WH1, SKU_A, i);
                receive(TENANT, WH2, SKU_A, 1);
            }
            List<LedgerEntry> all = store.ledger(TENANT, SKU_A, WH1, Long.MIN_VALUE, 100);
            assertThat(all)
                    .hasSize(10)
                    .extracting(e -> e.movement().onHand())
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

            List<LedgerEntry> paged = new ArrayList<>();
            long after = Long.MIN_VALUE;
            List<Integer> sizes = new ArrayList<>();
            while (true) {
                List<LedgerEntry> page = store.ledger(TENANT, SKU_A, WH1, after, 4);
                sizes.add(page.size());
                paged.addAll(page);
                if (page.size() < 4) {
                    break;
                }
                after = page.get(page.size() - 1).sequence();
            }

            assertThat(sizes).containsExactly(4, 4, 2);
            assertThat(paged).isEqualTo(all);
            assertThat(store.ledger(TENANT, SKU_A, WH1, all.get(9).sequence(), 4))
                    .isEmpty();
            assertThat(store.ledger(TENANT, SKU_A, WH1, all.get(2).sequence(), 1))
                    .containsExactly(all.get(3));
        }

        @Test
        @DisplayName("the ledger of a cell without movements is empty")
        void ledger_unknownCell_isEmpty() {
            receive(TENANT, WH1, SKU_A, 1);

            assertThat(store.ledger(TENANT, SKU_B, WH1, Long.MIN_VALUE, 10)).isEmpty();
            assertThat(store.ledger(TENANT, SKU_A, WH3, Long.MIN_VALUE, 10)).isEmpty();
        }
    }

    // ============================================================================================= tenancy

    @Nested
    @DisplayName("Tenants with the same SKUs, locations and ids never see each other's data")
    class Tenancy {
        @Test
        @DisplayName("every read method returns only the asking tenant's data")
        void reads_twoTenantsWithSameIds_neverSeeEachOthersData() {
            receive(TENANT, WH1, SKU_A, 10);
            receive(OTHER_TENANT, WH1, SKU_A, 20);
            receive(OTHER_TENANT, WH2, SKU_B, 30);
            Reservation mine = reserveWithId(
                    TENANT, "res-1", "order:o-1", Optional.of(Duration.ofMinutes(5)), line("l1", SKU_A, WH1, 2));
            Reservation theirs = reserveWithId(
                    OTHER_TENANT, "res-1", "order:o-1", Optional.of(Duration.ofMinutes(5)), line("l1", SKU_A, WH1, 7));
            Transfer myTransfer = transfer(TENANT, "t-1", WH1, WH3, SKU_A, 1);
            Transfer theirTransfer = transfer(OTHER_TENANT, "t-1", WH1, WH3, SKU_A, 3);
            inventory.setSafetyStock(OTHER_TENANT, SKU_A, WH1, 4);

            assertThat(store.location(TENANT, WH1).orElseThrow().tenant()).isEqualTo(TENANT);
            assertThat(store.locations(TENANT)).extracting(Location::tenant).containsOnly(TENANT);
            assertThat(store.level(TENANT, SKU_A, WH1)).isEqualTo(new StockLevel(SKU_A, WH1, 9, 2, 0, 0, 0));
            assertThat(store.level(OTHER_TENANT, SKU_A, WH1)).isEqualTo(new StockLevel(SKU_A, WH1, 17, 7, 0, 0, 4));
            assertThat(store.level(TENANT, SKU_B, WH2)).isEqualTo(StockLevel.empty(SKU_B, WH2));
            assertThat(store.levels(TENANT, SKU_B)).isEmpty();
            assertThat(store.levels(TENANT, List.of(SKU_A, SKU_B)))
                    .containsEntry(SKU_B, List.of())
                    .containsEntry(
                            SKU_A,
                            List.of(
                                    new StockLevel(SKU_A, WH1, 9, 2, 0, 0, 0),
                                    new StockLevel(SKU_A, WH3, 0, 0, 0, 1, 0)));
            assertThat(store.allLevels(TENANT)).extracting(StockLevel::sku).containsOnly(SKU_A);
            assertThat(store.reservation(TENANT, mine.id())).contains(mine);
            assertThat(store.reservation(OTHER_TENANT, mine.id())).contains(theirs);
            assertThat(store.reservationsFor(TENANT, "order:o-1")).containsExactly(mine);
            assertThat(store.openReservations(TENANT)).containsExactly(mine);
            assertThat(store.openReservations(OTHER_TENANT)).containsExactly(theirs);
            assertThat(store.transfer(TENANT, myTransfer.id())).contains(myTransfer);
            assertThat(store.transfer(OTHER_TENANT, myTransfer.id())).contains(theirTransfer);
            assertThat(store.transfersInTransit(TENANT, WH3)).containsExactly(myTransfer);
            assertThat(store.ledger(TENANT, SKU_A, WH1, Long.MIN_VALUE, 100))
                    .allMatch(e -> e.tenant().equals(TENANT), "belongs to the tenant")
                    .extracting(e -> e.movement().onHand())
                    .containsExactly(10, -1);
            assertThat(store.ledger(TENANT, SKU_B, WH2, Long.MIN_VALUE, 100)).isEmpty();
            assertThat(store.expiredHolds(T0.plus(Duration.ofMinutes(5)), 10)).containsExactlyInAnyOrder(mine, theirs);
        }

        @Test
        @DisplayName("a commit in one tenant never changes a cell of another tenant with the same SKU and location")
        void commit_inOneTenant_leavesOtherTenantUntouched() {
            receive(OTHER_TENANT, WH1, SKU_A, 5);
            State before = state(OTHER_TENANT);

            receive(TENANT, WH1, SKU_A, 3);
            reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 3));
            StockCommitResult refused = store.commit(StockCommit.ofReservation(
                    TENANT,
                    newReservation(TENANT, "r-9", "order:o-9", line("l1", SKU_A, WH1, 4)),
                    List.of(CellChange.reserve(SKU_A, WH1, 4))));

            assertThat(refused).isInstanceOf(StockCommitResult.Refused.class);
            assertThat(state(OTHER_TENANT)).isEqualTo(before);
        }
    }

    // ============================================================================================= queries

    @Nested
    @DisplayName("The queries return what their contract says, in order")
    class Queries {
        @Test
        @DisplayName("reservationsFor lists the holder's reservations oldest first, open and ended")
        void reservationsFor_holder_oldestFirstOpenAndEnded() {
            receive(TENANT, WH1, SKU_A, 10);
            Reservation first = reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 1));
            clock.advance(Duration.ofSeconds(1));
            Reservation second = reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 2));
            clock.advance(Duration.ofSeconds(1));
            Reservation other = reserve(TENANT, "order:o-2", line("l1", SKU_A, WH1, 1));
            clock.advance(Duration.ofSeconds(1));
            Reservation third = reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 3));
            Reservation secondReleased = inventory.release(TENANT, second.id(), Map.of());

            assertThat(store.reservationsFor(TENANT, "order:o-1")).containsExactly(first, secondReleased, third);
            assertThat(store.reservationsFor(TENANT, "order:o-2")).containsExactly(other);
            assertThat(store.reservationsFor(TENANT, "order:o-3")).isEmpty();
        }

        @Test
        @DisplayName("openReservations lists holds and allocations, not released, expired or fulfilled ones")
        void openReservations_mixedStatuses_onlyOpenOnes() {
            receive(TENANT, WH1, SKU_A, 20);
            Reservation held = reserveWithId(
                    TENANT, "r-1", "order:o-1", Optional.of(Duration.ofMinutes(5)), line("l1", SKU_A, WH1, 1));
            Reservation confirmed = reserve(TENANT, "order:o-2", line("l1", SKU_A, WH1, 2));
            Reservation partlyShipped = reserve(TENANT, "order:o-3", line("l1", SKU_A, WH1, 3));
            partlyShipped = inventory.consume(TENANT, partlyShipped.id(), Map.of("l1", 1), "shipment:s-1", ACTOR);
            Reservation released = reserve(TENANT, "order:o-4", line("l1", SKU_A, WH1, 1));
            inventory.release(TENANT, released.id(), Map.of());
            Reservation fulfilled = reserve(TENANT, "order:o-5", line("l1", SKU_A, WH1, 1));
            inventory.consume(TENANT, fulfilled.id(), Map.of(), "shipment:s-2", ACTOR);
            Reservation lapsed = reserveWithId(
                    TENANT, "r-6", "order:o-6", Optional.of(Duration.ofMinutes(1)), line("l1", SKU_A, WH1, 1));
            clock.advance(Duration.ofMinutes(2));
            inventory.expire(TENANT, lapsed.id());

            assertThat(store.openReservations(TENANT)).containsExactlyInAnyOrder(held, confirmed, partlyShipped);
            assertThat(store.level(TENANT, SKU_A, WH1).reserved()).isEqualTo(1 + 2 + 2);
        }

        @Test
        @DisplayName("expiredHolds lists only lapsed holds (at or before the instant), earliest first, at most"
                + " the limit")
        void expiredHolds_mixedHolds_onlyLapsedHeldEarliestFirstWithinLimit() {
            receive(TENANT, WH1, SKU_A, 20);
            receive(OTHER_TENANT, WH1, SKU_A, 20);
            Reservation in3 = reserveWithId(
                    TENANT, "h-a", "cart:1", Optional.of(Duration.ofMinutes(3)), line("l1", SKU_A, WH1, 1));
            Reservation in1 = reserveWithId(
                    TENANT, "h-b", "cart:2", Optional.of(Duration.ofMinutes(1)), line("l1", SKU_A, WH1, 1));
            Reservation in2 = reserveWithId(
                    OTHER_TENANT, "h-c", "cart:3", Optional.of(Duration.ofMinutes(2)), line("l1", SKU_A, WH1, 1));
            Reservation in10 = reserveWithId(
                    TENANT, "h-d", "cart:4", Optional.of(Duration.ofMinutes(10)), line("l1", SKU_A, WH1, 1));
            Reservation confirmedHold = reserveWithId(
                    TENANT, "h-e", "cart:5", Optional.of(Duration.ofMinutes(1)), line("l1", SKU_A, WH1, 1));
            inventory.confirm(TENANT, confirmedHold.id());
            Reservation releasedHold = reserveWithId(
                    TENANT, "h-f", "cart:6", Optional.of(Duration.ofMinutes(1)), line("l1", SKU_A, WH1, 1));
            inventory.release(TENANT, releasedHold.id(), Map.of());
            Reservation extended = reserveWithId(
                    TENANT, "h-g", "cart:7", Optional.of(Duration.ofMinutes(1)), line("l1", SKU_A, WH1, 1));
            extended = inventory.extend(TENANT, extended.id(), Duration.ofMinutes(20));
            reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 1));
            Instant at3 = T0.plus(Duration.ofMinutes(3));

            assertThat(store.expiredHolds(at3, 10)).containsExactly(in1, in2, in3);
            assertThat(store.expiredHolds(at3, 2)).containsExactly(in1, in2);
            assertThat(store.expiredHolds(at3.minusNanos(1), 10)).containsExactly(in1, in2);
            assertThat(store.expiredHolds(T0, 10)).isEmpty();
            assertThat(store.expiredHolds(T0.plus(Duration.ofMinutes(30)), 10))
                    .containsExactly(in1, in2, in3, in10, extended);
        }

        @Test
        @DisplayName("transfersInTransit lists the transfers still in transit towards the location only")
        void transfersInTransit_location_onlyInTransitTowardsIt() {
            receive(TENANT, WH1, SKU_A, 20);
            receive(TENANT, WH2, SKU_B, 20);
            Transfer first = transfer(TENANT, "t-1", WH1, WH3, SKU_A, 1);
            clock.advance(Duration.ofSeconds(1));
            Transfer toWh2 = transfer(TENANT, "t-2", WH1, WH2, SKU_A, 2);
            clock.advance(Duration.ofSeconds(1));
            Transfer second = transfer(TENANT, "t-3", WH2, WH3, SKU_B, 3);
            Transfer receivedOne = transfer(TENANT, "t-4", WH1, WH3, SKU_A, 4);
            inventory.receiveTransfer(ReceiveTransfer.builder()
                    .tenant(TENANT)
                    .transfer(receivedOne.id())
                    .actor(ACTOR)
                    .build());

            assertThat(store.transfersInTransit(TENANT, WH3)).containsExactly(first, second);
            assertThat(store.transfersInTransit(TENANT, WH2)).containsExactly(toWh2);
            assertThat(store.transfersInTransit(TENANT, WH1)).isEmpty();
            assertThat(store.level(TENANT, SKU_A, WH3)).isEqualTo(new StockLevel(SKU_A, WH3, 4, 0, 0, 1, 0));
        }

        @Test
        @DisplayName("levels are sorted by location, allLevels by SKU then location, and locations by id")
        void levels_severalCells_sorted() {
            receive(TENANT, WH3, SKU_B, 1);
            receive(TENANT, WH1, SKU_C, 2);
            receive(TENANT, WH2, SKU_B, 3);
            receive(TENANT, WH1, SKU_B, 4);
            receive(TENANT, WH2, SKU_A, 5);

            assertThat(store.levels(TENANT, SKU_B))
                    .extracting(StockLevel::location)
                    .containsExactly(WH1, WH2, WH3);
            assertThat(store.levels(TENANT, SKU_B))
                    .extracting(StockLevel::onHand)
                    .containsExactly(4, 3, 1);
            assertThat(store.allLevels(TENANT))
                    .extracting(l -> l.sku() + "@" + l.location())
                    .containsExactly("SKU-A@WH-2", "SKU-B@WH-1", "SKU-B@WH-2", "SKU-B@WH-3", "SKU-C@WH-1");
            assertThat(store.levels(TENANT, List.of(SKU_C, SKU_A)))
                    .containsExactly(
                            Map.entry(SKU_C, List.of(new StockLevel(SKU_C, WH1, 2, 0, 0, 0, 0))),
                            Map.entry(SKU_A, List.of(new StockLevel(SKU_A, WH2, 5, 0, 0, 0, 0))));
            assertThat(store.locations(TENANT)).extracting(Location::id).containsExactly(WH1, WH2, WH3);
        }

        @Test
        @DisplayName("the level of a cell that never had stock is StockLevel.empty; safety stock creates the cell")
        void level_unknownCell_isEmpty() {
            receive(TENANT, WH1, SKU_A, 1);

            assertThat(store.level(TENANT, SKU_A, WH2)).isEqualTo(StockLevel.empty(SKU_A, WH2));
            assertThat(store.level(TENANT, SKU_C, WH1)).isEqualTo(StockLevel.empty(SKU_C, WH1));
            assertThat(store.levels(TENANT, SKU_C)).isEmpty();
            assertThat(store.location(TENANT, LocationId.of("NOWHERE"))).isEmpty();
            assertThat(store.reservation(TENANT, ReservationId.of("nope"))).isEmpty();
            assertThat(store.transfer(TENANT, TransferId.of("nope"))).isEmpty();

            store.setSafetyStock(TENANT, SKU_C, WH1, 3);

            assertThat(store.level(TENANT, SKU_C, WH1)).isEqualTo(new StockLevel(SKU_C, WH1, 0, 0, 0, 0, 3));
        }
    }

    // ================================================================= purchase order and backorder records

    @Nested
    @DisplayName("Purchase order and backorder records are version checked, queried in order and kept per tenant")
    class PurchaseOrdersAndBackorders {
        @Test
        @DisplayName("a second new purchase order at version 1 with a taken id throws StaleRecordException and"
                + " applies nothing")
        void commit_newPurchaseOrderTwice_secondThrowsStaleAndAppliesNothing() {
            PurchaseOrder first = newPurchaseOrder(TENANT, "po-1", PurchaseOrderLifecycle.DRAFT, SKU_A, 10);
            assertApplied(store.commit(purchaseOrderCommit(TENANT, first, List.of(), List.of())));
            State before = state(TENANT);
            PurchaseOrder second = newPurchaseOrder(TENANT, "po-1", PurchaseOrderLifecycle.CONFIRMED, SKU_B, 3);

            assertThatThrownBy(() -> store.commit(purchaseOrderCommit(
                            TENANT,
                            second,
                            List.of(new CellChange(SKU_B, WH1, 3, 0, 0, 0)),
                            List.of(movement(SKU_B, WH1, MovementKind.RECEIPT, 3, 0, 0)))))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.purchaseOrder(TENANT, first.id())).contains(first);
        }

        @Test
        @DisplayName("a purchase order update expecting the wrong version, or of a missing order, throws"
                + " StaleRecordException and leaves cells, records and ledger untouched")
        void commit_purchaseOrderWithWrongExpectedVersion_throwsStaleAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 1);
            PurchaseOrder v1 = newPurchaseOrder(TENANT, "po-1", PurchaseOrderLifecycle.DRAFT, SKU_A, 10);
            assertApplied(store.commit(purchaseOrderCommit(TENANT, v1, List.of(), List.of())));
            PurchaseOrder v2 = PurchaseOrder.builder()
                    .from(v1)
                    .status(PurchaseOrderLifecycle.CONFIRMED)
                    .version(2)
                    .build();
            assertApplied(store.commit(purchaseOrderCommit(TENANT, v2, List.of(), List.of())));
            State before = state(TENANT);
            PurchaseOrder receivedAgain = PurchaseOrder.builder()
                    .from(v2)
                    .lines(List.of(new PurchaseOrderLine(SKU_A, 10, 4)))
                    .status(PurchaseOrderLifecycle.PARTIALLY_RECEIVED)
                    .build();
            PurchaseOrder ahead =
                    PurchaseOrder.builder().from(receivedAgain).version(4).build();
            PurchaseOrder missing = PurchaseOrder.builder()
                    .from(newPurchaseOrder(TENANT, "po-9", PurchaseOrderLifecycle.CONFIRMED, SKU_A, 5))
                    .version(2)
                    .build();

            for (PurchaseOrder wrong : List.of(receivedAgain, ahead, missing)) {
                assertThatThrownBy(() -> store.commit(purchaseOrderCommit(
                                TENANT,
                                wrong,
                                List.of(new CellChange(SKU_A, WH1, 4, 0, 0, 0)),
                                List.of(movement(SKU_A, WH1, MovementKind.RECEIPT, 4, 0, 0)))))
                        .as("version %s of %s", wrong.version(), wrong.id())
                        .isInstanceOf(StaleRecordException.class);
            }

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.purchaseOrder(TENANT, v1.id())).contains(v2);
            assertThat(store.purchaseOrder(TENANT, missing.id())).isEmpty();
        }

        @Test
        @DisplayName("a purchase order written with a refused cell delta is not stored")
        void commit_purchaseOrderWithRefusedCell_storesNoRecord() {
            PurchaseOrder po = newPurchaseOrder(TENANT, "po-1", PurchaseOrderLifecycle.CONFIRMED, SKU_A, 10);

            StockCommitResult result = store.commit(purchaseOrderCommit(
                    TENANT,
                    po,
                    List.of(new CellChange(SKU_A, WH1, -1, 0, 0, 0)),
                    List.of(movement(SKU_A, WH1, MovementKind.ADJUSTMENT, -1, 0, 0))));

            assertThat(result).isInstanceOf(StockCommitResult.Refused.class);
            assertThat(store.purchaseOrder(TENANT, po.id())).isEmpty();
            assertThat(store.openPurchaseOrders(TENANT)).isEmpty();
        }

        @Test
        @DisplayName("a second new backorder at version 1 with a taken id throws StaleRecordException; an update"
                + " expecting the wrong version too, and nothing is applied")
        void commit_backorderTakenOrStale_throwsStaleAndAppliesNothing() {
            receive(TENANT, WH1, SKU_A, 5);
            Backorder v1 = backorder(TENANT, "order:o-1", "L1", SKU_A, 3, clock.instant());
            assertApplied(store.commit(StockCommit.ofBackorders(TENANT, List.of(v1))));
            Backorder v2 = v1.withUnits(2, clock.instant());
            assertApplied(store.commit(StockCommit.ofBackorders(TENANT, List.of(v2))));
            State before = state(TENANT);
            Backorder again = backorder(TENANT, "order:o-1", "L1", SKU_A, 9, clock.instant());
            Backorder stale = v1.withUnits(0, clock.instant());
            Backorder ahead = v2.withUnits(1, clock.instant()).withUnits(0, clock.instant());
            Backorder missing = backorder(TENANT, "order:o-2", "L1", SKU_A, 1, clock.instant())
                    .withUnits(2, clock.instant());

            for (Backorder wrong : List.of(again, stale, ahead, missing)) {
                assertThatThrownBy(() -> store.commit(new StockCommit(
                                TENANT,
                                List.of(CellChange.reserve(SKU_A, WH1, 1)),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(wrong),
                                Optional.empty())))
                        .as("version %s of %s", wrong.version(), wrong.id())
                        .isInstanceOf(StaleRecordException.class);
            }

            assertThat(state(TENANT)).isEqualTo(before);
            assertThat(store.backorder(TENANT, v1.id())).contains(v2);
            assertThat(store.backorder(TENANT, missing.id())).isEmpty();
            assertThat(store.level(TENANT, SKU_A, WH1).reserved()).isZero();
        }

        @Test
        @DisplayName("a commit whose second record is stale leaves its first record unwritten")
        void commit_secondBackorderStale_undoesTheFirstRecords() {
            Backorder taken = backorder(TENANT, "order:o-1", "L1", SKU_A, 3, clock.instant());
            assertApplied(store.commit(StockCommit.ofBackorders(TENANT, List.of(taken))));
            PurchaseOrder po = newPurchaseOrder(TENANT, "po-1", PurchaseOrderLifecycle.DRAFT, SKU_A, 10);
            Backorder fresh = backorder(TENANT, "order:o-2", "L1", SKU_A, 1, clock.instant());

            assertThatThrownBy(() -> store.commit(new StockCommit(
                            TENANT,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(po),
                            List.of(fresh, backorder(TENANT, "order:o-1", "L1", SKU_A, 7, clock.instant())),
                            Optional.empty())))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(store.purchaseOrder(TENANT, po.id())).isEmpty();
            assertThat(store.backorder(TENANT, fresh.id())).isEmpty();
            assertThat(store.backorder(TENANT, taken.id())).contains(taken);
        }

        @Test
        @DisplayName("openPurchaseOrders lists drafts, confirmed and partly received orders, oldest first")
        void openPurchaseOrders_mixedStatuses_onlyOpenOnesOldestFirst() {
            Instant t0 = clock.instant();
            PurchaseOrder partly = newPurchaseOrder(
                    TENANT,
                    "po-a",
                    PurchaseOrderLifecycle.PARTIALLY_RECEIVED,
                    List.of(new PurchaseOrderLine(SKU_A, 10, 4)),
                    t0.plusSeconds(30));
            PurchaseOrder draft = newPurchaseOrder(
                    TENANT,
                    "po-b",
                    PurchaseOrderLifecycle.DRAFT,
                    List.of(new PurchaseOrderLine(SKU_A, 1, 0)),
                    t0.plusSeconds(10));
            PurchaseOrder confirmed = newPurchaseOrder(
                    TENANT,
                    "po-c",
                    PurchaseOrderLifecycle.CONFIRMED,
                    List.of(new PurchaseOrderLine(SKU_B, 2, 0)),
                    t0.plusSeconds(20));
            PurchaseOrder received = newPurchaseOrder(
                    TENANT, "po-d", PurchaseOrderLifecycle.RECEIVED, List.of(new PurchaseOrderLine(SKU_A, 2, 2)), t0);
            PurchaseOrder closed = newPurchaseOrder(
                    TENANT,
                    "po-e",
                    PurchaseOrderLifecycle.CLOSED,
                    List.of(new PurchaseOrderLine(SKU_A, 5, 3)),
                    t0.plusSeconds(5));
            PurchaseOrder cancelled = newPurchaseOrder(
                    TENANT,
                    "po-f",
                    PurchaseOrderLifecycle.CANCELLED,
                    List.of(new PurchaseOrderLine(SKU_C, 5, 0)),
                    t0.plusSeconds(1));
            for (PurchaseOrder po : List.of(partly, draft, confirmed, received, closed, cancelled)) {
                assertApplied(store.commit(purchaseOrderCommit(TENANT, po, List.of(), List.of())));
            }

            assertThat(store.openPurchaseOrders(TENANT)).containsExactly(draft, confirmed, partly);
            assertThat(store.purchaseOrder(TENANT, closed.id())).contains(closed);
            assertThat(store.purchaseOrder(TENANT, PurchaseOrderId.of("po-z"))).isEmpty();
        }

        @Test
        @DisplayName("openBackorders lists the SKU's open backorders oldest first, at most the limit")
        void openBackorders_mixed_onlyOpenOnesOfTheSkuOldestFirstWithinLimit() {
            Instant t0 = clock.instant();
            Backorder third = backorder(TENANT, "order:o-3", "L1", SKU_A, 1, t0.plusSeconds(30));
            Backorder first = backorder(TENANT, "order:o-1", "L2", SKU_A, 4, t0.plusSeconds(10));
            Backorder second = backorder(TENANT, "order:o-2", "L1", SKU_A, 2, t0.plusSeconds(20));
            Backorder closedV1 = backorder(TENANT, "order:o-0", "L1", SKU_A, 5, t0);
            Backorder otherSku = backorder(TENANT, "order:o-1", "L1", SKU_B, 7, t0);
            assertApplied(
                    store.commit(StockCommit.ofBackorders(TENANT, List.of(third, first, second, closedV1, otherSku))));
            Backorder closed = closedV1.withUnits(0, t0.plusSeconds(40));
            assertApplied(store.commit(StockCommit.ofBackorders(TENANT, List.of(closed))));

            assertThat(store.openBackorders(TENANT, SKU_A, 10)).containsExactly(first, second, third);
            assertThat(store.openBackorders(TENANT, SKU_A, 2)).containsExactly(first, second);
            assertThat(store.openBackorders(TENANT, SKU_B, 10)).containsExactly(otherSku);
            assertThat(store.openBackorders(TENANT, SKU_C, 10)).isEmpty();
            assertThat(store.backorder(TENANT, closed.id())).contains(closed);
        }

        @Test
        @DisplayName("backordersFor lists the holder's backorders, open and closed, and nobody else's")
        void backordersFor_holder_openAndClosedOnlyItsOwn() {
            Instant t0 = clock.instant();
            Backorder l1 = backorder(TENANT, "order:o-1", "L1", SKU_A, 3, t0);
            Backorder l2 = backorder(TENANT, "order:o-1", "L2", SKU_B, 1, t0.plusSeconds(1));
            Backorder other = backorder(TENANT, "order:o-2", "L1", SKU_A, 2, t0);
            assertApplied(store.commit(StockCommit.ofBackorders(TENANT, List.of(l1, l2, other))));
            Backorder l2Closed = l2.withUnits(0, t0.plusSeconds(2));
            assertApplied(store.commit(StockCommit.ofBackorders(TENANT, List.of(l2Closed))));

            assertThat(store.backordersFor(TENANT, "order:o-1")).containsExactlyInAnyOrder(l1, l2Closed);
            assertThat(store.backordersFor(TENANT, "order:o-2")).containsExactly(other);
            assertThat(store.backordersFor(TENANT, "order:o-3")).isEmpty();
        }

        @Test
        @DisplayName("purchase orders and backorders with the same ids in two tenants never see each other")
        void records_twoTenantsWithSameIds_neverSeeEachOthersData() {
            PurchaseOrder mine = newPurchaseOrder(TENANT, "po-1", PurchaseOrderLifecycle.CONFIRMED, SKU_A, 10);
            PurchaseOrder theirs = newPurchaseOrder(OTHER_TENANT, "po-1", PurchaseOrderLifecycle.DRAFT, SKU_B, 2);
            PurchaseOrder theirClosed = newPurchaseOrder(OTHER_TENANT, "po-2", PurchaseOrderLifecycle.CLOSED, SKU_A, 2);
            assertApplied(store.commit(purchaseOrderCommit(TENANT, mine, List.of(), List.of())));
            assertApplied(store.commit(purchaseOrderCommit(OTHER_TENANT, theirs, List.of(), List.of())));
            assertApplied(store.commit(purchaseOrderCommit(OTHER_TENANT, theirClosed, List.of(), List.of())));
            Backorder myBackorder = backorder(TENANT, "order:o-1", "L1", SKU_A, 3, clock.instant());
            Backorder theirBackorder = backorder(OTHER_TENANT, "order:o-1", "L1", SKU_A, 8, clock.instant());
            Backorder theirOther = backorder(OTHER_TENANT, "order:o-2", "L1", SKU_A, 1, clock.instant());
            assertApplied(store.commit(StockCommit.ofBackorders(TENANT, List.of(myBackorder))));
            assertApplied(store.commit(StockCommit.ofBackorders(OTHER_TENANT, List.of(theirBackorder, theirOther))));

            assertThat(store.purchaseOrder(TENANT, mine.id())).contains(mine);
            assertThat(store.purchaseOrder(OTHER_TENANT, mine.id())).contains(theirs);
            assertThat(store.purchaseOrder(TENANT, theirClosed.id())).isEmpty();
            assertThat(store.openPurchaseOrders(TENANT)).containsExactly(mine);
            assertThat(store.openPurchaseOrders(OTHER_TENANT)).containsExactly(theirs);
            assertThat(store.backorder(TENANT, myBackorder.id())).contains(myBackorder);
            assertThat(store.backorder(OTHER_TENANT, myBackorder.id())).contains(theirBackorder);
            assertThat(store.backorder(TENANT, theirOther.id())).isEmpty();
            assertThat(store.openBackorders(TENANT, SKU_A, 10)).containsExactly(myBackorder);
            assertThat(store.openBackorders(OTHER_TENANT, SKU_A, 10)).containsExactly(theirBackorder, theirOther);
            assertThat(store.backordersFor(TENANT, "order:o-1")).containsExactly(myBackorder);
            assertThat(store.backordersFor(TENANT, "order:o-2")).isEmpty();
            assertThat(store.backordersFor(OTHER_TENANT, "order:o-1")).containsExactly(theirBackorder);
        }

        @Test
        @DisplayName("a new record at version 1 in one tenant does not clash with the same id in another")
        void commit_sameIdsInOtherTenant_applies() {
            assertApplied(store.commit(purchaseOrderCommit(
                    TENANT,
                    newPurchaseOrder(TENANT, "po-1", PurchaseOrderLifecycle.DRAFT, SKU_A, 1),
                    List.of(),
                    List.of())));
            assertApplied(store.commit(
                    StockCommit.ofBackorders(TENANT, List.of(backorder(TENANT, "order:o-1", "L1", SKU_A, 1, T0)))));

            assertApplied(store.commit(purchaseOrderCommit(
                    OTHER_TENANT,
                    newPurchaseOrder(OTHER_TENANT, "po-1", PurchaseOrderLifecycle.DRAFT, SKU_A, 1),
                    List.of(),
                    List.of())));
            assertApplied(store.commit(StockCommit.ofBackorders(
                    OTHER_TENANT, List.of(backorder(OTHER_TENANT, "order:o-1", "L1", SKU_A, 1, T0)))));

            assertThat(store.openPurchaseOrders(OTHER_TENANT)).hasSize(1);
            assertThat(store.openBackorders(OTHER_TENANT, SKU_A, 10)).hasSize(1);
        }
    }

    // ========================================================================================= concurrency

    @Nested
    @DisplayName("Under real concurrency no unit is oversold and every counter stays exact")
    class Concurrency {
        @Test
        @DisplayName("a sweep racing refused multi-line holds never releases units those holds gave back")
        void expireHolds_racingRefusedHolds_neverReleasesUnitsGivenBack() throws Exception {
            Sku plenty = MIX_SKUS.get(0);
            Sku none = MIX_SKUS.get(MIX_SKUS.size() - 1);
            receive(TENANT, WH1, plenty, 1_000);
            receive(TENANT, WH1, none, 1);
            inventory.adjust(adjustment(TENANT, none, WH1, -1, Optional.empty()));
            AtomicBoolean done = new AtomicBoolean();
            List<Outcome<Integer>> outcomes = race(THREADS, thread -> () -> {
                int n = 0;
                if (thread == 0) {
                    while (!done.get() && n < 20_000) {
                        clock.advance(Duration.ofMinutes(2));
                        inventory.expireHolds(100);
                        n++;
                    }
                    return n;
                }
                for (int i = 0; i < 300; i++) {
                    ReserveResult result = inventory.reserve(ReserveStock.builder()
                            .tenant(TENANT)
                            .reference("cart:race-" + thread + "-" + i)
                            .addLines(StockLine.of("a", plenty, WH1, 1), StockLine.of("b", none, WH1, 1))
                            .holdFor(Duration.ofMinutes(1))
                            .actor(ACTOR)
                            .build());
                    assertThat(result.isReserved()).isFalse();
                    n++;
                }
                if (thread == THREADS - 1) {
                    done.set(true);
                }
                return n;
            });

            assertThat(failures(outcomes)).isEmpty();
            assertThat(store.level(TENANT, plenty, WH1)).isEqualTo(new StockLevel(plenty, WH1, 1_000, 0, 0, 0, 0));
            assertThat(store.openReservations(TENANT)).isEmpty();
        }

        @Test
        @DisplayName("eight threads reserving 1 to 3 units of one hot SKU sell out exactly, never oversell")
        void reserve_hotSkuEightThreads_sellsOutExactlyWithoutOversell() throws Exception {
            int stock = 1_000;
            receive(TENANT, WH1, HOT, stock);

            List<Outcome<List<Reservation>>> outcomes = race(THREADS, thread -> () -> {
                Random random = new Random(1_000L + thread);
                List<Reservation> mine = new ArrayList<>();
                int quantity = 1 + random.nextInt(3);
                while (true) {
                    ReserveResult result = inventory.reserve(reserveCommand(
                            TENANT, "order:hot-" + thread, Optional.empty(), line("l1", HOT, WH1, quantity)));
                    if (result.isReserved()) {
                        mine.add(result.reservation().get());
                        quantity = 1 + random.nextInt(3);
                    } else if (quantity > 1) {
                        quantity--;
                    } else {
                        return mine;
                    }
                }
            });

            assertThat(failures(outcomes)).isEmpty();
            List<Reservation> all =
                    successes(outcomes).stream().flatMap(List::stream).toList();
            int reservedUnits = all.stream().mapToInt(Reservation::openUnits).sum();
            StockLevel level = store.level(TENANT, HOT, WH1);
            assertThat(level.available()).isZero();
            assertThat(reservedUnits).isEqualTo(stock - level.available()).isEqualTo(stock);
            assertThat(level).isEqualTo(new StockLevel(HOT, WH1, stock, stock, 0, 0, 0));
            assertThat(all).extracting(Reservation::id).doesNotHaveDuplicates();
            assertThat(store.openReservations(TENANT)).containsExactlyInAnyOrderElementsOf(all);
            assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
        }

        @Test
        @DisplayName("eight threads doing a random mix of reserve, confirm, release, consume, expire, receive"
                + " and adjust leave every counter equal to the ledger and the open reservations")
        void mixedOperations_eightThreads_countersExactAndEveryReservationAccountedFor() throws Exception {
            int initial = 40;
            List<Sku> skus = MIX_SKUS;
            for (Sku sku : skus) {
                for (LocationId location : LOCATIONS) {
                    receive(TENANT, location, sku, initial);
                }
            }
            List<ReservationId> reserved = new CopyOnWriteArrayList<>();
            AtomicLong reservedUnits = new AtomicLong();
            AtomicLong receivedUnits = new AtomicLong();
            AtomicLong adjustedUnits = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            int opsPerThread = 400;

            List<Outcome<Integer>> outcomes = race(THREADS, thread -> () -> {
                Random random = new Random(7_000L + thread);
                int done = 0;
                for (int op = 0; op < opsPerThread; op++) {
                    String cause = "shipment:" + thread + "-" + op;
                    try {
                        int kind = random.nextInt(100);
                        if (kind < 35) {
                            Reservation r = mixReserve(random, thread, op);
                            if (r != null) {
                                reserved.add(r.id());
                                reservedUnits.addAndGet(r.openUnits());
                            }
                        } else if (kind < 45) {
                            pick(random, reserved).ifPresent(id -> inventory.confirm(TENANT, id));
                        } else if (kind < 60) {
                            pick(random, reserved)
                                    .ifPresent(id -> inventory.release(TENANT, id, someUnits(random, id)));
                        } else if (kind < 72) {
                            pick(random, reserved)
                                    .ifPresent(
                                            id -> inventory.consume(TENANT, id, someUnits(random, id), cause, ACTOR));
                        } else if (kind < 80) {
                            clock.advance(Duration.ofMinutes(1));
                            if (random.nextBoolean()) {
                                inventory.expireHolds(5);
                            } else {
                                pick(random, reserved).ifPresent(id -> inventory.expire(TENANT, id));
                            }
                        } else if (kind < 90) {
                            int units = 1 + random.nextInt(6);
                            receive(TENANT, LOCATIONS.get(random.nextInt(3)), skus.get(random.nextInt(4)), units);
                            receivedUnits.addAndGet(units);
                        } else {
                            int delta = random.nextBoolean() ? 1 + random.nextInt(4) : -(1 + random.nextInt(4));
                            inventory.adjust(adjustment(
                                    TENANT,
                                    skus.get(random.nextInt(4)),
                                    LOCATIONS.get(random.nextInt(3)),
                                    delta,
                                    Optional.empty()));
                            adjustedUnits.addAndGet(delta);
                        }
                        done++;
                    } catch (StockRejectedException | InvalidArgumentException e) {
                        // an expected business outcome of racing: not open any more, expired, more than held,
                        // not enough stock for a decrease
                    } catch (ConflictException e) {
                        if (e instanceof StaleRecordException) {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException | Error e) {
                        unexpected.add(e);
                    }
                }
                return done;
            });

            assertThat(failures(outcomes)).isEmpty();
            assertThat(unexpected).isEmpty();
            assertThat(successes(outcomes).stream().mapToInt(Integer::intValue).sum())
                    .as("operations that succeeded")
                    .isGreaterThan(THREADS * opsPerThread / 4);

            // every counter against its sources of truth
            Map<String, Integer> openByCell = new HashMap<>();
            for (Reservation r : store.openReservations(TENANT)) {
                for (ReservationLine line : r.lines()) {
                    openByCell.merge(line.sku() + "@" + line.location(), line.open(), Integer::sum);
                }
            }
            List<StockLevel> levels = store.allLevels(TENANT);
            assertThat(levels).hasSize(skus.size() * LOCATIONS.size());
            Map<MovementKind, Long> onHandByKind = new LinkedHashMap<>();
            for (StockLevel level : levels) {
                assertThat(level.onHand()).as("on hand of %s", level).isNotNegative();
                assertThat(level.reserved())
                        .as("reserved of %s", level)
                        .isNotNegative()
                        .isLessThanOrEqualTo(level.onHand());
                long onHand = 0;
                for (LedgerEntry e : wholeLedger(TENANT, level.sku(), level.location())) {
                    if (e.movement().kind() != MovementKind.REPAIR) {
                        onHand += e.movement().onHand();
                        onHandByKind.merge(
                                e.movement().kind(), (long) e.movement().onHand(), Long::sum);
                    }
                }
                assertThat((long) level.onHand())
                        .as("on hand of %s against the ledger", level)
                        .isEqualTo(onHand);
                assertThat(level.reserved())
                        .as("reserved of %s against the open reservations", level)
                        .isEqualTo(openByCell.getOrDefault(level.sku() + "@" + level.location(), 0));
            }

            // every successful reservation accounted for exactly once
            assertThat(reserved).doesNotHaveDuplicates();
            long quantity = 0;
            long consumed = 0;
            Set<ReservationId> open = new HashSet<>();
            for (ReservationId id : reserved) {
                Reservation r = store.reservation(TENANT, id).orElseThrow(() -> new AssertionError("lost " + id));
                for (ReservationLine line : r.lines()) {
                    assertThat(line.consumed() + line.released() + line.open()).isEqualTo(line.quantity());
                    quantity += line.quantity();
                    consumed += line.consumed();
                }
                assertThat(r.status().isOpen()).as("status of %s", r).isEqualTo(r.openUnits() > 0);
                if (r.status() == ReservationStatus.FULFILLED) {
                    assertThat(r.lines().stream()
                                    .mapToInt(ReservationLine::consumed)
                                    .sum())
                            .isPositive();
                }
                if (r.status().isOpen()) {
                    open.add(id);
                }
                assertThat(store.reservationsFor(TENANT, r.reference())).contains(r);
            }
            assertThat(quantity).isEqualTo(reservedUnits.get());
            assertThat(store.openReservations(TENANT))
                    .extracting(Reservation::id)
                    .containsExactlyInAnyOrderElementsOf(open);
            assertThat(-onHandByKind.getOrDefault(MovementKind.SHIPMENT, 0L))
                    .as("shipped units")
                    .isEqualTo(consumed);
            assertThat(onHandByKind.get(MovementKind.RECEIPT))
                    .isEqualTo((long) initial * levels.size() + receivedUnits.get());
            assertThat(onHandByKind.getOrDefault(MovementKind.ADJUSTMENT, 0L)).isEqualTo(adjustedUnits.get());
            assertThat(store.expiredHolds(FAR_FUTURE, 10_000))
                    .allMatch(r -> r.status() == ReservationStatus.HELD, "is a hold")
                    .extracting(Reservation::id)
                    .isSubsetOf(open);
            DriftReport drift = inventory.checkDrift(TENANT);
            assertThat(drift.drifts()).isEmpty();
            assertThat(drift.isClean()).isTrue();
        }

        private Reservation mixReserve(Random random, int thread, int op) {
            int lines = 1 + random.nextInt(3);
            List<StockLine> stockLines = new ArrayList<>();
            Set<String> cells = new HashSet<>();
            for (int i = 0; i < lines; i++) {
                Sku sku = MIX_SKUS.get(random.nextInt(MIX_SKUS.size()));
                LocationId location = LOCATIONS.get(random.nextInt(LOCATIONS.size()));
                if (cells.add(sku + "@" + location)) {
                    stockLines.add(StockLine.of("l" + i, sku, location, 1 + random.nextInt(5)));
                }
            }
            Optional<Duration> hold = random.nextBoolean() ? Optional.of(Duration.ofMinutes(10)) : Optional.empty();
            ReserveResult result = inventory.reserve(ReserveStock.builder()
                    .tenant(TENANT)
                    .reference("order:mix-" + thread + "-" + op)
                    .lines(stockLines)
                    .holdFor(hold)
                    .actor(ACTOR)
                    .build());
            return result.reservation().orElse(null);
        }

        /** Every open unit (an empty map), or a random part of one open line. */
        private Map<String, Integer> someUnits(Random random, ReservationId id) {
            Reservation r = store.reservation(TENANT, id).orElseThrow();
            if (random.nextBoolean()) {
                return Map.of();
            }
            List<ReservationLine> open =
                    r.lines().stream().filter(l -> l.open() > 0).toList();
            if (open.isEmpty()) {
                return Map.of();
            }
            ReservationLine line = open.get(random.nextInt(open.size()));
            return Map.of(line.ref(), 1 + random.nextInt(line.open()));
        }
    }

    // =============================================================================================== drift

    @Nested
    @DisplayName("The drift check finds counters that disagree with the ledger and reservations, and repair fixes them")
    class Drift {
        @Test
        @DisplayName("after ordinary operations the check is clean")
        void checkDrift_afterOrdinaryOperations_isClean() {
            receive(TENANT, WH1, SKU_A, 10);
            inventory.receive(ReceiveGoods.builder()
                    .tenant(TENANT)
                    .location(WH2)
                    .lines(List.of(ReceiptLine.inspected(SKU_B, 3, 2, "wet")))
                    .actor(ACTOR)
                    .build());
            Reservation r = reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 4), line("l2", SKU_B, WH2, 1));
            inventory.consume(TENANT, r.id(), Map.of("l1", 2), "shipment:s-1", ACTOR);
            transfer(TENANT, "t-1", WH1, WH3, SKU_A, 1);

            DriftReport report = inventory.checkDrift(TENANT);

            assertThat(report.drifts()).isEmpty();
            assertThat(report.isClean()).isTrue();
        }

        @Test
        @DisplayName("a counter corrupted behind the ledger's back is found, and the repair brings it back with"
                + " REPAIR entries that leave the check clean")
        void repairDrift_corruptedCounters_areFoundAndFixed() {
            Assumptions.assumeTrue(corrupter().isPresent(), "the store offers no corrupter(); repair not tested");
            receive(TENANT, WH1, SKU_A, 10);
            receive(TENANT, WH2, SKU_B, 10);
            Reservation r = reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 4));
            StockLevel truthA = store.level(TENANT, SKU_A, WH1);
            StockLevel truthB = store.level(TENANT, SKU_B, WH2);
            corrupter().get().accept(TENANT, new CellChange(SKU_A, WH1, 5, 2, 0, 0));
            corrupter().get().accept(TENANT, new CellChange(SKU_B, WH2, -3, 0, 1, 0));

            DriftReport found = inventory.checkDrift(TENANT);

            assertThat(found.drifts())
                    .containsExactlyInAnyOrder(
                            new DriftReport.Drift(SKU_A, WH1, "onHand", 15, 10),
                            new DriftReport.Drift(SKU_A, WH1, "reserved", 6, 4),
                            new DriftReport.Drift(SKU_B, WH2, "onHand", 7, 10),
                            new DriftReport.Drift(SKU_B, WH2, "quarantined", 1, 0));

            DriftReport repaired = inventory.repairDrift(TENANT, ACTOR);

            assertThat(repaired.drifts()).isEqualTo(found.drifts());
            assertThat(repaired.repairs())
                    .hasSize(2)
                    .allMatch(e -> e.movement().kind() == MovementKind.REPAIR, "is a REPAIR entry");
            assertThat(store.level(TENANT, SKU_A, WH1)).isEqualTo(truthA);
            assertThat(store.level(TENANT, SKU_B, WH2)).isEqualTo(truthB);
            assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
            assertThat(store.reservation(TENANT, r.id()).orElseThrow().openUnits())
                    .isEqualTo(4);
        }

        @Test
        @DisplayName("on hand and reserved both too low on a fully reserved cell are raised together by one"
                + " REPAIR entry")
        void repairDrift_onHandAndReservedTooLowOnSoldOutCell_raisesBoth() {
            Assumptions.assumeTrue(corrupter().isPresent(), "the store offers no corrupter(); repair not tested");
            receive(TENANT, WH1, SKU_A, 10);
            reserve(TENANT, "order:o-1", line("l1", SKU_A, WH1, 10));
            StockLevel truth = store.level(TENANT, SKU_A, WH1);
            corrupter().get().accept(TENANT, new CellChange(SKU_A, WH1, -5, -5, 0, 0));

            DriftReport repaired = inventory.repairDrift(TENANT, ACTOR);

            assertThat(repaired.drifts())
                    .containsExactlyInAnyOrder(
                            new DriftReport.Drift(SKU_A, WH1, "onHand", 5, 10),
                            new DriftReport.Drift(SKU_A, WH1, "reserved", 5, 10));
            assertThat(repaired.repairs()).singleElement().satisfies(e -> {
                assertThat(e.movement().onHand()).isEqualTo(5);
                assertThat(e.movement().reserved()).isEqualTo(5);
            });
            assertThat(store.level(TENANT, SKU_A, WH1)).isEqualTo(truth);
            assertThat(inventory.checkDrift(TENANT).isClean()).isTrue();
        }
    }

    // ============================================================================================= helpers

    /** What a test compares before and after a commit that must apply nothing. */
    private record State(List<StockLevel> levels, List<Reservation> open, Map<String, List<LedgerEntry>> ledgers) {}

    private State state(TenantId tenant) {
        List<StockLevel> levels = store.allLevels(tenant);
        Map<String, List<LedgerEntry>> ledgers = new LinkedHashMap<>();
        for (StockLevel level : levels) {
            ledgers.put(level.sku() + "@" + level.location(), wholeLedger(tenant, level.sku(), level.location()));
        }
        for (Sku sku : List.of(SKU_A, SKU_B, SKU_C)) {
            for (LocationId location : LOCATIONS) {
                ledgers.putIfAbsent(sku + "@" + location, wholeLedger(tenant, sku, location));
            }
        }
        return new State(levels, store.openReservations(tenant), ledgers);
    }

    private List<LedgerEntry> wholeLedger(TenantId tenant, Sku sku, LocationId location) {
        List<LedgerEntry> out = new ArrayList<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<LedgerEntry> page = store.ledger(tenant, sku, location, after, 500);
            out.addAll(page);
            if (page.size() < 500) {
                return out;
            }
            after = page.get(page.size() - 1).sequence();
        }
    }

    private static Location location(TenantId tenant, LocationId id) {
        return Location.builder()
                .tenant(tenant)
                .id(id)
                .name("Location " + id)
                .kind(LocationKind.WAREHOUSE_BRANCH)
                .address(OrderFixtures.address())
                .build();
    }

    private PurchaseOrder newPurchaseOrder(
            TenantId tenant, String id, dev.omskit.core.lifecycle.State status, Sku sku, int ordered) {
        int received = PurchaseOrderLifecycle.RECEIVED.equals(status) ? ordered : 0;
        return newPurchaseOrder(
                tenant, id, status, List.of(new PurchaseOrderLine(sku, ordered, received)), clock.instant());
    }

    private static PurchaseOrder newPurchaseOrder(
            TenantId tenant,
            String id,
            dev.omskit.core.lifecycle.State status,
            List<PurchaseOrderLine> lines,
            Instant createdAt) {
        return PurchaseOrder.builder()
                .tenant(tenant)
                .id(PurchaseOrderId.of(id))
                .supplier("SUP-1")
                .location(WH1)
                .lines(lines)
                .status(status)
                .createdBy(ACTOR)
                .createdAt(createdAt)
                .updatedAt(createdAt)
                .version(1)
                .build();
    }

    private static StockCommit purchaseOrderCommit(
            TenantId tenant, PurchaseOrder po, List<CellChange> cells, List<Movement> movements) {
        return new StockCommit(
                tenant, cells, List.of(), List.of(), movements, List.of(po), List.of(), Optional.empty());
    }

    private static Backorder backorder(
            TenantId tenant, String reference, String lineRef, Sku sku, int units, Instant since) {
        return new Backorder(tenant, reference, lineRef, sku, units, BackorderKind.BACKORDER, since, since, 1);
    }

    private void receive(TenantId tenant, LocationId location, Sku sku, int units) {
        inventory.receive(ReceiveGoods.builder()
                .tenant(tenant)
                .location(location)
                .lines(List.of(ReceiptLine.good(sku, units)))
                .actor(ACTOR)
                .build());
    }

    private static StockLine line(String ref, Sku sku, LocationId location, int quantity) {
        return StockLine.of(ref, sku, location, quantity);
    }

    private static ReserveStock reserveCommand(
            TenantId tenant, String reference, Optional<Duration> holdFor, StockLine... lines) {
        return ReserveStock.builder()
                .tenant(tenant)
                .reference(reference)
                .lines(List.of(lines))
                .holdFor(holdFor)
                .actor(ACTOR)
                .build();
    }

    private Reservation reserve(TenantId tenant, String reference, StockLine... lines) {
        ReserveResult result = inventory.reserve(reserveCommand(tenant, reference, Optional.empty(), lines));
        assertThat(result.isReserved())
                .as("reservation %s: %s", reference, result)
                .isTrue();
        return result.reservation().get();
    }

    private Reservation reserveWithId(
            TenantId tenant, String id, String reference, Optional<Duration> holdFor, StockLine... lines) {
        ReserveResult result = inventory.reserve(ReserveStock.builder()
                .from(reserveCommand(tenant, reference, holdFor, lines))
                .id(ReservationId.of(id))
                .build());
        assertThat(result.isReserved()).as("reservation %s: %s", id, result).isTrue();
        return result.reservation().get();
    }

    private Transfer transfer(TenantId tenant, String id, LocationId from, LocationId to, Sku sku, int units) {
        return inventory.transfer(TransferStock.builder()
                .tenant(tenant)
                .from(from)
                .to(to)
                .lines(Map.of(sku, units))
                .id(TransferId.of(id))
                .actor(ACTOR)
                .build());
    }

    private static AdjustStock adjustment(
            TenantId tenant, Sku sku, LocationId location, int delta, Optional<IdempotencyKey> key) {
        return AdjustStock.builder()
                .tenant(tenant)
                .sku(sku)
                .location(location)
                .delta(delta)
                .reason("tck adjustment")
                .idempotencyKey(key)
                .actor(ACTOR)
                .build();
    }

    private Reservation newReservation(TenantId tenant, String id, String reference, StockLine... lines) {
        List<ReservationLine> out = new ArrayList<>();
        for (StockLine l : lines) {
            out.add(ReservationLine.of(l.ref(), l.sku(), l.location(), l.quantity()));
        }
        Instant now = clock.instant();
        return Reservation.builder()
                .tenant(tenant)
                .id(ReservationId.of(id))
                .reference(reference)
                .lines(out)
                .status(ReservationStatus.CONFIRMED)
                .createdBy(ACTOR)
                .createdAt(now)
                .updatedAt(now)
                .version(1)
                .build();
    }

    private Transfer newTransfer(TenantId tenant, String id, LocationId from, LocationId to, Sku sku, int units) {
        Instant now = clock.instant();
        return Transfer.builder()
                .tenant(tenant)
                .id(TransferId.of(id))
                .source(from)
                .destination(to)
                .lines(List.of(new TransferLine(sku, units, 0, 0)))
                .status(TransferStatus.IN_TRANSIT)
                .createdBy(ACTOR)
                .createdAt(now)
                .updatedAt(now)
                .version(1)
                .build();
    }

    private Movement movement(
            Sku sku, LocationId location, MovementKind kind, int onHand, int reserved, int quarantined) {
        return new Movement(
                sku, location, kind, onHand, reserved, quarantined, 0, "tck", Optional.empty(), ACTOR, clock.instant());
    }

    private static StockCommit cellsCommit(TenantId tenant, List<CellChange> cells, List<Movement> movements) {
        return new StockCommit(tenant, cells, List.of(), List.of(), movements, Optional.empty());
    }

    private StockCommit receiptCommit(TenantId tenant, LocationId location, Sku sku, int units, Optional<String> key) {
        return new StockCommit(
                tenant,
                List.of(new CellChange(sku, location, units, 0, 0, 0)),
                List.of(),
                List.of(),
                List.of(movement(sku, location, MovementKind.RECEIPT, units, 0, 0)),
                key.map(IdempotencyKey::of));
    }

    private static List<LedgerEntry> assertApplied(StockCommitResult result) {
        assertThat(result).isInstanceOf(StockCommitResult.Applied.class);
        return ((StockCommitResult.Applied) result).entries();
    }

    private static Optional<ReservationId> pick(Random random, List<ReservationId> ids) {
        int size = ids.size();
        return size == 0 ? Optional.empty() : Optional.of(ids.get(random.nextInt(size)));
    }
}
