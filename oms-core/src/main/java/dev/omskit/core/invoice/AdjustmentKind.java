package dev.omskit.core.invoice;

/** What an {@link InvoicePurpose#ADJUSTMENT} invoice adjusts. */
public enum AdjustmentKind {
    /** Units given back (and possibly the shipping fee): negative quantities and amounts. */
    RETURN,
    /** A unit price corrected: the signed difference, same units. */
    PRICE_CORRECTION
}
