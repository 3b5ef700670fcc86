package dev.omskit.core.event;

/**
 * Receives order events from the outbox, at least once each, in commit order per order. A listener that
 * throws leaves the event in the outbox to be delivered again on the next round; listeners must
 * therefore be idempotent (use {@link EventHeader#eventId()} to drop repeats).
 */
@FunctionalInterface
public interface OrderEventListener {
    /** Handles one event. Throwing means "not handled, deliver again later". */
    void on(OrderEvent event);
}
