package dev.omskit.core.event;

import dev.omskit.core.model.Actor;
import dev.omskit.core.order.OrderStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of an order's audit trail, for people: when, who, what, and the status before and after.
 *
 * @param sequence the event's sequence in the order
 * @param at when
 * @param actor who
 * @param what a sentence describing the change
 * @param from status before (empty for the capture)
 * @param to status after
 */
public record AuditEntry(
        long sequence, Instant at, Actor actor, String what, Optional<OrderStatus> from, OrderStatus to) {
    /** The audit entry for an event. */
    public static AuditEntry of(OrderEvent event) {
        EventHeader h = event.header();
        return new AuditEntry(h.sequence(), h.occurredAt(), h.actor(), event.describe(), h.fromStatus(), h.toStatus());
    }

    /** For example {@code #3 2026-11-22T08:00:00Z agent:linh SHIP 1 x L1 RELEASED->SHIPPED [RELEASED -> SHIPPED]}. */
    @Override
    public String toString() {
        return "#" + sequence + " " + at + " " + actor + " " + what + " ["
                + from.map(Object::toString).orElse("-") + " -> " + to + "]";
    }
}
