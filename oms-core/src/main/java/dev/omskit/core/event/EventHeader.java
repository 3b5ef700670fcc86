package dev.omskit.core.event;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.order.OrderStatus;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * What every order event records for the audit trail: which order, its sequence (the order's version
 * once the event is applied), when, who, and the order status before and after.
 *
 * @param eventId unique within the tenant: {@code <orderId>/<sequence>}
 * @param tenant the order's tenant
 * @param orderId the order
 * @param sequence the order's version after this event; 1 for the capture
 * @param occurredAt when the change was made
 * @param actor who made it
 * @param fromStatus the status before, empty for the capture
 * @param toStatus the status after
 */
public record EventHeader(
        String eventId,
        TenantId tenant,
        OrderId orderId,
        long sequence,
        Instant occurredAt,
        Actor actor,
        Optional<OrderStatus> fromStatus,
        OrderStatus toStatus) {
    public EventHeader {
        Checks.id("event id", eventId);
        Checks.notNull("tenant", tenant);
        Checks.notNull("orderId", orderId);
        Checks.notNull("occurredAt", occurredAt);
        Checks.notNull("actor", actor);
        Checks.notNull("fromStatus", fromStatus);
        Checks.notNull("toStatus", toStatus);
        if (sequence < 1) {
            throw new dev.omskit.core.error.InvalidArgumentException(
                    "event sequence must be at least 1; was " + sequence);
        }
    }

    /** A header for the event with this sequence on this order. */
    public static EventHeader of(
            TenantId tenant,
            OrderId orderId,
            long sequence,
            Instant at,
            Actor actor,
            Optional<OrderStatus> from,
            OrderStatus to) {
        return new EventHeader(orderId.value() + "/" + sequence, tenant, orderId, sequence, at, actor, from, to);
    }

    /** The same header with another resulting status. */
    public EventHeader withToStatus(OrderStatus status) {
        return new EventHeader(eventId, tenant, orderId, sequence, occurredAt, actor, fromStatus, status);
    }
}
