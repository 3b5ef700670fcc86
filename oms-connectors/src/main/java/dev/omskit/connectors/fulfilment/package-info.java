/**
 * The fulfilment SPI ({@link dev.omskit.connectors.fulfilment.FulfilmentService}) of warehouses (WMS),
 * 3PLs and dropship vendors: release a fulfilment request, cancel it, and take the location's
 * confirmations (accepted, picked, packed, shipped) by polling or by signed webhook; each confirmation maps
 * to the core {@code Fulfilment} / {@code Shipping} command that applies it.
 */
package dev.omskit.connectors.fulfilment;
