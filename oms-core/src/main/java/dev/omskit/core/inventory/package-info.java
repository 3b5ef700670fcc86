/**
 * Inventory: {@link dev.omskit.core.inventory.Location locations}, {@link dev.omskit.core.inventory.Product
 * product data} the OMS needs, {@link dev.omskit.core.inventory.StockLevel stock per SKU and location},
 * {@link dev.omskit.core.inventory.Reservation reservations} (all lines or none, expiring holds, confirmed
 * allocations), movements (receipts with inspection, adjustments, transfers, counts) and the append-only
 * {@link dev.omskit.core.inventory.LedgerEntry ledger}. These are values and commands; the use cases run on
 * the {@link dev.omskit.core.Inventory} facade over {@link dev.omskit.core.spi.InventoryStore}.
 */
@OmsStyle
package dev.omskit.core.inventory;

import dev.omskit.core.support.OmsStyle;
