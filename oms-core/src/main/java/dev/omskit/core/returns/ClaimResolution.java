package dev.omskit.core.returns;

/** How an approved claim is settled. */
public enum ClaimResolution {
    /** Money back for the claimed units (a {@link Refund}). */
    REFUND,
    /** The claimed units sent again in a replacement order at zero price. */
    REPLACEMENT
}
