/**
 * Fakes of the connector SPIs, scriptable through {@link dev.omskit.testkit.connectors.FakeScript} (fail,
 * rate-limit, delay the next calls) and recording their calls, for tests that must never reach the
 * internet: {@code FakeSalesChannel}, {@code FakeCarrier}, {@code FakePaymentGateway}, {@code
 * FakeEInvoiceProvider}, {@code FakeFulfilmentService}, {@code FakeSupplier}, {@code FakeTaxService},
 * {@code FakeFraudScreening} and {@code FakeNotificationSender}. Each keeps real state (bookings,
 * payments, issued invoices ...), is idempotent as its SPI says, and can sign webhooks where its
 * provider sends them.
 */
package dev.omskit.testkit.connectors;
