package dev.omskit.core.invoice;

/** What an invoice line charges. */
public enum InvoiceLineKind {
    /** Goods of an order line. */
    GOODS,
    /** The shipping fee the buyer pays. */
    SHIPPING
}
