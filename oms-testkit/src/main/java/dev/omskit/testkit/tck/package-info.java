/**
 * Conformance kits (technology compatibility kits) for the service provider interfaces of omskit. A
 * storage vendor extends {@link dev.omskit.testkit.tck.OrderStoreCompatibilityKit} in a ten-line test
 * class that creates a fresh, empty storage per test; the inherited {@code @Nested} groups then prove
 * that the storage keeps the {@code @implSpec} contracts of {@code OrderStore}, {@code EventStore} and
 * {@code IdempotencyStore}: atomic, version-checked commits, uniqueness of channel order ids and
 * idempotency keys under concurrency, tenant isolation, query semantics and an at-least-once outbox.
 * {@link dev.omskit.testkit.tck.DocumentStoreCompatibilityKit} and {@link
 * dev.omskit.testkit.tck.InventoryStoreCompatibilityKit} do the same for order documents and stock.
 *
 * <p>Connector authors extend the connector kits the same way (a connector against a test double of its
 * provider, plus hooks that provoke failures): {@code SalesChannelConformanceKit}, {@code
 * CarrierConformanceKit}, {@code PaymentGatewayConformanceKit}, {@code EInvoiceProviderConformanceKit},
 * {@code FulfilmentServiceConformanceKit}, {@code SupplierConformanceKit}, {@code TaxServiceConformanceKit},
 * {@code FraudScreeningConformanceKit} and {@code NotificationSenderConformanceKit}. They check declared
 * capabilities, idempotency (also under racing threads), the SPI's state rules, verify-then-parse
 * webhooks and the mapping of failures to {@code FailureKind}s, with messages free of secrets.
 */
package dev.omskit.testkit.tck;
