/**
 * Shipments (parcels handed to carriers): their lines, packages and weights, carrier service, who pays
 * shipping, the cash-on-delivery amount, tracking and COD remittances. Pure domain types and calculators;
 * the {@code Shipping} facade of the root package glues them to the order engine.
 */
@OmsStyle
package dev.omskit.core.shipment;

import dev.omskit.core.support.OmsStyle;
