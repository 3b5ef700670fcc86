package dev.omskit.testkit.store;

import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.Movement;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.PurchaseOrderLifecycle;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.ReservationStatus;
import dev.omskit.core.inventory.Shortfall;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferId;
import dev.omskit.core.inventory.TransferStatus;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.StaleRecordException;
import dev.omskit.core.spi.StockCommit;
import dev.omskit.core.spi.StockCommitResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link InventoryStore} in memory: thread-safe, lock-free on the stock path, and not durable (everything
 * is gone when the process ends). It is what tests, benchmarks of the core and the demo run on, and it
 * passes {@code InventoryStoreCompatibilityKit}.
 *
 * <p>How it keeps the contract: each cell's counters are one immutable value swapped by compare-and-set, so
 * the check and the update of a cell are one atomic step (an escrow: a reservation is a bounded decrement
 * of what is available, never a read followed by a write). A commit first writes its records (version
 * checked), then claims the parts of its cell deltas that can fail (decreases, new reservations) in one
 * global order, SKU then location; if any cell is short it gives back what it claimed, restores the
 * records and reports every short cell it found; otherwise it inserts its new records (only now, so that
 * nobody can find a record whose units may still be given back), adds the parts that cannot fail
 * (increases, released reservations) and appends the movements. Reads of a cell are one map lookup and one volatile
 * read, whatever the number of reservations or ledger entries.
 */
public final class InMemoryInventoryStore implements InventoryStore {
    private static final Comparator<CellKey> CELL_ORDER =
            Comparator.comparing(CellKey::sku).thenComparing(CellKey::location);

    private final Map<TenantId, TenantData> tenants = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<HoldKey, Boolean> holds = new ConcurrentSkipListMap<>();
    private final AtomicLong sequence = new AtomicLong();

    private final int expectedReservations;

    private InMemoryInventoryStore(int expectedReservations) {
        this.expectedReservations = expectedReservations;
    }

    /** An empty store. */
    public static InMemoryInventoryStore create() {
        return new InMemoryInventoryStore(16);
    }

    /**
     * An empty store sized for about {@code expectedReservations} reservations per tenant, so that a flash
     * sale does not spend its time growing the reservation maps (as {@code new HashMap<>(n)} would).
     */
    public static InMemoryInventoryStore create(int expectedReservations) {
        if (expectedReservations < 1) {
            throw new IllegalArgumentException("expected reservations must be positive; was " + expectedReservations);
        }
        return new InMemoryInventoryStore(expectedReservations);
    }

    // ------------------------------------------------------------------------------------------ data

    private record CellKey(Sku sku, LocationId location) {}

