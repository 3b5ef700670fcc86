package dev.omskit.core.inventory;

/** Which count of a cell an {@link AdjustStock} changes. */
public enum StockBucket {
    /** Sellable units on hand. */
    ON_HAND,
    /** Damaged or blocked units. */
    QUARANTINED
}
