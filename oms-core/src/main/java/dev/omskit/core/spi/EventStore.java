package dev.omskit.core.spi;

import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.util.Collection;
import java.util.List;

/**
 * The append-only audit trail of each order and the transactional outbox, both written by {@link
 * OrderStore#commit}.
 *
 * @implSpec Thread-safe. {@link #trail} returns an order's events in sequence order, never altered or
 *     removed. {@link #pending} returns unacknowledged outbox entries in commit order (increasing {@link
 *     OutboxEntry#position()}), across all tenants, since the outbox is relayed by the deployment;
 *     entries of one order appear in sequence order. An entry stays pending until {@link #acknowledge}d,
 *     so an event whose delivery was interrupted is delivered again (at least once). Acknowledging an
 *     unknown or already acknowledged position is a no-op.
 */
public interface EventStore {
    /** The order's events, oldest first; empty if the order does not exist in this tenant. */
    List<OrderEvent> trail(TenantId tenant, OrderId order);

    /** Up to {@code limit} unacknowledged outbox entries, oldest first. */
    List<OutboxEntry> pending(int limit);

    /** Marks entries as delivered. */
    void acknowledge(Collection<Long> positions);
}