    private record HoldKey(Instant expiresAt, TenantId tenant, ReservationId id) implements Comparable<HoldKey> {
        @Override
        public int compareTo(HoldKey o) {
            int c = expiresAt.compareTo(o.expiresAt);
            if (c == 0) {
                c = tenant.compareTo(o.tenant);
            }
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /** The counters of a cell, swapped whole. */
    private record Counts(int onHand, int reserved, int quarantined, int inTransit) {
        static final Counts ZERO = new Counts(0, 0, 0, 0);

        Counts plus(int dOnHand, int dReserved, int dQuarantined, int dInTransit) {
            return new Counts(
                    onHand + dOnHand, reserved + dReserved, quarantined + dQuarantined, inTransit + dInTransit);
        }

        boolean valid() {
            return onHand >= 0 && reserved >= 0 && quarantined >= 0 && inTransit >= 0 && reserved <= onHand;
        }
    }

    private static final class Cell {
        final Sku sku;
        final LocationId location;
        final AtomicReference<Counts> counts = new AtomicReference<>(Counts.ZERO);
        volatile int safety;
        final List<LedgerEntry> ledger = new ArrayList<>();

        Cell(Sku sku, LocationId location) {
            this.sku = sku;
            this.location = location;
        }

        StockLevel level() {
            Counts c = counts.get();
            return new StockLevel(sku, location, c.onHand, c.reserved, c.quarantined, c.inTransit, safety);
        }

        /** Applies the delta if the result is valid; returns the counts before, or null if it would break. */
        Counts tryApply(int dOnHand, int dReserved, int dQuarantined, int dInTransit) {
            while (true) {
                Counts before = counts.get();
                Counts after = before.plus(dOnHand, dReserved, dQuarantined, dInTransit);
                if (!after.valid()) {
                    return null;
                }
                if (counts.compareAndSet(before, after)) {
                    return before;
                }
            }
        }

        /**
         * Applies a delta (or its inverse) that cannot break the invariants: the inverse of a claim, or the
         * increases and releases of a commit whose claims all succeeded.
         */
        void tryApplyForced(int[] delta, boolean inverse) {
            int sign = inverse ? -1 : 1;
            if (tryApply(sign * delta[0], sign * delta[1], sign * delta[2], sign * delta[3]) == null) {
                throw new IllegalStateException(
                        "cell " + sku + "@" + location + " would break its invariants: " + counts.get() + " with "
                                + (inverse ? "the inverse of " : "") + java.util.Arrays.toString(delta));
            }
        }
    }

    private static final class TenantData {
        final Map<LocationId, Location> locations = new ConcurrentHashMap<>();
        /** The locations sorted by id, the same list until one is saved (null: to be built). */
        volatile List<Location> sortedLocations;

        final Map<Sku, Map<LocationId, Cell>> cells = new ConcurrentHashMap<>();
        final Map<ReservationId, Reservation> reservations;
        final Map<String, List<ReservationId>> byReference;
        final Map<TransferId, Transfer> transfers = new ConcurrentHashMap<>();
        final Map<PurchaseOrderId, PurchaseOrder> purchaseOrders = new ConcurrentHashMap<>();
        final Map<String, Backorder> backorders = new ConcurrentHashMap<>();
        /** Backorder ids per holder reference (a holder's lines never change reference). */
        final Map<String, Set<String>> backordersByReference = new ConcurrentHashMap<>();

        final Map<IdempotencyKey, CompletableFuture<List<LedgerEntry>>> keys = new ConcurrentHashMap<>();

        TenantData(int expectedReservations) {
            reservations = new ConcurrentHashMap<>(expectedReservations);
            byReference = new ConcurrentHashMap<>(expectedReservations);
        }

        Cell cell(Sku sku, LocationId location) {
            return cells.computeIfAbsent(sku, s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(location, l -> new Cell(sku, l));
        }

        Cell existing(Sku sku, LocationId location) {
            Map<LocationId, Cell> bySku = cells.get(sku);
            return bySku == null ? null : bySku.get(location);
        }
    }

    private TenantData data(TenantId tenant) {
        TenantData d = tenants.get(Objects.requireNonNull(tenant, "tenant"));
        return d != null ? d : tenants.computeIfAbsent(tenant, t -> new TenantData(expectedReservations));
    }

    // ----------------------------------------------------------------------------------------- locations

    @Override
    public void saveLocation(Location location) {
        TenantData d = data(location.tenant());
        synchronized (d.locations) {
            d.locations.put(location.id(), location);
            d.sortedLocations = null;
        }
    }

    @Override
    public Optional<Location> location(TenantId tenant, LocationId id) {
        return Optional.ofNullable(data(tenant).locations.get(id));
    }

    @Override
    public List<Location> locations(TenantId tenant) {
        TenantData d = data(tenant);
        List<Location> sorted = d.sortedLocations;
        if (sorted == null) {
            synchronized (d.locations) {
                List<Location> out = new ArrayList<>(d.locations.values());
                out.sort(Comparator.comparing(Location::id));
                sorted = List.copyOf(out);
                d.sortedLocations = sorted;
            }
        }
        return sorted;
    }

    // -------------------------------------------------------------------------------------------- commit

    @Override
    public StockCommitResult commit(StockCommit commit) {
        TenantData d = data(commit.tenant());
        if (commit.idempotencyKey().isEmpty()) {
            return apply(commit, d);
        }
        IdempotencyKey key = commit.idempotencyKey().get();
        while (true) {
            CompletableFuture<List<LedgerEntry>> mine = new CompletableFuture<>();
            CompletableFuture<List<LedgerEntry>> first = d.keys.putIfAbsent(key, mine);
            if (first != null) {
                List<LedgerEntry> entries = first.join();
                if (entries != null) {
                    return new StockCommitResult.Replayed(entries);
                }
                continue; // the first holder of the key applied nothing: try to take the key
            }
            StockCommitResult result = null;
            try {
                result = apply(commit, d);
                return result;
            } finally {
                if (result instanceof StockCommitResult.Applied applied) {
                    mine.complete(applied.entries());
                } else {
                    d.keys.remove(key, mine);
                    mine.complete(null);
                }
            }
        }
    }

    private static final StockCommitResult.Applied APPLIED_NOTHING_TO_LEDGER = new StockCommitResult.Applied(List.of());

    private StockCommitResult apply(StockCommit commit, TenantData d) {
        for (Transfer t : commit.transfers()) {
            sameTenant(commit, t.tenant(), "transfer '" + t.id() + "'");
        }
        for (PurchaseOrder po : commit.purchaseOrders()) {
            sameTenant(commit, po.tenant(), "purchase order '" + po.id() + "'");
        }
        for (Backorder b : commit.backorders()) {
            sameTenant(commit, b.tenant(), "backorder '" + b.id() + "'");
        }
        if (commit.reservations().size() == 1
                && commit.cells().size() <= 1
                && commit.movements().isEmpty()
                && commit.transfers().isEmpty()
                && commit.purchaseOrders().isEmpty()
                && commit.backorders().isEmpty()) {
            return applyOneReservation(commit, d);
        }
        // Changed records are version-checked and written first, so two commits changing one record are
        // serialised before either touches a cell. New records are only checked to be absent here and
        // inserted after every claim succeeded: until then nobody (a sweep, a reader) can find them and act
        // on units the commit may still give back.
        List<Runnable> undoRecords = new ArrayList<>();
        List<Runnable> inserts = new ArrayList<>();
        try {
            for (Reservation r : commit.reservations()) {
                if (r.version() == 1) {
                    absent(d.reservations, r.id(), Reservation::version, "reservation");
                    inserts.add(() -> writeReservation(commit.tenant(), d, r, undoRecords));
                } else {
                    writeReservation(commit.tenant(), d, r, undoRecords);
                }
            }
            for (Transfer t : commit.transfers()) {
                if (t.version() == 1) {
                    absent(d.transfers, t.id(), Transfer::version, "transfer");
                    inserts.add(() -> writeTransfer(d, t, undoRecords));
                } else {
                    writeTransfer(d, t, undoRecords);
                }
            }
            for (PurchaseOrder po : commit.purchaseOrders()) {
                Runnable w = () -> write(
                        d.purchaseOrders,
                        po.id(),
                        po,
                        po.version(),
                        PurchaseOrder::version,
                        "purchase order",
                        undoRecords);
                if (po.version() == 1) {
                    absent(d.purchaseOrders, po.id(), PurchaseOrder::version, "purchase order");
                    inserts.add(w);
                } else {
                    w.run();
                }
            }
            for (Backorder b : commit.backorders()) {
                Runnable w = () -> {
                    write(d.backorders, b.id(), b, b.version(), Backorder::version, "backorder", undoRecords);
                    d.backordersByReference
                            .computeIfAbsent(b.reference(), k -> ConcurrentHashMap.newKeySet())
                            .add(b.id());
                };
                if (b.version() == 1) {
                    absent(d.backorders, b.id(), Backorder::version, "backorder");
                    inserts.add(w);
                } else {
                    w.run();
                }
            }
        } catch (StaleRecordException e) {
            undo(undoRecords);
            throw e;
        }

        // Merge the deltas per cell, in the global order.
        TreeMap<CellKey, int[]> deltas = new TreeMap<>(CELL_ORDER);
        for (CellChange c : commit.cells()) {
            int[] sum = deltas.computeIfAbsent(new CellKey(c.sku(), c.location()), k -> new int[4]);
            sum[0] += c.onHand();
            sum[1] += c.reserved();
            sum[2] += c.quarantined();
            sum[3] += c.inTransit();
        }
        // Phase 1: claim the parts that can fail (decreases, more reserved), in global order.
        List<Cell> claimedCells = new ArrayList<>();
        List<int[]> claimed = new ArrayList<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (Map.Entry<CellKey, int[]> e : deltas.entrySet()) {
            int[] v = e.getValue();
            int[] claim = claim(v);
            if (claim[0] == 0 && claim[1] == 0 && claim[2] == 0 && claim[3] == 0) {
                continue;
            }
            Cell cell = d.existing(e.getKey().sku(), e.getKey().location());
            if (cell == null
                    && !Counts.ZERO.plus(claim[0], claim[1], claim[2], claim[3]).valid()) {
                // short on a cell that never existed: report it without creating the cell
                shortfalls.add(shortfall(e.getKey().sku(), e.getKey().location(), Counts.ZERO, claim));
                continue;
            }
            if (cell == null) {
                cell = d.cell(e.getKey().sku(), e.getKey().location());
            }
            Counts before = cell.tryApply(claim[0], claim[1], claim[2], claim[3]);
            if (before == null) {
                shortfalls.add(shortfall(cell.sku, cell.location, cell.counts.get(), claim));
                continue; // keep looking, so the refusal names every short cell
            }
            if (!shortfalls.isEmpty()) {
                cell.tryApplyForced(claim, true);
                continue;
            }
            claimedCells.add(cell);
            claimed.add(claim);
        }
        if (!shortfalls.isEmpty()) {
            for (int i = 0; i < claimedCells.size(); i++) {
                claimedCells.get(i).tryApplyForced(claimed.get(i), true);
            }
            undo(undoRecords);
            return new StockCommitResult.Refused(shortfalls);
        }
        try {
            for (Runnable insert : inserts) {
                insert.run();
            }
        } catch (StaleRecordException e) {
            for (int i = 0; i < claimedCells.size(); i++) {
                claimedCells.get(i).tryApplyForced(claimed.get(i), true);
            }
            undo(undoRecords);
            throw e;
        }
        // Phase 2: the parts that cannot fail (increases, fewer reserved).
        for (Map.Entry<CellKey, int[]> e : deltas.entrySet()) {
            int[] v = e.getValue();
            int[] claim = claim(v);
            int[] rest = {v[0] - claim[0], v[1] - claim[1], v[2] - claim[2], v[3] - claim[3]};
            if (rest[0] == 0 && rest[1] == 0 && rest[2] == 0 && rest[3] == 0) {
                continue;
            }
            Cell cell = d.cell(e.getKey().sku(), e.getKey().location());
            cell.tryApplyForced(rest, false);
        }
        // The ledger.
        List<LedgerEntry> entries = new ArrayList<>(commit.movements().size());
        for (Movement m : commit.movements()) {
            Cell cell = d.cell(m.sku(), m.location());
            synchronized (cell.ledger) {
                LedgerEntry entry = new LedgerEntry(commit.tenant(), sequence.incrementAndGet(), m);
                cell.ledger.add(entry);
                entries.add(entry);
            }
        }
        return new StockCommitResult.Applied(entries);
    }

    /**
     * The part of a cell's merged delta that can fail, claimed in phase 1: decreases, and more reserved.
     * When the same commit also adds on-hand units to the cell, as many of them as the new reservation
     * needs (at most the added reserved units) go with the claim, so that a commit receiving and reserving
     * on one cell is checked against its own sum; the claim never makes units available (available changes
     * by {@code onHand - reserved <= 0}), so undoing it cannot fail.
     */
    private static int[] claim(int[] v) {
        boolean moreReserved = v[0] < 0 || v[1] > 0;
        int reserved = moreReserved ? v[1] : 0;
        int onHand = v[0] < 0 ? v[0] : reserved > 0 ? Math.min(v[0], reserved) : 0;
        return new int[] {onHand, reserved, Math.min(v[2], 0), Math.min(v[3], 0)};
    }

    private static void sameTenant(StockCommit commit, TenantId tenant, String what) {
        if (!tenant.equals(commit.tenant())) {
            throw new IllegalArgumentException(
                    what + " belongs to tenant '" + tenant + "', not to the commit's tenant '" + commit.tenant() + "'");
        }
    }

    /** The hot path (reserve, release, confirm one cell): the same steps as the general one, nothing more. */
    private StockCommitResult applyOneReservation(StockCommit commit, TenantData d) {
        Reservation r = commit.reservations().get(0);
        List<Runnable> undo = new ArrayList<>(1);
        boolean insert = r.version() == 1;
        if (insert) {
            absent(d.reservations, r.id(), Reservation::version, "reservation");
        } else {
            writeReservation(commit.tenant(), d, r, undo);
        }
        if (commit.cells().isEmpty()) {
            if (insert) {
                writeReservation(commit.tenant(), d, r, undo);
            }
            return APPLIED_NOTHING_TO_LEDGER;
        }
        CellChange c = commit.cells().get(0);
        int[] v = {c.onHand(), c.reserved(), c.quarantined(), c.inTransit()};
        int[] claim = claim(v);
        Cell claimedCell = null;
        if (claim[0] != 0 || claim[1] != 0 || claim[2] != 0 || claim[3] != 0) {
            Cell cell = d.existing(c.sku(), c.location());
            if (cell == null
                    && !Counts.ZERO.plus(claim[0], claim[1], claim[2], claim[3]).valid()) {
                undo(undo);
                return new StockCommitResult.Refused(List.of(shortfall(c.sku(), c.location(), Counts.ZERO, claim)));
            }
            if (cell == null) {
                cell = d.cell(c.sku(), c.location());
            }
            if (cell.tryApply(claim[0], claim[1], claim[2], claim[3]) == null) {
                undo(undo);
                return new StockCommitResult.Refused(
                        List.of(shortfall(c.sku(), c.location(), cell.counts.get(), claim)));
            }
            claimedCell = cell;
        }
        if (insert) {
            try {
                writeReservation(commit.tenant(), d, r, undo);
            } catch (StaleRecordException e) {
                if (claimedCell != null) {
                    claimedCell.tryApplyForced(claim, true);
                }
                throw e;
            }
        }
        int[] rest = {v[0] - claim[0], v[1] - claim[1], v[2] - claim[2], v[3] - claim[3]};
        if (rest[0] != 0 || rest[1] != 0 || rest[2] != 0 || rest[3] != 0) {
            d.cell(c.sku(), c.location()).tryApplyForced(rest, false);
        }
        return APPLIED_NOTHING_TO_LEDGER;
    }

    private static <K, V> void absent(
            Map<K, V> map, K id, java.util.function.ToLongFunction<V> versionOf, String what) {
        V existing = map.get(id);
        if (existing != null) {
            throw new StaleRecordException(what + " '" + id + "'", 0, versionOf.applyAsLong(existing));
        }
    }

    private static Shortfall shortfall(Sku sku, LocationId location, Counts c, int[] claim) {
        if (claim[2] < 0 && c.quarantined + claim[2] < 0) {
            return new Shortfall(sku, location, "quarantined", -claim[2], c.quarantined);
        }
        if (claim[3] < 0 && c.inTransit + claim[3] < 0) {
            return new Shortfall(sku, location, "inTransit", -claim[3], c.inTransit);
        }
        int needed = -claim[0] + Math.max(claim[1], 0);
        return new Shortfall(sku, location, "available", needed, c.onHand - c.reserved);
    }

    private static void undo(List<Runnable> undo) {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
    }

    private void writeReservation(TenantId tenant, TenantData d, Reservation r, List<Runnable> undo) {
        if (!r.tenant().equals(tenant)) {
            throw new IllegalArgumentException("reservation '" + r.id() + "' belongs to tenant '" + r.tenant()
                    + "', not to the commit's tenant '" + tenant + "'");
        }
        long expected = r.version() - 1;
        if (expected == 0) {
            Reservation existing = d.reservations.putIfAbsent(r.id(), r);
            if (existing != null) {
                throw new StaleRecordException("reservation '" + r.id() + "'", 0, existing.version());
            }
            d.byReference.merge(r.reference(), List.of(r.id()), InMemoryInventoryStore::append);
            indexHold(null, r);
            undo.add(() -> {
                d.reservations.remove(r.id(), r);
                d.byReference.computeIfPresent(r.reference(), (k, ids) -> without(ids, r.id()));
                unindexHold(r);
            });
            return;
        }
        Reservation current = d.reservations.get(r.id());
        if (current == null || current.version() != expected || !d.reservations.replace(r.id(), current, r)) {
            Reservation now = d.reservations.get(r.id());
            throw new StaleRecordException("reservation '" + r.id() + "'", expected, now == null ? 0 : now.version());
        }
        indexHold(current, r);
        boolean moved = !current.reference().equals(r.reference());
        if (moved) {
            reindexReference(d, r.id(), current.reference(), r.reference());
        }
        undo.add(() -> {
            if (d.reservations.replace(r.id(), r, current)) {
                indexHold(r, current);
                if (moved) {
                    reindexReference(d, r.id(), r.reference(), current.reference());
                }
            }
        });
    }

    private static void reindexReference(TenantData d, ReservationId id, String from, String to) {
        d.byReference.computeIfPresent(from, (k, ids) -> without(ids, id));
        d.byReference.merge(to, List.of(id), InMemoryInventoryStore::append);
    }

    private void indexHold(Reservation before, Reservation after) {
        if (before != null) {
            unindexHold(before);
        }
        if (after.status() == ReservationStatus.HELD && after.expiresAt().isPresent()) {
            holds.put(new HoldKey(after.expiresAt().get(), after.tenant(), after.id()), Boolean.TRUE);
        }
    }

    private void unindexHold(Reservation r) {
        if (r.status() == ReservationStatus.HELD && r.expiresAt().isPresent()) {
            holds.remove(new HoldKey(r.expiresAt().get(), r.tenant(), r.id()));
        }
    }

    private static void writeTransfer(TenantData d, Transfer t, List<Runnable> undo) {
        long expected = t.version() - 1;
        if (expected == 0) {
            Transfer existing = d.transfers.putIfAbsent(t.id(), t);
            if (existing != null) {
                throw new StaleRecordException("transfer '" + t.id() + "'", 0, existing.version());
            }
            undo.add(() -> d.transfers.remove(t.id(), t));
            return;
        }
        Transfer current = d.transfers.get(t.id());
        if (current == null || current.version() != expected || !d.transfers.replace(t.id(), current, t)) {
            Transfer now = d.transfers.get(t.id());
            throw new StaleRecordException("transfer '" + t.id() + "'", expected, now == null ? 0 : now.version());
        }
        undo.add(() -> d.transfers.replace(t.id(), t, current));
    }

    private static <K, V> void write(
            Map<K, V> map,
            K id,
            V record,
            long version,
            java.util.function.ToLongFunction<V> versionOf,
            String what,
            List<Runnable> undo) {
        long expected = version - 1;
        if (expected == 0) {
            V existing = map.putIfAbsent(id, record);
            if (existing != null) {
                throw new StaleRecordException(what + " '" + id + "'", 0, versionOf.applyAsLong(existing));
            }
            undo.add(() -> map.remove(id, record));
            return;
        }
        V current = map.get(id);
        if (current == null || versionOf.applyAsLong(current) != expected || !map.replace(id, current, record)) {
            V now = map.get(id);
            throw new StaleRecordException(
                    what + " '" + id + "'", expected, now == null ? 0 : versionOf.applyAsLong(now));
        }
        undo.add(() -> map.replace(id, record, current));
    }

    private static List<ReservationId> append(List<ReservationId> a, List<ReservationId> b) {
        List<ReservationId> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static List<ReservationId> without(List<ReservationId> ids, ReservationId id) {
        List<ReservationId> out = new ArrayList<>(ids);
        out.remove(id);
        return out.isEmpty() ? null : List.copyOf(out);
    }

    // --------------------------------------------------------------------------------------------- reads

    @Override
    public StockLevel level(TenantId tenant, Sku sku, LocationId location) {
        Cell cell = data(tenant).existing(sku, location);
        return cell == null ? StockLevel.empty(sku, location) : cell.level();
    }

    @Override
    public List<StockLevel> levels(TenantId tenant, Sku sku) {
        Map<LocationId, Cell> bySku = data(tenant).cells.get(sku);
        if (bySku == null) {
            return List.of();
        }
        List<StockLevel> out = new ArrayList<>(bySku.size());
        for (Cell cell : bySku.values()) {
            out.add(cell.level());
        }
        out.sort(Comparator.comparing(StockLevel::location));
        return out;
    }

    @Override
    public List<StockLevel> allLevels(TenantId tenant) {
        List<StockLevel> out = new ArrayList<>();
        for (Map<LocationId, Cell> bySku : data(tenant).cells.values()) {
            for (Cell cell : bySku.values()) {
                out.add(cell.level());
            }
        }
        out.sort(Comparator.comparing(StockLevel::sku).thenComparing(StockLevel::location));
        return out;
    }

    @Override
    public void setSafetyStock(TenantId tenant, Sku sku, LocationId location, int units) {
        if (units < 0) {
            throw new IllegalArgumentException("safety stock must not be negative; was " + units);
        }
        data(tenant).cell(sku, location).safety = units;
    }

    @Override
    public Optional<Reservation> reservation(TenantId tenant, ReservationId id) {
        return Optional.ofNullable(data(tenant).reservations.get(id));
    }

    @Override
    public List<Reservation> reservationsFor(TenantId tenant, String reference) {
        TenantData d = data(tenant);
        List<ReservationId> ids = d.byReference.getOrDefault(reference, List.of());
        List<Reservation> out = new ArrayList<>(ids.size());
        for (ReservationId id : ids) {
            Reservation r = d.reservations.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(Reservation::createdAt).thenComparing(Reservation::id));
        return out;
    }

    @Override
    public List<Reservation> openReservations(TenantId tenant) {
        List<Reservation> out = new ArrayList<>();
        for (Reservation r : data(tenant).reservations.values()) {
            if (r.status().isOpen()) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(Reservation::id));
        return out;
    }

    @Override
    public List<Reservation> expiredHolds(Instant asOf, int limit) {
        List<Reservation> out = new ArrayList<>();
        for (HoldKey key : holds.keySet()) {
            if (key.expiresAt().isAfter(asOf) || out.size() >= limit) {
                break;
            }
            Reservation r = data(key.tenant()).reservations.get(key.id());
            if (r != null && r.isExpiredAt(asOf)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public Optional<Transfer> transfer(TenantId tenant, TransferId id) {
        return Optional.ofNullable(data(tenant).transfers.get(id));
    }

    @Override
    public List<Transfer> transfersInTransit(TenantId tenant, LocationId location) {
        List<Transfer> out = new ArrayList<>();
        for (Transfer t : data(tenant).transfers.values()) {
            if (t.status() == TransferStatus.IN_TRANSIT && t.destination().equals(location)) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparing(Transfer::createdAt).thenComparing(t -> t.id().value()));
        return out;
    }

    @Override
    public List<LedgerEntry> ledger(TenantId tenant, Sku sku, LocationId location, long afterSequence, int limit) {
        Cell cell = data(tenant).existing(sku, location);
        if (cell == null) {
            return List.of();
        }
        List<LedgerEntry> out = new ArrayList<>();
        synchronized (cell.ledger) {
            for (LedgerEntry e : cell.ledger) {
                if (e.sequence() > afterSequence) {
                    out.add(e);
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Optional<PurchaseOrder> purchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return Optional.ofNullable(data(tenant).purchaseOrders.get(id));
    }

    @Override
    public List<PurchaseOrder> openPurchaseOrders(TenantId tenant) {
        List<PurchaseOrder> out = new ArrayList<>();
        for (PurchaseOrder po : data(tenant).purchaseOrders.values()) {
            if (po.status().equals(PurchaseOrderLifecycle.DRAFT) || PurchaseOrderLifecycle.receivable(po.status())) {
                out.add(po);
            }
        }
        out.sort(Comparator.comparing(PurchaseOrder::createdAt)
                .thenComparing(po -> po.id().value()));
        return out;
    }

    @Override
    public Optional<Backorder> backorder(TenantId tenant, String id) {
        return Optional.ofNullable(data(tenant).backorders.get(id));
    }

    @Override
    public List<Backorder> openBackorders(TenantId tenant, Sku sku, int limit) {
        List<Backorder> out = new ArrayList<>();
        for (Backorder b : data(tenant).backorders.values()) {
            if (b.isOpen() && b.sku().equals(sku)) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing(Backorder::since).thenComparing(Backorder::id));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    @Override
    public List<Backorder> backordersFor(TenantId tenant, String reference) {
        TenantData d = data(tenant);
        List<Backorder> out = new ArrayList<>();
        for (String id : d.backordersByReference.getOrDefault(reference, Set.of())) {
            Backorder b = d.backorders.get(id);
            if (b != null) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparing(Backorder::since).thenComparing(Backorder::id));
        return out;
    }

    // ----------------------------------------------------------------------------------------- testing

    /**
     * Changes a cell's counters without a ledger entry or any check but the cell invariants: a way for
     * tests to simulate drift (a bug, a hand-edited database) that the repair tool must find and fix.
     * Never use it for real stock.
     */
    public void corruptCountersForTesting(TenantId tenant, CellChange change) {
        Cell cell = data(tenant).cell(change.sku(), change.location());
        if (cell.tryApply(change.onHand(), change.reserved(), change.quarantined(), change.inTransit()) == null) {
            throw new IllegalArgumentException("the corruption would break the cell invariants: " + change);
        }
    }
}
