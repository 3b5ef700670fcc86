/**
 * Domain events of orders ({@link dev.omskit.core.event.OrderEvent}), the audit trail built from them, and
 * the listener interface fed from the transactional outbox.
 */
package dev.omskit.core.event;
