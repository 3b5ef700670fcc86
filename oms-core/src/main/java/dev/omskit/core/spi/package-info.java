/**
 * The service provider interfaces a platform vendor implements: order, event/outbox and idempotency
 * storage, and id generation. Each states its contract in {@code @implSpec}; the conformance kits in
 * oms-testkit prove an implementation keeps it.
 */
package dev.omskit.core.spi;
