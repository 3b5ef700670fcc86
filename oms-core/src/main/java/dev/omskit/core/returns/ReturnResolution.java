package dev.omskit.core.returns;

/** What the buyer gets for returned units. */
public enum ReturnResolution {
    /** Money back to the buyer (a {@link Refund}). */
    REFUND,
    /** A {@link StoreCredit} instead of money. */
    STORE_CREDIT,
    /** Other units (another size or colour) in a replacement order. */
    EXCHANGE
}
