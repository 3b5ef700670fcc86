package dev.omskit.core.event;

/**
 * Receives every event from the outbox (order events and document events), at least once each, in
 * commit order per order. A listener that throws leaves the event in the outbox to be delivered again on
 * the next round; listeners must therefore be idempotent (use {@link OmsEvent#eventId()}).
 */
@FunctionalInterface
public interface OmsEventListener {
    /** Handles one event. Throwing means "not handled, deliver again later". */
    void on(OmsEvent event);
}
