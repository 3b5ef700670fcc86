/**
 * The carrier SPI ({@link dev.omskit.connectors.carrier.Carrier}): rate quotes, shipment booking keyed by
 * our shipment id, cancellation before pick-up, tracking events by poll and by verified webhook, and cash
 * on delivery remittance statements, all in the core's shipment vocabulary ({@code ServiceLevel}, {@code
 * Parcel}, {@code TrackingStatus}, {@code ShippingPayer}) so the sync engine hands them to {@code
 * Shipping} unchanged.
 */
package dev.omskit.connectors.carrier;
