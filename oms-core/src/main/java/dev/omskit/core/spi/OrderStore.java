package dev.omskit.core.spi;

import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import java.util.List;
import java.util.Optional;

/**
 * Where orders live. The single write path is {@link #commit(OrderCommit)}.
 *
 * @implSpec Implementations must be thread-safe and, where several processes share the storage, correct
 *     across them without in-JVM locks.
 *     <ul>
 *       <li><b>Atomicity.</b> {@code commit} writes the order, appends every event to the order's trail
 *           (read by {@link EventStore#trail}) and to the outbox (read by {@link EventStore#pending}), and
 *           records the idempotency record (read by {@link IdempotencyStore#find}) all together or not at
 *           all. When it throws, nothing of it is visible, ever.
 *       <li><b>Optimistic concurrency.</b> {@code commit} succeeds only if the stored version equals
 *           {@link OrderCommit#expectedVersion()} (0: no order with that id exists for the tenant);
 *           otherwise it throws {@link VersionConflictException}. Of two commits with the same expected
 *           version, at most one succeeds.
 *       <li><b>Uniqueness.</b> A new order whose tenant, channel and channel order id are taken fails
 *           with {@link DuplicateChannelOrderException} naming the existing order; an idempotency key
 *           already recorded for the tenant fails with {@link DuplicateIdempotencyKeyException}. These
 *           hold under concurrency: of two racing commits, exactly one succeeds.
 *       <li><b>Tenancy.</b> Every read is scoped to its tenant argument; an order of another tenant is
 *           never returned, even with the same id.
 *       <li><b>Reads</b> return the latest committed state (read-your-writes for the committing thread).
 *     </ul>
 *     {@code OrderStoreCompatibilityKit} in oms-testkit checks all of this.
 */
public interface OrderStore {
    /** The order with this id in this tenant. */
    Optional<Order> find(TenantId tenant, OrderId id);

    /** The order captured from this channel order, in this tenant. */
    Optional<Order> findByChannelOrder(TenantId tenant, ChannelId channel, String channelOrderId);

    /** Orders of this tenant matching the query, oldest first, paged. */
    List<Order> query(TenantId tenant, OrderQuery query);

    /**
     * Atomically writes the commit, or throws {@link VersionConflictException}, {@link
     * DuplicateChannelOrderException} or {@link DuplicateIdempotencyKeyException} and writes nothing.
     */
    void commit(OrderCommit commit);
}
