package dev.omskit.core.spi;

import dev.omskit.core.support.Checks;

/**
 * The storage a facade runs on: orders, events and outbox, idempotency records, order documents. The four
 * are views of one transactional store: {@link OrderStore#commit} writes what the others read.
 *
 * @implSpec See each store's contract. {@code OmsStorageCompatibilityKit}-style kits in oms-testkit
 *     check an implementation; omskit's in-memory and JDBC storages pass the same kits.
 */
public interface OmsStorage {
    OrderStore orders();

    EventStore events();

    IdempotencyStore idempotency();

    /** The order documents (shipments, invoices, returns ...), written with their orders. */
    DocumentStore documents();

    /** A storage made of the four stores (which must share one transactional resource). */
    static OmsStorage of(OrderStore orders, EventStore events, IdempotencyStore idempotency, DocumentStore documents) {
        Checks.notNull("documents", documents);
        Checks.notNull("orders", orders);
        Checks.notNull("events", events);
        Checks.notNull("idempotency", idempotency);
        return new OmsStorage() {
            @Override
            public OrderStore orders() {
                return orders;
            }

            @Override
            public EventStore events() {
                return events;
            }

            @Override
            public IdempotencyStore idempotency() {
                return idempotency;
            }

            @Override
            public DocumentStore documents() {
                return documents;
            }
        };
    }
}
