package dev.omskit.core.spi;

import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.LedgerEntry;
import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.ReservationId;
import dev.omskit.core.inventory.StockLevel;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.inventory.TransferId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where inventory lives: locations, stock counters per SKU and location (cells), reservation and transfer
 * records and the append-only ledger. The single write path for stock is {@link #commit(StockCommit)}.
 *
 * @implSpec Implementations must be thread-safe and, where several processes share the store, correct
 *     across them without in-JVM locks.
 *     <ul>
 *       <li><b>Cell invariants.</b> After every commit each cell has {@code onHand >= 0}, {@code reserved >=
 *           0}, {@code quarantined >= 0}, {@code inTransit >= 0} and {@code reserved <= onHand}. A commit
 *           whose deltas would break them for any cell is refused as a whole ({@link
 *           StockCommitResult.Refused} naming every such cell, as far as the store found them) and applies
 *           nothing. The check and the update are one atomic step per cell (a conditional update, a
 *           compare-and-set), never a read followed by a write: this is what makes overselling
 *           impossible.
 *       <li><b>All or nothing.</b> A commit applies every cell delta, writes every record and appends every
 *           movement, or does none of it. Once it returns, all of it is visible to every reader. Cells are
 *           claimed in one global order (SKU, then location) so that concurrent multi-cell commits cannot
 *           deadlock. While a commit is in flight a reader may see some of its cells changed and not
 *           others; a refused commit may briefly make units look taken, never available when they are not.
 *           A record the commit creates must not be readable (by {@link #reservation}, {@link
 *           #expiredHolds}, {@link #openReservations} ...) before the commit is certain to apply: a sweep that
 *           found a hold whose units the commit then gave back would release them twice.
 *       <li><b>Records.</b> A reservation, transfer, purchase order or backorder at version 1 must not exist yet; one at version
 *           {@code n > 1} must be stored at {@code n - 1}. Otherwise the commit throws {@link
 *           StaleRecordException} and applies nothing. Of two commits writing the same record version, at
 *           most one succeeds, so a reservation is never released or consumed twice.
 *       <li><b>Idempotency.</b> A commit carrying an idempotency key used before in the tenant applies
 *           nothing and returns {@link StockCommitResult.Replayed} with the first commit's entries; of two
 *           concurrent commits with one key exactly one applies.
 *       <li><b>Ledger.</b> Movements are appended in commit order with increasing sequence numbers per
 *           store; entries are never changed or removed.
 *       <li><b>Tenancy.</b> Every read and write is scoped to its tenant; nothing of another tenant is
 *           returned, even with the same ids.
 *       <li><b>Cost.</b> Reading a cell is O(1) and never sums the ledger or the reservations; it does not
 *           slow down as reservations or ledger entries accumulate.
 *     </ul>
 *     {@code InventoryStoreCompatibilityKit} in oms-testkit checks all of this, concurrency included.
 */
public interface InventoryStore {
    /** Creates or replaces a location. */
    void saveLocation(Location location);

    Optional<Location> location(TenantId tenant, LocationId id);

    /** Every location of the tenant, by id. */
    List<Location> locations(TenantId tenant);

    /** Applies the commit atomically, or refuses it; see the contract above. */
    StockCommitResult commit(StockCommit commit);

    /** The cell's counters ({@link StockLevel#empty} when the SKU never was at the location). */
    StockLevel level(TenantId tenant, Sku sku, LocationId location);

    /** The SKU at every location that has or had it, by location id. */
    List<StockLevel> levels(TenantId tenant, Sku sku);

    /** {@link #levels(TenantId, Sku)} for several SKUs in one read. */
    default Map<Sku, List<StockLevel>> levels(TenantId tenant, Collection<Sku> skus) {
        Map<Sku, List<StockLevel>> out = new LinkedHashMap<>();
        for (Sku sku : skus) {
            out.put(sku, levels(tenant, sku));
        }
        return out;
    }

    /** Every cell of the tenant, by SKU then location. */
    List<StockLevel> allLevels(TenantId tenant);

    /** Sets the safety stock of a cell (creating the cell if needed). */
    void setSafetyStock(TenantId tenant, Sku sku, LocationId location, int units);

    Optional<Reservation> reservation(TenantId tenant, ReservationId id);

    /** The reservations of a holder, oldest first, open and ended. */
    List<Reservation> reservationsFor(TenantId tenant, String reference);

    /** Every open reservation of the tenant (a tool query: repair and reports, not the hot path). */
    List<Reservation> openReservations(TenantId tenant);

    /** Holds of every tenant that lapsed at or before {@code asOf}, earliest first, at most {@code limit}. */
    List<Reservation> expiredHolds(Instant asOf, int limit);

    Optional<Transfer> transfer(TenantId tenant, TransferId id);

    /** Transfers of the tenant towards {@code location} that are still in transit. */
    List<Transfer> transfersInTransit(TenantId tenant, LocationId location);

    Optional<PurchaseOrder> purchaseOrder(TenantId tenant, PurchaseOrderId id);

    /** Purchase orders of the tenant not closed, cancelled or fully received, oldest first. */
    List<PurchaseOrder> openPurchaseOrders(TenantId tenant);

    /** The backorder with this id ({@code reference/lineRef}). */
    Optional<Backorder> backorder(TenantId tenant, String id);

    /** Open backorders of a SKU, oldest ({@link Backorder#since()}) first, at most {@code limit}. */
    List<Backorder> openBackorders(TenantId tenant, Sku sku, int limit);

    /** Backorders of a holder, open and closed. */
    List<Backorder> backordersFor(TenantId tenant, String reference);

    /** Ledger entries of one cell after {@code afterSequence}, in sequence order, at most {@code limit}. */
    List<LedgerEntry> ledger(TenantId tenant, Sku sku, LocationId location, long afterSequence, int limit);
}
