/**
 * E-invoices: the {@link dev.omskit.core.invoice.Invoice} order document (VAT or sales
 * invoice; original, adjustment or replacement) with its buyer, seller, lines drawn from the order, VAT
 * breakdown per rate and totals; its {@link dev.omskit.core.invoice.InvoiceLifecycle lifecycle}; the
 * commands of the {@link dev.omskit.core.Invoicing} facade; and the pure calculators that draft an invoice
 * from an order ({@link dev.omskit.core.invoice.InvoiceDrafts}) and adjustments from a return or a price
 * correction ({@link dev.omskit.core.invoice.InvoiceAdjustments}). Everything here is I/O-free; the facade
 * commits it with the order.
 */
@OmsStyle
package dev.omskit.core.invoice;

import dev.omskit.core.support.OmsStyle;
