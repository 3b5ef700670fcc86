package dev.omskit.core.spi;

import dev.omskit.core.error.InternalException;
import dev.omskit.core.event.OrderEvent;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.Order;
import dev.omskit.core.support.Checks;
import java.util.List;
import java.util.Optional;

/**
 * One atomic write: the order's new state, the events that led to it, the order's documents that changed
 * with it (shipments, invoices, returns ...), and optionally the idempotency record of the command. {@code
 * expectedVersion} is 0 for a new order. All of it is written, or none: the order's version and every
 * document's version are checked in the same write.
 *
 * <p>Checked on construction: the order belongs to {@code tenant}; there is at least one event or one
 * document; the events' sequences run from {@code expectedVersion + 1} to {@code order.version()} (a
 * commit of documents alone leaves the order at {@code expectedVersion}); every document belongs to the
 * order, once.
 *
 * @param tenant the tenant written to
 * @param order the order after the events
 * @param expectedVersion the version the order must have in the store now (0: must not exist)
 * @param events the new events, in sequence
 * @param idempotency the record of the command's key, if it had one
 * @param documents the order's documents written with it
 */
public record OrderCommit(
        TenantId tenant,
        Order order,
        long expectedVersion,
        List<OrderEvent> events,
        Optional<IdempotencyRecord> idempotency,
        List<DocumentWrite> documents) {
    /** A commit of the order alone. */
    public OrderCommit(
            TenantId tenant,
            Order order,
            long expectedVersion,
            List<OrderEvent> events,
            Optional<IdempotencyRecord> idempotency) {
        this(tenant, order, expectedVersion, events, idempotency, List.of());
    }

    public OrderCommit {
        Checks.notNull("tenant", tenant);
        Checks.notNull("order", order);
        Checks.notNull("idempotency", idempotency);
        events = List.copyOf(events);
        if (!order.tenant().equals(tenant)) {
            throw new InternalException(
                    "commit for tenant " + tenant + " carries an order of tenant " + order.tenant());
        }
        documents = List.copyOf(documents);
        if (events.isEmpty() && documents.isEmpty()) {
            throw new InternalException("commit of order " + order.id() + " has no events");
        }
        if (events.isEmpty() && expectedVersion == 0) {
            throw new InternalException("commit of new order " + order.id() + " has no events");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (DocumentWrite w : documents) {
            if (!w.document().tenant().equals(tenant) || !w.document().orderId().equals(order.id())) {
                throw new InternalException("commit of order " + order.id() + " carries "
                        + w.document().kind() + " " + w.document().id() + " of order "
                        + w.document().orderId());
            }
            if (!seen.add(w.document().kind().name() + "/" + w.document().id())) {
                throw new InternalException("commit of order " + order.id() + " writes "
                        + w.document().kind() + " " + w.document().id() + " twice");
            }
        }
        long expected = expectedVersion + 1;
        for (OrderEvent e : events) {
            if (e.header().sequence() != expected
                    || !e.header().orderId().equals(order.id())
                    || !e.header().tenant().equals(tenant)) {
                throw new InternalException("commit of order " + order.id() + " has event "
                        + e.header().eventId() + " out of sequence; expected sequence " + expected);
            }
            expected++;
        }
        if (order.version() != expected - 1) {
            throw new InternalException("commit of order " + order.id() + " has version " + order.version()
                    + " but its events end at " + (expected - 1));
        }
        idempotency.ifPresent(r -> {
            if (!r.tenant().equals(tenant)) {
                throw new InternalException("idempotency record of tenant " + r.tenant() + " in a commit of " + tenant);
            }
        });
    }

    /** Whether this commit creates the order. */
    public boolean isNew() {
        return expectedVersion == 0;
    }
}
