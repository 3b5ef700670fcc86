/**
 * The payment gateway SPI ({@link dev.omskit.connectors.payment.PaymentGateway}): authorise, capture,
 * refund and void, each keyed by an idempotency key, with card data never passing through (a payment
 * method token only); results map to the core's {@code RecordPayment} triggers and confirm {@code Refund}s.
 */
package dev.omskit.connectors.payment;
