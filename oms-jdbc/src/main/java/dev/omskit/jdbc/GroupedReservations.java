package dev.omskit.jdbc;

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
import dev.omskit.core.spi.CellChange;
import dev.omskit.core.spi.InventoryStore;
import dev.omskit.core.spi.StockCommit;
import dev.omskit.core.spi.StockCommitResult;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Batched mode for hot SKUs: an {@link InventoryStore} over {@link JdbcInventoryStore} that applies the
 * single-cell commits arriving together (the reservations of a flash sale) in one transaction, each in its
 * own savepoint, and answers every caller with its own result: reserved, refused, replayed or stale, exactly
 * as if it had committed alone. One commit to disk then carries many reservations, instead of one row lock
 * held across a disk flush per reservation.
 *
 * <p>While one thread of the process commits a batch, the commits that arrive queue up and go in the next
 * batch (at most {@code maxBatch} each); the thread that sends keeps sending until the queue is empty, and
 * the others wait for their own answers without spinning.
 * The in-process lock only decides which thread sends the next batch; what keeps stock right is still the
 * SQL (the conditional cell updates), so any number of processes may batch against one database. Commits
 * touching more than one cell go straight to the store, unbatched, so batches only lock one row each.
 */
public final class GroupedReservations implements InventoryStore {
    private record Pending(StockCommit commit, CompletableFuture<Object> result) {}

    private final JdbcInventoryStore store;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock sender = new ReentrantLock();
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder batched = new java.util.concurrent.atomic.LongAdder();

    /** Batches over {@code store} of at most {@code maxBatch} commits (64 is a sound start). */
    public GroupedReservations(JdbcInventoryStore store, int maxBatch) {
        this.store = Checks.notNull("store", store);
        if (maxBatch < 1) {
            throw dev.omskit.core.error.InvalidArgumentException.of(
                    "maxBatch", "NOT_POSITIVE", "a batch holds at least one commit; was " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    @Override
    public StockCommitResult commit(StockCommit commit) {
        Checks.notNull("commit", commit);
        if (cells(commit) > 1) {
            return store.commit(commit);
        }
        Pending mine = new Pending(commit, new CompletableFuture<>());
        queue.add(mine);
        // Whoever holds the sender lock sends batches until the queue is empty, then unlocks and looks
        // again: a commit queued while the lock was held is sent by the holder, or by its own thread once
        // the lock is free. Waiters block on their own answer (the timed wait is only a safety net).
        while (true) {
            boolean done = mine.result().isDone();
            if (done && (queue.isEmpty() || sender.isLocked())) {
                break;
            }
            if (sender.tryLock()) {
                try {
                    while (!queue.isEmpty()) {
                        sendBatch();
                    }
                } finally {
                    sender.unlock();
                }
            } else if (!done) {
                try {
                    mine.result().get(2, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // not answered yet: look again whether this thread should send the next batch
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new dev.omskit.core.error.UnavailableException("interrupted while waiting for a batch", e);
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
        Object result;
        try {
            result = mine.result().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        return (StockCommitResult) result;
    }

    private void sendBatch() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        Pending p;
        while (batch.size() < maxBatch && (p = queue.poll()) != null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        batches.increment();
        batched.add(batch.size());
        try {
            List<Object> results =
                    store.commitAll(batch.stream().map(Pending::commit).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(b -> b.result().completeExceptionally(e));
        }
    }

    /** Batches sent so far (each one transaction). */
    public long batches() {
        return batches.sum();
    }

    /** Commits sent in batches so far; divided by {@link #batches()}, the mean batch size. */
    public long batchedCommits() {
        return batched.sum();
    }

    private static int cells(StockCommit commit) {
        Set<String> cells = new HashSet<>();
        for (CellChange c : commit.cells()) {
            cells.add(c.sku().value() + "\u0000" + c.location().value());
        }
        return cells.size();
    }

    // ------------------------------------------------------------------------------------- the rest as is

    @Override
    public void saveLocation(Location location) {
        store.saveLocation(location);
    }

    @Override
    public Optional<Location> location(TenantId tenant, LocationId id) {
        return store.location(tenant, id);
    }

    @Override
    public List<Location> locations(TenantId tenant) {
        return store.locations(tenant);
    }

    @Override
    public StockLevel level(TenantId tenant, Sku sku, LocationId location) {
        return store.level(tenant, sku, location);
    }

    @Override
    public List<StockLevel> levels(TenantId tenant, Sku sku) {
        return store.levels(tenant, sku);
    }

    @Override
    public Map<Sku, List<StockLevel>> levels(TenantId tenant, Collection<Sku> skus) {
        return store.levels(tenant, skus);
    }

    @Override
    public List<StockLevel> allLevels(TenantId tenant) {
        return store.allLevels(tenant);
    }

    @Override
    public void setSafetyStock(TenantId tenant, Sku sku, LocationId location, int units) {
        store.setSafetyStock(tenant, sku, location, units);
    }

    @Override
    public Optional<Reservation> reservation(TenantId tenant, ReservationId id) {
        return store.reservation(tenant, id);
    }

    @Override
    public List<Reservation> reservationsFor(TenantId tenant, String reference) {
        return store.reservationsFor(tenant, reference);
    }

    @Override
    public List<Reservation> openReservations(TenantId tenant) {
        return store.openReservations(tenant);
    }

    @Override
    public List<Reservation> expiredHolds(Instant asOf, int limit) {
        return store.expiredHolds(asOf, limit);
    }

    @Override
    public Optional<Transfer> transfer(TenantId tenant, TransferId id) {
        return store.transfer(tenant, id);
    }

    @Override
    public List<Transfer> transfersInTransit(TenantId tenant, LocationId location) {
        return store.transfersInTransit(tenant, location);
    }

    @Override
    public Optional<PurchaseOrder> purchaseOrder(TenantId tenant, PurchaseOrderId id) {
        return store.purchaseOrder(tenant, id);
    }

    @Override
    public List<PurchaseOrder> openPurchaseOrders(TenantId tenant) {
        return store.openPurchaseOrders(tenant);
    }

    @Override
    public Optional<Backorder> backorder(TenantId tenant, String id) {
        return store.backorder(tenant, id);
    }

    @Override
    public List<Backorder> openBackorders(TenantId tenant, Sku sku, int limit) {
        return store.openBackorders(tenant, sku, limit);
    }

    @Override
    public List<Backorder> backordersFor(TenantId tenant, String reference) {
        return store.backordersFor(tenant, reference);
    }

    @Override
    public List<LedgerEntry> ledger(TenantId tenant, Sku sku, LocationId location, long afterSequence, int limit) {
        return store.ledger(tenant, sku, location, afterSequence, limit);
    }
}
