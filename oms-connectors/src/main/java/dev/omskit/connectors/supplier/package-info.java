/**
 * The supplier SPI ({@link dev.omskit.connectors.supplier.SupplierConnector}): send the core's purchase
 * orders to a supplier and poll its advance shipping notices (what it shipped against which purchase order,
 * and when it should arrive).
 */
package dev.omskit.connectors.supplier;
