package dev.omskit.core.spi;

import dev.omskit.core.inventory.Backorder;
import dev.omskit.core.inventory.Movement;
import dev.omskit.core.inventory.PurchaseOrder;
import dev.omskit.core.inventory.Reservation;
import dev.omskit.core.inventory.Transfer;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One atomic change of inventory: counter deltas, reservation and transfer records (new ones at version 1,
 * changed ones at the stored version plus one), and the movements to append to the ledger.
 *
 * @param tenant the tenant every part belongs to
 * @param cells counter deltas; several for one cell add up
 * @param reservations reservation records to write, each expected at {@code version - 1} (0: new)
 * @param transfers transfer records to write, each expected at {@code version - 1} (0: new)
 * @param movements ledger entries to append, in this order
 * @param purchaseOrders purchase order records to write, each expected at {@code version - 1} (0: new)
 * @param backorders backorder records to write, each expected at {@code version - 1} (0: new)
 * @param idempotencyKey when present, a second commit with the same key in the tenant applies nothing and
 *     returns the first commit's entries
 */
public record StockCommit(
        TenantId tenant,
        List<CellChange> cells,
        List<Reservation> reservations,
        List<Transfer> transfers,
        List<Movement> movements,
        List<PurchaseOrder> purchaseOrders,
        List<Backorder> backorders,
        Optional<IdempotencyKey> idempotencyKey) {
    public StockCommit {
        Checks.notNull("tenant", tenant);
        cells = List.copyOf(cells);
        reservations = List.copyOf(reservations);
        transfers = List.copyOf(transfers);
        movements = List.copyOf(movements);
        purchaseOrders = List.copyOf(purchaseOrders);
        backorders = List.copyOf(backorders);
        Checks.notNull("idempotencyKey", idempotencyKey);
    }

    /** A commit without purchase order or backorder records. */
    public StockCommit(
            TenantId tenant,
            List<CellChange> cells,
            List<Reservation> reservations,
            List<Transfer> transfers,
            List<Movement> movements,
            Optional<IdempotencyKey> idempotencyKey) {
        this(tenant, cells, reservations, transfers, movements, List.of(), List.of(), idempotencyKey);
    }

    /** A commit of backorder records only. */
    public static StockCommit ofBackorders(TenantId tenant, List<Backorder> backorders) {
        return new StockCommit(
                tenant, List.of(), List.of(), List.of(), List.of(), List.of(), backorders, Optional.empty());
    }

    /** A commit of one reservation record and its cell deltas, without movements. */
    public static StockCommit ofReservation(TenantId tenant, Reservation reservation, List<CellChange> cells) {
        return new StockCommit(tenant, cells, List.of(reservation), List.of(), List.of(), Optional.empty());
    }
}
