/**
 * Order documents: the versioned aggregates that belong to one order (fulfilment requests, shipments,
 * e-invoices, returns, claims, refunds), their kinds, and the rule that every document is written in the
 * same atomic commit as its order.
 */
package dev.omskit.core.document;
