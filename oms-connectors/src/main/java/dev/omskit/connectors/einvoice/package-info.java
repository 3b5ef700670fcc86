/**
 * The e-invoice provider SPI ({@link dev.omskit.connectors.einvoice.EInvoiceProvider}): issue an invoice
 * drafted by the core {@code Invoicing} facade, issue adjustments and replacements of it, cancel it and ask
 * its status; the answers map to the core commands that record them ({@link
 * dev.omskit.connectors.einvoice.EInvoiceOutcomes}).
 */
package dev.omskit.connectors.einvoice;
