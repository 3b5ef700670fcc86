package dev.omskit.core.event;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.OrderId;
import dev.omskit.core.model.TenantId;
import java.time.Instant;

/**
 * Anything the outbox carries: an {@link OrderEvent}, or a {@link DocumentEvent} about a document of an
 * order (a shipment, an invoice, a return ...). Every event belongs to one order of one tenant, names who
 * caused it and when, and describes itself in one line for people.
 */
public interface OmsEvent {
    /** Unique within the tenant; listeners use it to drop repeats. */
    String eventId();

    TenantId tenant();

    /** The order the event belongs to. */
    OrderId orderId();

    Instant occurredAt();

    Actor actor();

    /** One line for people. */
    String describe();
}
