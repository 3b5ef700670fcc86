/**
 * Conformance kits (technology compatibility kits) for the service provider interfaces of omskit. A
 * storage vendor extends {@link dev.omskit.testkit.tck.OrderStoreCompatibilityKit} in a ten-line test
 * class that creates a fresh, empty storage per test; the inherited {@code @Nested} groups then prove
 * that the storage keeps the {@code @implSpec} contracts of {@code OrderStore}, {@code EventStore} and
 * {@code IdempotencyStore}: atomic, version-checked commits, uniqueness of channel order ids and
 * idempotency keys under concurrency, tenant isolation, query semantics and an at-least-once outbox.
 */
package dev.omskit.testkit.tck;
