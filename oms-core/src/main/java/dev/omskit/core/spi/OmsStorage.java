package dev.omskit.core.spi;

import dev.omskit.core.support.Checks;

/**
 * The storage a facade runs on: orders, events and outbox, idempotency records. The three are views of
 * one transactional store: {@link OrderStore#commit} writes what the other two read.
 *
 * @implSpec See each store's contract. {@code OmsStorageCompatibilityKit}-style kits in oms-testkit
 *     check an implementation; omskit's in-memory and JDBC storages pass the same kits.
 */
public interface OmsStorage {
    OrderStore orders();

    EventStore events();

    IdempotencyStore idempotency();

    /** A storage made of the three stores (which must share one transactional resource). */
    static OmsStorage of(OrderStore orders, EventStore events, IdempotencyStore idempotency) {
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
        };
    }
}
