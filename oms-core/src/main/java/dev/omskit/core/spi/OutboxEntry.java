package dev.omskit.core.spi;

import dev.omskit.core.event.OrderEvent;

/**
 * An event waiting in the outbox.
 *
 * @param position increasing in commit order across the whole store; used to acknowledge
 * @param event the event
 */
public record OutboxEntry(long position, OrderEvent event) {}
