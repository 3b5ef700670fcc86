package dev.omskit.core.spi;

import dev.omskit.core.event.OmsEvent;

/**
 * An event waiting in the outbox: an order event or a document event.
 *
 * @param position increasing in commit order across the whole store; used to acknowledge
 * @param event the event
 */
public record OutboxEntry(long position, OmsEvent event) {}
